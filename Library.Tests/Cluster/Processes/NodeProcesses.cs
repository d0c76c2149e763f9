using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Library.Tests.TestSupport;
using Npgsql;

namespace Library.Tests.Cluster.Processes;

/// <summary>
/// Two real app processes (<c>dotnet Library.Web.dll</c>, Production, Kestrel on two loopback ports) as cluster nodes on one
/// fresh test PostgreSQL database and the test Redis — what deploy/cluster/run.sh starts behind its proxy. Node A creates,
/// migrates and seeds the database (demo data); node B starts once A is ready. Started once per test class.
/// </summary>
public sealed class NodeProcesses : IAsyncLifetime
{
    public const string Password = "Cluster-process-2026!";
    private readonly string _database = "cluster_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<HttpClient> _clients = [];

    public AppProcess A { get; private set; } = default!;

    public AppProcess B { get; private set; } = default!;

    public ClusterDatabase Database { get; private set; } = default!;

    public string ConnectionString => TestStore.DatabaseConnectionString(_database);

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("LIBRARY_TEST_REDIS")) ||
            string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("LIBRARY_TEST_POSTGRES")))
        {
            return; // the tests are skipped (ClusterProcessFact) and start nothing
        }

        Database = new ClusterDatabase(ConnectionString);
        A = await StartNodeAsync("node-a");
        B = await StartNodeAsync("node-b");
    }

    private async Task<AppProcess> StartNodeAsync(string name)
    {
        var node = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = TestStore.PostgreSql,
            ["ConnectionStrings__Library"] = ConnectionString,
            ["ConnectionStrings__Redis"] = Environment.GetEnvironmentVariable("LIBRARY_TEST_REDIS")!,
            ["Cluster__RedisPrefix"] = $"library-test:{_database}:",
            ["Cluster__NodeName"] = name,
            ["Seed__Demo"] = "true",
            // The burst tests send many actions per patron; the per-patron limit is not what they are about.
            ["Lending__Throttle__PerPatronBurst"] = "1000",
            ["Lending__Throttle__PerPatronPerSecond"] = "1000",
            // Every patron signs in from 127.0.0.1, and on a cluster both nodes draw on one per-address budget.
            ["SignIn__Throttle__FailuresPerAddress"] = "1000",
            // Redelivery of what a dead node left behind should not wait for the default 30 s sweep slot.
            ["Outbox__SweepCron"] = "0/2 * * * * ?",
            ["Outbox__PollInterval"] = "00:00:01",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        await WaitUntilReadyAsync(node);
        return node;
    }

    public static async Task WaitUntilReadyAsync(AppProcess node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false; // not listening yet, or still starting up (a first answer slower than 5 s on a loaded machine)
            }
        }, $"{node.BaseAddress} ready:\n{string.Join('\n', node.Output.TakeLast(30))}", TimeSpan.FromSeconds(120));
    }

    /// <summary>An anonymous client of one node; disposed with the fixture.</summary>
    public HttpClient Client(AppProcess node)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>Registers a patron through <paramref name="node"/>.</summary>
    public async Task<string> RegisterAsync(AppProcess node, string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}"[..20] + "@cluster.test";
        var registered = await Client(node).PostAsJsonAsync("/api/auth/register", new { email, password = Password });
        Assert.True(registered.IsSuccessStatusCode, $"register on {node.BaseAddress}: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        return email;
    }

    /// <summary>A bearer token issued by <paramref name="node"/>.</summary>
    public async Task<string> SignInAsync(AppProcess node, string email)
    {
        var login = await Client(node).PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.True(login.IsSuccessStatusCode, $"login on {node.BaseAddress}: {(int)login.StatusCode}");
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A client of <paramref name="node"/> that sends <paramref name="token"/> (wherever it was issued).</summary>
    public HttpClient Bearer(AppProcess node, string token)
    {
        var client = Client(node);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var node in new[] { B, A }.Where(n => n is not null))
        {
            await node.DisposeAsync();
        }

        if (Database is not null)
        {
            await TestStore.DropDatabaseAsync(ConnectionString);
        }
    }
}

/// <summary>The cluster's database as the tests read it: plain SQL over Npgsql, no app process involved.</summary>
public sealed class ClusterDatabase(string connectionString)
{
    public string ConnectionString => connectionString;

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Events not delivered yet (and not parked as failed).</summary>
    public Task<long> OutboxBacklogAsync() =>
        ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL AND "FailedAt" IS NULL""");
}
