using Microsoft.Playwright;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Library.Tests.TestSupport;

/// <summary>
/// The real app on Kestrel (127.0.0.1, random port) with its own SQLite file and a movable clock.
/// One instance per test class (IClassFixture) or per test when the test moves the clock.
/// </summary>
public class LibraryApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PatronEmail = "patron@library.local";
    public const string PatronPassword = "Patron!123";
    public const string Patron2Email = "patron2@library.local";
    public const string LibrarianEmail = "librarian@library.local";
    public const string LibrarianPassword = "Librarian!123";

    private readonly Dictionary<string, string?> _settings = new();
    private LibraryApp? _databaseOwner;
    private bool _clustered;

    public LibraryApp()
        : this(null)
    {
    }

    /// <param name="dataDirectory">Reuse another run's data (a restart); that data is then kept on dispose.</param>
    protected LibraryApp(string? dataDirectory)
    {
        KeepDataOnDispose = dataDirectory is not null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "library-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>A new app process on the data directory an earlier run left behind.</summary>
    public static LibraryApp RestartOn(string dataDirectory) => new(dataDirectory);

    /// <summary>This app's clock; a second node (<see cref="UseDatabaseOf"/>) shares its owner's, as machines of one cluster agree on the time.</summary>
    public TestClock Clock { get; private set; } = new();

    public string DataDirectory { get; }

    public bool KeepDataOnDispose { get; set; }

    public string DatabasePath => _databaseOwner?.DatabasePath ?? Path.Combine(DataDirectory, "library.db");

    /// <summary>On the PostgreSQL pass: this app's own database on the test server, named after its data directory.</summary>
    public string PostgreSqlConnectionString =>
        _databaseOwner?.PostgreSqlConnectionString ?? TestStore.DatabaseConnectionString("library_" + Path.GetFileName(DataDirectory));

    /// <summary>
    /// A second node: this app works on <paramref name="owner"/>'s database (which it neither creates nor drops) and reads
    /// the owner's clock (Quartz's clustered store compares the nodes' check-in times).
    /// </summary>
    public LibraryApp UseDatabaseOf(LibraryApp owner)
    {
        _databaseOwner = owner;
        Clock = owner.Clock;
        return this;
    }

    /// <summary>
    /// A cluster node: ConnectionStrings:Redis from <c>LIBRARY_TEST_REDIS</c> (test.sh starts a private Redis), keys and
    /// channels prefixed per database so the nodes of one test share them and other tests do not hear them.
    /// </summary>
    public LibraryApp WithRedis()
    {
        _clustered = true;
        return this;
    }

    /// <summary>
    /// Two nodes on one PostgreSQL database must be cluster nodes (a single node refuses to share it); on SQLite, where a
    /// cluster is refused, they stay plain nodes on one file.
    /// </summary>
    public LibraryApp WithRedisOnPostgreSql() => TestStore.Provider == TestStore.PostgreSql ? WithRedis() : this;

    public static string RedisServer => Environment.GetEnvironmentVariable("LIBRARY_TEST_REDIS")
        ?? throw new InvalidOperationException("LIBRARY_TEST_REDIS is not set: run the tests through ./test.sh (it starts a private Redis).");

    /// <summary>The Redis key and channel prefix of this app's database (shared by every node on it).</summary>
    public string RedisPrefix => "library-test:" + Path.GetFileName((_databaseOwner ?? this).DataDirectory) + ":";

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Configuration a test wants before the app starts (e.g. "Lending:MaxCopiesOnLoan").</summary>
    public LibraryApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, package assets (_content/MudBlazor, _framework/blazor.web.js) are only served from a publish
        // folder; tests run from the build output, so map the build's static web assets manifest as Development does.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (TestStore.Provider == TestStore.PostgreSql)
        {
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Library", PostgreSqlConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Library", $"Data Source={DatabasePath}");
        }
        if (!_settings.ContainsKey("Seed:Demo"))
        {
            builder.UseSetting("Seed:Demo", "true");
        }

        if (_clustered)
        {
            builder.UseSetting("ConnectionStrings:Redis", RedisServer);
            builder.UseSetting("Cluster:RedisPrefix", RedisPrefix);
            if (!_settings.ContainsKey("Cluster:NodeName"))
            {
                // Nodes in one test process share host name and process id (the default name); Quartz needs one per node.
                builder.UseSetting("Cluster:NodeName", "node-" + Path.GetFileName(DataDirectory)[..8]);
            }
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public virtual Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        return Task.CompletedTask;
    }

    private readonly List<Func<Task>> _beforeDispose = [];

    /// <summary>
    /// Work to do before the app stops, e.g. closing the browser contexts opened on it: a page left open on a stopped app
    /// keeps trying to reconnect its circuit and, with a hundred of them, takes the machine's CPU from the running tests.
    /// </summary>
    public void OnDispose(Func<Task> cleanup)
    {
        lock (_beforeDispose)
        {
            _beforeDispose.Add(cleanup);
        }
    }

    public new virtual async Task DisposeAsync()
    {
        Func<Task>[] cleanups;
        lock (_beforeDispose)
        {
            cleanups = [.. _beforeDispose];
            _beforeDispose.Clear();
        }

        foreach (var cleanup in cleanups)
        {
            try
            {
                await cleanup();
            }
            catch (PlaywrightException)
            {
                // already closed with its browser
            }
        }

        await base.DisposeAsync();
        if (!KeepDataOnDispose)
        {
            TryDelete(DataDirectory);
            if (TestStore.Provider == TestStore.PostgreSql && _databaseOwner is null)
            {
                await TestStore.DropDatabaseAsync(PostgreSqlConnectionString);
            }
        }
    }

    public HttpClient CreateApiClient(string? token = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<HttpClient> SignInApiAsync(string email, string password)
    {
        using var anonymous = CreateApiClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return CreateApiClient(body!.AccessToken);
    }

    public Task<HttpClient> SignInPatronAsync() => SignInApiAsync(PatronEmail, PatronPassword);

    public async Task<T> WithDbAsync<T>(Func<LibraryDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        return await query(db);
    }

    public async Task<string> UserIdAsync(string email) =>
        await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Waits until the outbox is empty (all events delivered), failing after a few seconds.</summary>
    public async Task WaitForOutboxAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 100; i++)
        {
            if (await dispatcher.PendingCountAsync(CancellationToken.None) == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The outbox still has undelivered messages after 5 s.");
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
