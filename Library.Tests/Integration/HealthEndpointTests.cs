using System.Net;
using System.Text.Json;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Health;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_with_json_on_a_healthy_app()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var http = app.CreateApiClient();

        var live = await HealthProbe.GetAsync(http, HealthRegistration.LivePath);
        var ready = await HealthProbe.GetAsync(http, HealthRegistration.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Body.GetProperty("status").GetString());
        var check = ready.Body.GetProperty("checks")[0];
        Assert.Equal(0, check.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task The_health_paths_the_manifests_probe_are_the_endpoints_the_app_maps()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();

        Assert.Contains(HealthRegistration.LivePath, routes);
        Assert.Contains(HealthRegistration.ReadyPath, routes);
    }

    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteOnly)] // a SQLite file on a volume; PostgreSQL is a server
    public async Task Ready_answers_503_while_the_database_file_is_unreachable_but_live_stays_200()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var http = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(http, HealthRegistration.ReadyPath)).Status);

        // The volume goes away under the running process: the database file is no longer at its path.
        var moved = app.DataDirectory + "-unmounted";
        SqliteConnection.ClearAllPools();
        Directory.Move(app.DataDirectory, moved);
        try
        {
            var ready = await HealthProbe.GetAsync(http, HealthRegistration.ReadyPath);
            var live = await HealthProbe.GetAsync(http, HealthRegistration.LivePath);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal("Unhealthy", ready.Body.GetProperty("status").GetString());
            Assert.Equal("Database unreachable.", ready.Body.GetProperty("checks")[0].GetProperty("description").GetString());
            Assert.False(File.Exists(app.DatabasePath), "The readiness check must not create an empty database in its place.");
            Assert.Equal(HttpStatusCode.OK, live.Status);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(moved, app.DataDirectory);
        }

        // Back again: the pod becomes ready without a restart.
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(http, HealthRegistration.ReadyPath)).Status);
    }

    [Fact]
    public async Task Ready_answers_503_when_the_outbox_backlog_is_above_the_configured_threshold()
    {
        // Dispatch off: every borrow leaves its events waiting in the outbox.
        await using var app = new LibraryApp()
            .With("Outbox:DispatchEnabled", "false")
            .With("Health:OutboxBacklogThreshold", "3");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(patron, HealthRegistration.ReadyPath)).Status);

        var book = await patron.FindBookWithCopiesAsync(3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await patron.BorrowAsync(book.Id, 1)).StatusCode);
        }

        var ready = await HealthProbe.GetAsync(patron, HealthRegistration.ReadyPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        var check = ready.Body.GetProperty("checks")[0];
        Assert.True(check.GetProperty("data").GetProperty("outboxBacklog").GetInt32() > 3);
        Assert.StartsWith("Outbox backlog", check.GetProperty("description").GetString());
    }
}

internal static class HealthProbe
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }
}
