using System.Text.RegularExpressions;
using System.Xml.Linq;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Health;
using static Library.Tests.Deployment.DeploymentFiles;

namespace Library.Tests.Deployment;

/// <summary>Dockerfile, .dockerignore and docker-compose.yml, checked as files (no Docker engine runs on the dev machines).</summary>
public sealed partial class ContainerImageTests
{
    private static readonly Dockerfile Image = ReadDockerfile();

    [Fact]
    public void Builds_with_the_sdk_image_and_runs_on_the_aspnet_runtime()
    {
        // The base images are build arguments (local bases where no registry is reachable) whose defaults are the official images.
        var defaults = Image.All("ARG").Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var stages = Image.All("FROM").Select(f => BuildArgument().Replace(f, m => defaults[m.Groups[1].Value])).ToList();
        Assert.True(stages.Count >= 2, "multi-stage build");
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", stages[0]);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0( AS \w+)?$", stages[^1]);
        Assert.Contains(Image.FinalStage().All("COPY"), c => c.StartsWith("--from=build /app/publish", StringComparison.Ordinal));
        Assert.Equal(["dotnet", "Library.Web.dll"], Exec(Assert.Single(Image.FinalStage().All("ENTRYPOINT"))));
    }

    [Fact]
    public void Publishes_Library_Web_without_building_or_running_tests()
    {
        var runs = Image.All("RUN").ToList();
        var publish = Assert.Single(runs, r => r.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Matches(@"dotnet publish Library\.Web/Library\.Web\.csproj -c Release -o /app/publish", publish);
        Assert.DoesNotContain(runs, r => r.Contains("dotnet test", StringComparison.Ordinal) || r.Contains("Library.Tests", StringComparison.Ordinal));
    }

    [Fact]
    public void Restore_layer_copies_every_project_Library_Web_depends_on()
    {
        var copied = Image.All("COPY").Where(c => !c.StartsWith("--", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToHashSet();

        Assert.Contains("Directory.Build.props", copied);
        Assert.Contains("Directory.Packages.props", copied);
        Assert.All(ProjectClosure("Library.Web/Library.Web.csproj"), project => Assert.Contains(project, copied));
    }

    [Fact]
    public void Image_runs_as_the_non_root_app_user()
    {
        var user = Image.FinalStage().All("USER").Last();
        Assert.DoesNotMatch(@"^(root|0)(:.*)?$", user);
        // $APP_UID is the base image's non-root 'app' user; the pod's runAsUser must be that uid.
        var uid = user is "$APP_UID" or "${APP_UID}" ? AspNetImageAppUid : int.Parse(user.Split(':')[0]);
        Assert.NotEqual(0, uid);
        Assert.Equal(AspNetImageAppUid, uid);
    }

    [Fact]
    public void Image_listens_on_8080_keeps_its_data_in_a_volume_and_checks_liveness()
    {
        var final = Image.FinalStage();
        var env = final.Environment();
        Assert.Equal("8080", Assert.Single(final.All("EXPOSE")));
        Assert.Equal("8080", env["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal("/data", Assert.Single(final.All("VOLUME")));
        Assert.Equal("Data Source=/data/library.db", env["ConnectionStrings__Library"]);
        Assert.Equal("/data", env["Storage__DataDirectory"]);
        Assert.StartsWith("/data/", env["Notifications__PickupDirectory"]);
        Assert.Equal("json", env["Logging__Console__FormatterName"]);

        var healthcheck = Assert.Single(final.All("HEALTHCHECK"));
        Assert.Contains($"http://127.0.0.1:8080{HealthRegistration.LivePath}", healthcheck, StringComparison.Ordinal);
        Assert.Contains(final.All("RUN"), r => r.Contains("install", StringComparison.Ordinal) && r.Contains("curl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Library.Web/bin/Debug/net10.0/Library.Web.dll", true)]
    [InlineData("Library.Domain/obj/project.assets.json", true)]
    [InlineData("Library.Web/data/library.db", true)]
    [InlineData("data/library.db-wal", true)]
    [InlineData("TestResults/results.trx", true)]
    [InlineData("Library.Tests/Integration/HealthEndpointTests.cs", true)]
    [InlineData(".git/HEAD", true)]
    [InlineData("Library.Web/Program.cs", false)]
    [InlineData("Library.Web/wwwroot/app.css", false)]
    [InlineData("Library.Domain/Library.Domain.csproj", false)]
    [InlineData("Directory.Packages.props", false)]
    public void Dockerignore_keeps_build_output_local_data_and_tests_out_of_the_build_context(string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Excludes(path));

    [Fact]
    public void Dockerignore_keeps_every_source_file_of_the_published_projects()
    {
        foreach (var project in new[] { "Library.Web", "Library.Domain" })
        {
            var root = RepoRoot.PathOf(project);
            var sources = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepoRoot.Directory, f).Replace('\\', '/'))
                .Where(f => !Regex.IsMatch(f, @"(^|/)(bin|obj)/") && !f.StartsWith("Library.Web/data/", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(sources);
            Assert.All(sources, f => Assert.False(DockerIgnore.Excludes(f), $"{f} would be left out of the image build"));
        }
    }

    [Fact]
    public void Compose_runs_one_service_with_the_data_volume_and_its_configuration_in_the_environment()
    {
        var compose = ReadYaml("docker-compose.yml").Single().Json;
        // Without a profile, `docker compose up` starts exactly this one service.
        var service = Assert.Single(compose["services"]!.AsObject(), s => Merged(s.Value!.AsObject())["profiles"] is null).Value!;
        Assert.Equal(".", service["build"]!["context"]!.GetValue<string>());
        Assert.Contains(service["volumes"]!.AsArray(), v => v!.GetValue<string>().EndsWith(":/data", StringComparison.Ordinal));
        Assert.Contains(service["ports"]!.AsArray(), p => p!.GetValue<string>().EndsWith(":8080", StringComparison.Ordinal));

        var env = service["environment"]!.AsObject();
        Assert.Equal("Data Source=/data/library.db", env["ConnectionStrings__Library"]!.GetValue<string>());
        Assert.Equal("/data", env["Storage__DataDirectory"]!.GetValue<string>());
        Assert.NotNull(env["Logging__LogLevel__Default"]);
        Assert.NotNull(env["Seed__Demo"]);

        // Same filesystem rules as the Kubernetes pod: read-only, with /tmp writable.
        Assert.Equal("true", service["read_only"]!.GetValue<string>());
        Assert.Contains(service["tmpfs"]!.AsArray(), t => t!.GetValue<string>() == "/tmp");
    }

    [Fact]
    public void Compose_cluster_profile_runs_postgres_redis_two_app_nodes_and_the_proxy_in_front_of_both()
    {
        var services = ReadYaml("docker-compose.yml").Single().Json["services"]!.AsObject()
            .ToDictionary(s => s.Key, s => Merged(s.Value!.AsObject()))
            .Where(s => s.Value["profiles"]?.AsArray().Any(p => p!.GetValue<string>() == "cluster") == true)
            .ToDictionary();
        Assert.Equal(["node1", "node2", "postgres", "proxy", "redis"], services.Keys.Order());

        var nodes = new[] { services["node1"], services["node2"] };
        Assert.All(nodes, node =>
        {
            Assert.Equal("Dockerfile", node["build"]!["dockerfile"]!.GetValue<string>());
            var env = Merged(node["environment"]!.AsObject());
            Assert.Equal("PostgreSQL", env["Database__Provider"]!.GetValue<string>());
            Assert.Contains("Host=postgres", env["ConnectionStrings__Library"]!.GetValue<string>());
            Assert.StartsWith("redis:", env["ConnectionStrings__Redis"]!.GetValue<string>());
            Assert.Contains(HealthRegistration.ReadyPath, string.Join(' ', node["healthcheck"]!["test"]!.AsArray().Select(t => t!.GetValue<string>())));
            Assert.Equal("true", node["read_only"]!.GetValue<string>());
        });
        Assert.Equal(["node1", "node2"], nodes.Select(n => Merged(n["environment"]!.AsObject())["Cluster__NodeName"]!.GetValue<string>()));

        var proxy = services["proxy"];
        Assert.Equal("deploy/cluster/Proxy/Dockerfile", proxy["build"]!["dockerfile"]!.GetValue<string>());
        Assert.True(File.Exists(RepoRoot.PathOf("deploy/cluster/Proxy/Dockerfile")));
        Assert.Equal("http://node1:8080,http://node2:8080", proxy["environment"]!["Proxy__Nodes"]!.GetValue<string>());
    }

    /// <summary>A mapping with its YAML merge keys (<c>&lt;&lt;: *anchor</c>) folded in, own keys winning.</summary>
    private static System.Text.Json.Nodes.JsonObject Merged(System.Text.Json.Nodes.JsonObject map)
    {
        var result = new System.Text.Json.Nodes.JsonObject();
        if (map["<<"] is System.Text.Json.Nodes.JsonObject inherited)
        {
            foreach (var (key, value) in Merged(inherited))
            {
                result[key] = value?.DeepClone();
            }
        }

        foreach (var (key, value) in map.Where(kv => kv.Key != "<<"))
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    /// <summary>The project file and every project it references, transitively, as repository paths.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(RepoRoot.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(RepoRoot.PathOf(directory), reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepoRoot.Directory, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex BuildArgument();

    private static string[] Exec(string jsonArray) =>
        System.Text.Json.JsonSerializer.Deserialize<string[]>(jsonArray)!;
}

/// <summary>
/// Docker's .dockerignore rules for the patterns this repository uses: paths relative to the context, a leading
/// '/' ignored, '*' within one path segment, '**' across segments, a match on a folder excluding everything in it,
/// and '!' re-including (last matching pattern wins).
/// </summary>
internal static class DockerIgnore
{
    private static readonly Lazy<IReadOnlyList<(Regex Pattern, bool Exclude)>> Rules = new(() =>
        RepoRoot.Read(".dockerignore").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.StartsWith('!') ? (ToRegex(l[1..]), false) : (ToRegex(l), true))
            .ToList());

    public static bool Excludes(string path)
    {
        var excluded = false;
        var segments = path.Split('/');
        foreach (var (pattern, exclude) in Rules.Value)
        {
            // A pattern that matches the path or any folder above it applies to the path.
            for (var length = 1; length <= segments.Length; length++)
            {
                if (pattern.IsMatch(string.Join('/', segments[..length])))
                {
                    excluded = exclude;
                    break;
                }
            }
        }

        return excluded;
    }

    private static Regex ToRegex(string pattern)
    {
        pattern = pattern.Trim('/');
        var regex = Regex.Escape(pattern)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"/\*\*", "(/.*)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{regex}$");
    }
}
