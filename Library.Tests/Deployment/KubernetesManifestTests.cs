using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Health;
using Microsoft.Extensions.Logging;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static Library.Tests.Deployment.DeploymentFiles;

namespace Library.Tests.Deployment;

/// <summary>deploy/k8s parsed and checked against the app and the Dockerfile (no cluster runs here).</summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly JsonObject Deployment = Single("Deployment").Json;
    private static readonly JsonObject PodSpec = Deployment["spec"]!["template"]!["spec"]!.AsObject();
    private static readonly JsonObject Container = PodSpec["containers"]!.AsArray().Single()!.AsObject();
    private static readonly JsonObject ConfigData = Single("ConfigMap").Json["data"]!.AsObject();

    [Fact]
    public void Kustomization_lists_every_manifest_in_the_folder_and_each_parses()
    {
        var files = Directory.GetFiles(RepoRoot.PathOf(K8sFolder), "*.y*ml")
            .Select(f => Path.GetFileName(f))
            .Where(f => f != "kustomization.yaml")
            .Order()
            .ToList();

        Assert.Equal(files, KustomizationResources().Order().ToList());
        var objects = KustomizedObjects();
        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "PodDisruptionBudget", "Secret", "Secret", "Service"],
            objects.Select(o => o.Kind).Order().ToList());
        Assert.All(objects, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Json["apiVersion"]?.GetValue<string>()), o.ToString());
            Assert.False(string.IsNullOrWhiteSpace(o.Name), o.ToString());
        });
    }

    [Fact]
    public void Probes_hit_the_apps_health_endpoints_on_the_port_the_image_exposes()
    {
        var dockerfile = ReadDockerfile().FinalStage();
        var exposed = Assert.Single(dockerfile.All("EXPOSE"));
        Assert.Equal("8080", exposed);
        Assert.Equal(exposed, dockerfile.Environment()["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal(exposed, ConfigData["ASPNETCORE_HTTP_PORTS"]!.GetValue<string>());

        Assert.Equal(HealthRegistration.ReadyPath, Probe("readinessProbe")["path"]!.GetValue<string>());
        Assert.Equal(HealthRegistration.LivePath, Probe("livenessProbe")["path"]!.GetValue<string>());
        Assert.Equal(HealthRegistration.LivePath, Probe("startupProbe")["path"]!.GetValue<string>());
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Equal(exposed, ContainerPort(Probe(probe)["port"]!.GetValue<string>()));
        }

        // Service -> container port, Ingress -> Service port.
        var service = Single("Service").Json;
        var servicePort = service["spec"]!["ports"]!.AsArray().Single()!;
        Assert.Equal(exposed, ContainerPort(servicePort["targetPort"]!.GetValue<string>()));
        var backend = Single("Ingress").Json["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!;
        Assert.Equal(Single("Service").Name, backend["name"]!.GetValue<string>());
        Assert.Equal(servicePort["name"]!.GetValue<string>(), backend["port"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Service_and_autoscaler_select_the_deployment_and_its_pods()
    {
        var podLabels = Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var selector = Deployment["spec"]!["selector"]!["matchLabels"]!.AsObject();
        var serviceSelector = Single("Service").Json["spec"]!["selector"]!.AsObject();
        Assert.All(selector.Concat(serviceSelector), label => Assert.Equal(label.Value!.GetValue<string>(), podLabels[label.Key]?.GetValue<string>()));

        var target = Single("HorizontalPodAutoscaler").Json["spec"]!["scaleTargetRef"]!;
        Assert.Equal("Deployment", target["kind"]!.GetValue<string>());
        Assert.Equal(Single("Deployment").Name, target["name"]!.GetValue<string>());
    }

    [Fact]
    public void Every_ConfigMap_and_Secret_the_deployment_references_is_in_the_kustomization()
    {
        var references = new List<(string Kind, string Name)>();
        CollectReferences(Deployment, references);
        var defined = KustomizedObjects().Select(o => (o.Kind, o.Name)).ToHashSet();

        Assert.Contains(references, r => r.Kind == "ConfigMap");
        Assert.Contains(references, r => r.Kind == "Secret");
        Assert.All(references, r => Assert.True(defined.Contains(r), $"{r.Kind}/{r.Name} is referenced but not in the kustomization"));

        // Passwords (SMTP, and the ones inside the connection strings) come from Secrets, never from the ConfigMap.
        Assert.Equal("library-smtp", SecretKeyRef("Smtp__Password")["name"]!.GetValue<string>());
        Assert.DoesNotContain(ConfigData, kv => kv.Key.Contains("Password", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ConfigData, kv => kv.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_pod_is_a_cluster_node_on_the_PostgreSQL_and_Redis_named_in_a_secret()
    {
        Assert.Equal("PostgreSQL", ConfigData["Database__Provider"]!.GetValue<string>());
        var library = SecretKeyRef("ConnectionStrings__Library");
        var redis = SecretKeyRef("ConnectionStrings__Redis");
        Assert.Equal("library-connections", library["name"]!.GetValue<string>());
        Assert.Equal("library-connections", redis["name"]!.GetValue<string>());
        // Required: a pod without its database or Redis must not start (a PostgreSQL node without Redis is refused anyway).
        Assert.NotEqual("true", library["optional"]?.GetValue<string>());
        Assert.NotEqual("true", redis["optional"]?.GetValue<string>());
        Assert.Equal("metadata.name", Env("Cluster__NodeName")["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
    }

    [Fact]
    public void The_secrets_in_git_hold_no_value_so_applying_the_kustomization_never_overwrites_the_real_ones()
    {
        var secrets = KustomizedObjects().Where(o => o.Kind == "Secret").ToList();
        Assert.Equal(["library-connections", "library-smtp"], secrets.Select(s => s.Name).Order());
        Assert.All(secrets, secret =>
        {
            Assert.Null(secret.Json["data"]);
            Assert.Null(secret.Json["stringData"]);
        });
    }

    [Fact]
    public void Pod_runs_as_the_images_non_root_user_with_a_read_only_root_filesystem_and_only_data_and_tmp_writable()
    {
        var pod = PodSpec["securityContext"]!;
        Assert.Equal("true", pod["runAsNonRoot"]!.GetValue<string>());
        Assert.Equal(AspNetImageAppUid.ToString(), pod["runAsUser"]!.GetValue<string>());
        Assert.Equal(AspNetImageAppUid.ToString(), pod["fsGroup"]!.GetValue<string>());

        var container = Container["securityContext"]!;
        Assert.Equal("true", container["readOnlyRootFilesystem"]!.GetValue<string>());
        Assert.Equal("false", container["allowPrivilegeEscalation"]!.GetValue<string>());
        Assert.Equal(["ALL"], container["capabilities"]!["drop"]!.AsArray().Select(c => c!.GetValue<string>()));

        var volumes = PodSpec["volumes"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!.AsObject());
        var mounts = Container["volumeMounts"]!.AsArray()
            .ToDictionary(m => m!["mountPath"]!.GetValue<string>(), m => m!.AsObject());
        Assert.Equal(["/data", "/tmp"], mounts.Keys.Order());
        Assert.All(mounts.Values, m => Assert.NotEqual("true", m["readOnly"]?.GetValue<string>()));
        // A cluster pod keeps nothing that must outlive it: /data is per-pod scratch (mail pickup), /tmp too.
        Assert.NotNull(volumes[mounts["/data"]["name"]!.GetValue<string>()]["emptyDir"]);
        Assert.NotNull(volumes[mounts["/tmp"]["name"]!.GetValue<string>()]["emptyDir"]);
        Assert.Equal("/data", ConfigData["Storage__DataDirectory"]!.GetValue<string>());
        Assert.StartsWith("/data/", ConfigData["Notifications__PickupDirectory"]!.GetValue<string>());
    }

    [Fact]
    public void Rollouts_keep_the_old_pod_serving_until_the_new_one_is_ready_and_stop_gracefully()
    {
        var strategy = Deployment["spec"]!["strategy"]!;
        Assert.Equal("RollingUpdate", strategy["type"]!.GetValue<string>());
        Assert.Equal("0", strategy["rollingUpdate"]!["maxUnavailable"]!.GetValue<string>());
        Assert.True(int.Parse(strategy["rollingUpdate"]!["maxSurge"]!.GetValue<string>()) >= 1);

        // preStop pause, then the app's own shutdown (drain delay included) capped by the host's 30 s timeout.
        var preStop = Container["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var pause = int.Parse(SleepSeconds().Match(string.Join(' ', preStop)).Groups[1].Value);
        var drain = TimeSpan.Parse(ConfigData["Health__ShutdownDrainDelay"]!.GetValue<string>());
        var hostShutdownTimeout = TimeSpan.FromSeconds(30);
        Assert.True(pause > 0);
        Assert.True(drain < hostShutdownTimeout);
        Assert.True(int.Parse(PodSpec["terminationGracePeriodSeconds"]!.GetValue<string>()) > pause + hostShutdownTimeout.TotalSeconds);

        // The autoscaler owns the replica count; a fixed count in the Deployment would reset it on every apply.
        Assert.Null(Deployment["spec"]!["replicas"]);
    }

    [Fact]
    public void Container_declares_resource_requests_and_limits()
    {
        var resources = Container["resources"]!;
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.False(string.IsNullOrWhiteSpace(resources[kind]!["cpu"]?.GetValue<string>()), kind);
            Assert.False(string.IsNullOrWhiteSpace(resources[kind]!["memory"]?.GetValue<string>()), kind);
        }
    }

    [Fact]
    public void Autoscaler_runs_2_to_10_pods_on_cpu_and_no_longer_warns_that_a_second_pod_is_unsupported()
    {
        var spec = Single("HorizontalPodAutoscaler").Json["spec"]!;
        Assert.Equal("2", spec["minReplicas"]!.GetValue<string>());
        Assert.Equal("10", spec["maxReplicas"]!.GetValue<string>());
        var cpu = spec["metrics"]!.AsArray().Single()!["resource"]!;
        Assert.Equal("cpu", cpu["name"]!.GetValue<string>());
        Assert.Equal("Utilization", cpu["target"]!["type"]!.GetValue<string>());
        Assert.InRange(int.Parse(cpu["target"]!["averageUtilization"]!.GetValue<string>()), 30, 90);
        // Scale-in ends circuits: it waits before removing pods.
        Assert.True(int.Parse(spec["behavior"]!["scaleDown"]!["stabilizationWindowSeconds"]!.GetValue<string>()) >= 60);

        foreach (var text in new[] { RepoRoot.Read(K8sFolder, "hpa.yaml"), RepoRoot.Read("deploy", "README.md") })
        {
            Assert.DoesNotContain("NOT built yet", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("one replica for now", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_disruption_budget_keeps_a_pod_serving_through_node_drains()
    {
        var pdb = Single("PodDisruptionBudget").Json["spec"]!;
        Assert.Equal("1", pdb["minAvailable"]!.GetValue<string>());
        var podLabels = Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.All(pdb["selector"]!["matchLabels"]!.AsObject(), l => Assert.Equal(l.Value!.GetValue<string>(), podLabels[l.Key]?.GetValue<string>()));
    }

    [Fact]
    public void The_SQLite_variant_is_one_pod_on_a_volume_that_stops_before_its_replacement_starts()
    {
        var kustomization = ReadYaml($"{SqliteFolder}/kustomization.yaml").Single().Json;
        Assert.Equal(["../k8s", "pvc.yaml"], kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>()));
        var patches = kustomization["patches"]!.AsArray().Select(p => p!["patch"]?.GetValue<string>() ?? "").ToList();
        Assert.Contains(patches, p => p.Contains("$patch: delete") && p.Contains("kind: HorizontalPodAutoscaler"));
        Assert.Contains(patches, p => p.Contains("$patch: delete") && p.Contains("kind: PodDisruptionBudget"));
        Assert.Contains(patches, p => p.Contains("Database__Provider: \"Sqlite\"") && p.Contains("Data Source=/data/library.db"));

        var deployment = ReadYaml($"{SqliteFolder}/single-node.yaml").Single().Json["spec"]!;
        Assert.Equal("1", deployment["replicas"]!.GetValue<string>());
        Assert.Equal("Recreate", deployment["strategy"]!["type"]!.GetValue<string>());
        var claim = ReadYaml($"{SqliteFolder}/pvc.yaml").Single();
        Assert.Equal("ReadWriteOnce", claim.Json["spec"]!["accessModes"]![0]!.GetValue<string>());
        var data = deployment["template"]!["spec"]!["volumes"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "data")!;
        Assert.Equal(claim.Name, data["persistentVolumeClaim"]!["claimName"]!.GetValue<string>());
        var dropped = deployment["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Where(e => e!["$patch"]?.GetValue<string>() == "delete").Select(e => e!["name"]!.GetValue<string>());
        Assert.Equal(["ConnectionStrings__Library", "ConnectionStrings__Redis"], dropped.Order());
    }

    [Fact]
    public void Ingress_keeps_each_browser_on_one_pod_with_a_cookie()
    {
        var annotations = Single("Ingress").Json["metadata"]!["annotations"]!.AsObject();
        Assert.Equal("cookie", annotations["nginx.ingress.kubernetes.io/affinity"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(annotations["nginx.ingress.kubernetes.io/session-cookie-name"]?.GetValue<string>()));
    }

    [Fact]
    public void ConfigMap_feeds_log_levels_and_settings_as_environment_variables()
    {
        Assert.Equal(Single("ConfigMap").Name, Container["envFrom"]!.AsArray().Single()!["configMapRef"]!["name"]!.GetValue<string>());
        Assert.Equal("Information", ConfigData["Logging__LogLevel__Default"]!.GetValue<string>());
        Assert.Equal("json", ConfigData["Logging__Console__FormatterName"]!.GetValue<string>());

        var levels = ConfigData.Where(kv => kv.Key.StartsWith("Logging__LogLevel__", StringComparison.Ordinal)).ToList();
        Assert.All(levels, kv => Assert.True(Enum.TryParse<LogLevel>(kv.Value!.GetValue<string>(), out _), $"{kv.Key}: not a log level"));
        Assert.All(ConfigData, kv => Assert.Matches(KubernetesEnvName(), kv.Key));
    }

    [Fact]
    public void Every_ConfigMap_value_is_a_string_as_Kubernetes_requires()
    {
        // An unquoted 8080 or true is an int or a bool to the API server, which rejects the ConfigMap.
        var data = (YamlMappingNode)Single("ConfigMap").Raw.Children[new YamlScalarNode("data")];
        Assert.All(data.Children, kv =>
        {
            var value = Assert.IsType<YamlScalarNode>(kv.Value);
            Assert.False(value.Style == ScalarStyle.Plain && NonStringPlainScalar().IsMatch(value.Value ?? ""), $"{kv.Key}: quote {value.Value}");
        });
    }

    private const string SqliteFolder = "deploy/k8s-sqlite";

    private static JsonNode Probe(string name) => Container[name]!["httpGet"]!;

    private static JsonNode Env(string name) => Container["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == name)!;

    private static JsonNode SecretKeyRef(string name) => Env(name)["valueFrom"]!["secretKeyRef"]!;

    /// <summary>A probe or Service port (number or container port name) as the container port number.</summary>
    private static string ContainerPort(string port)
    {
        var ports = Container["ports"]!.AsArray();
        return int.TryParse(port, out _)
            ? ports.Single(p => p!["containerPort"]!.GetValue<string>() == port)!["containerPort"]!.GetValue<string>()
            : ports.Single(p => p!["name"]?.GetValue<string>() == port)!["containerPort"]!.GetValue<string>();
    }

    private static void CollectReferences(JsonNode? node, List<(string Kind, string Name)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var name = key switch
                    {
                        "configMapRef" or "configMapKeyRef" or "configMap" => ("ConfigMap", value?["name"]),
                        "secretRef" or "secretKeyRef" => ("Secret", value?["name"]),
                        "secret" => ("Secret", value?["secretName"]),
                        "persistentVolumeClaim" => ("PersistentVolumeClaim", value?["claimName"]),
                        _ => default((string, JsonNode?)),
                    };
                    if (name.Item2 is not null)
                    {
                        found.Add((name.Item1, name.Item2.GetValue<string>()));
                    }

                    CollectReferences(value, found);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectReferences(item, found);
                }

                break;
        }
    }

    [GeneratedRegex(@"sleep\s+(\d+)")]
    private static partial Regex SleepSeconds();

    /// <summary>Kubernetes' rule for environment variable names (dots allowed, unlike a shell).</summary>
    [GeneratedRegex(@"^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex KubernetesEnvName();
}
