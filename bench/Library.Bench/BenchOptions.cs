namespace Library.Bench;

internal sealed class BenchOptions
{
    public string AppDll { get; set; } = string.Empty;
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "library-bench");
    public int Users { get; set; } = 100;
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(60);
    public int Titles { get; set; } = 100_000;
    public int Loans { get; set; } = 1_000_000;
    public int SearchSamples { get; set; } = 500;
    public int LiveSamples { get; set; } = 200;
    public List<string> Scenarios { get; set; } = ["startup", "load", "live", "search", "crash"];

    /// <summary><c>--circuits N</c>: the largest circuit count the circuits scenario ramps to (it stops earlier when memory or time runs low).</summary>
    public int Circuits { get; set; } = 1_000;
    public Dictionary<string, string> AppSettings { get; } = new() { ["Seed:Demo"] = "true" };
    public string Provider { get; set; } = "sqlite";
    public string? PostgresServer { get; set; } = Environment.GetEnvironmentVariable("LIBRARY_BENCH_POSTGRES");
    public BenchStore Store => new(Provider, PostgresServer);

    /// <summary><c>--cluster</c>: the load scenario against N nodes on PostgreSQL + Redis behind the proxy.</summary>
    public bool Cluster { get; set; }
    public int Nodes { get; set; } = 2;
    public string? RedisServer { get; set; } = Environment.GetEnvironmentVariable("LIBRARY_BENCH_REDIS");
    public string? ProxyDll { get; set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--app": options.AppDll = Path.GetFullPath(Next()); break;
                case "--users": options.Users = int.Parse(Next()); break;
                case "--duration": options.Duration = TimeSpan.FromSeconds(int.Parse(Next())); break;
                case "--circuits": options.Circuits = int.Parse(Next()); break;
                case "--titles": options.Titles = int.Parse(Next()); break;
                case "--loans": options.Loans = int.Parse(Next()); break;
                case "--only": options.Scenarios = Next().Split(',').ToList(); break;
                case "--work": options.WorkDirectory = Next(); break;
                case "--provider": options.Provider = Next(); break;
                case "--postgres": options.PostgresServer = Next(); break;
                case "--cluster": options.Cluster = true; break;
                case "--nodes": options.Nodes = int.Parse(Next()); break;
                case "--redis": options.RedisServer = Next(); break;
                case "--proxy": options.ProxyDll = Path.GetFullPath(Next()); break;
                case "--set":
                    var pair = Next().Split('=', 2);
                    options.AppSettings[pair[0]] = pair[1];
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        if (!File.Exists(options.AppDll))
        {
            throw new ArgumentException("--app must point at the published Library.Web.dll (bench/run.sh does this).");
        }

        if (options.Store.IsPostgreSql && string.IsNullOrWhiteSpace(options.PostgresServer))
        {
            throw new ArgumentException("--provider postgresql needs --postgres \"Host=…;Port=…;Username=…\" (bench/run.sh starts one when absent).");
        }

        if (options.Cluster)
        {
            if (!options.Store.IsPostgreSql || string.IsNullOrWhiteSpace(options.RedisServer) || !File.Exists(options.ProxyDll))
            {
                throw new ArgumentException("--cluster needs --provider postgresql, --redis \"host:port\" and --proxy <Library.Proxy.dll> (bench/run.sh --cluster gives all three).");
            }

            if (options.Scenarios.Any(s => s != "load"))
            {
                throw new ArgumentException("--cluster runs the load scenario only (--only load).");
            }
        }

        return options;
    }
}
