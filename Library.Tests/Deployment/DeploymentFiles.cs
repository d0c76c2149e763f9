using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Library.Tests.TestSupport;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Library.Tests.Deployment;

/// <summary>The deployment files of the repository, parsed: Kubernetes manifests, docker-compose.yml, the Dockerfile.</summary>
internal static partial class DeploymentFiles
{
    public const string K8sFolder = "deploy/k8s";

    /// <summary>The uid of the non-root user 'app' that mcr.microsoft.com/dotnet/aspnet images define as $APP_UID.</summary>
    public const int AspNetImageAppUid = 1654;

    /// <summary>Every YAML document of one file (multi-document safe), with the raw node kept for scalar-style checks.</summary>
    public static IReadOnlyList<YamlDocumentFile> ReadYaml(string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(RepoRoot.Read(relativePath)))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Where(d => d.RootNode is YamlMappingNode)
            .Select(d => new YamlDocumentFile(relativePath, (YamlMappingNode)d.RootNode, ToJson(d.RootNode)!.AsObject()))
            .ToList();
    }

    /// <summary>The resources the kustomization lists, as Kubernetes objects.</summary>
    public static IReadOnlyList<YamlDocumentFile> KustomizedObjects() =>
        KustomizationResources().SelectMany(r => ReadYaml($"{K8sFolder}/{r}")).ToList();

    public static IReadOnlyList<string> KustomizationResources() =>
        ReadYaml($"{K8sFolder}/kustomization.yaml").Single().Json["resources"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

    public static YamlDocumentFile Single(string kind) => KustomizedObjects().Single(o => o.Kind == kind);

    /// <summary>A JSON view of a YAML node; every scalar stays a string (as Kubernetes sees quoted and plain values alike).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => scalar.Value is null or "~" && scalar.Style == ScalarStyle.Plain ? null : JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    public static Dockerfile ReadDockerfile() => Dockerfile.Parse(RepoRoot.Read("Dockerfile"));

    [GeneratedRegex(@"^-?\d+(\.\d+)?$|^(true|false|yes|no|on|off|null|~)$", RegexOptions.IgnoreCase)]
    public static partial Regex NonStringPlainScalar();
}

internal sealed record YamlDocumentFile(string File, YamlMappingNode Raw, JsonObject Json)
{
    public string Kind => Json["kind"]!.GetValue<string>();

    public string Name => Json["metadata"]!["name"]!.GetValue<string>();

    public override string ToString() => $"{Kind}/{Name} ({File})";
}

/// <summary>Dockerfile instructions with line continuations joined and comments dropped.</summary>
internal sealed partial record Dockerfile(IReadOnlyList<(string Instruction, string Arguments)> Instructions)
{
    public static Dockerfile Parse(string text)
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            if (current.Trim().Length > 0)
            {
                var parts = current.Trim().Split(' ', 2);
                instructions.Add((parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""));
            }

            current = "";
        }

        return new Dockerfile(instructions);
    }

    public IEnumerable<string> All(string instruction) =>
        Instructions.Where(i => i.Instruction == instruction).Select(i => i.Arguments);

    /// <summary>The instructions of the last stage (the image that runs).</summary>
    public Dockerfile FinalStage()
    {
        var lastFrom = Instructions.Select((i, index) => (i, index)).Last(x => x.i.Instruction == "FROM").index;
        return new Dockerfile(Instructions.Skip(lastFrom).ToList());
    }

    /// <summary>ENV key=value pairs (quoted values unquoted), later ones winning.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>();
        foreach (var args in All("ENV"))
        {
            foreach (Match m in EnvPair().Matches(args))
            {
                env[m.Groups["key"].Value] = m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["plain"].Value;
            }
        }

        return env;
    }

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_.]*)=(?:""(?<quoted>[^""]*)""|(?<plain>\S+))")]
    private static partial Regex EnvPair();
}
