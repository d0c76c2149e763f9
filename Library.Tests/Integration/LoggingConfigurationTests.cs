using System.Text.Json;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Library.Tests.Integration;

/// <summary>Log levels and format come from configuration and the environment, as a container or ConfigMap sets them.</summary>
[Trait(TestStore.Trait, TestStore.SqliteOnly)] // app processes of their own; logging does not depend on the store
public sealed class LoggingConfigurationTests
{
    [Fact]
    public async Task Logging__LogLevel__Default_in_the_environment_decides_whether_debug_entries_are_written()
    {
        // Three real processes one after another (side by side they starve each other on a busy 2-core machine),
        // configured only through environment variables.
        var standard = await RunAsync(new Dictionary<string, string>());
        var debug = await RunAsync(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" });
        var readable = await RunAsync(new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "simple",
            [$"Logging__LogLevel__{LoggingRegistration.RequestLogCategory}"] = "Warning",
        });

        // In a container the console carries one JSON object per line.
        var standardEntries = standard.Select(ParseEntry).ToList();
        var debugEntries = debug.Select(ParseEntry).ToList();

        // Default level (Information): no Debug entries; health probes are not in the request log, other requests are.
        Assert.DoesNotContain(standardEntries, e => e.Level is "Debug" or "Trace");
        Assert.Contains(standardEntries, e => e.IsRequest("/favicon.svg") && e.Level == "Information");
        Assert.DoesNotContain(standardEntries, e => e.IsRequest("/health/live"));

        // Debug from the environment: framework and app Debug entries appear, including the health probe's request.
        Assert.Contains(debugEntries, e => e.Level == "Debug" && e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(debugEntries, e => e.IsRequest("/health/live") && e.Level == "Debug");
        Assert.Contains(debugEntries, e => e.IsRequest("/favicon.svg") && e.Level == "Information");
        var request = debugEntries.First(e => e.IsRequest("/favicon.svg"));
        Assert.Equal(200, request.State.GetProperty("StatusCode").GetInt32());
        Assert.Equal("GET", request.State.GetProperty("Method").GetString());

        // An explicit formatter name wins over the container default, and the request log has its own category to silence.
        Assert.All(readable, line => Assert.False(line.TrimStart().StartsWith('{'), line));
        Assert.Contains(readable, line => line.Contains(" info: Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.DoesNotContain(readable, line => line.Contains("/favicon.svg", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true, ConsoleFormatterNames.Json)]
    [InlineData(true, true, ConsoleFormatterNames.Simple)]
    [InlineData(false, false, ConsoleFormatterNames.Simple)]
    public void Console_logs_are_json_in_a_container_and_readable_in_development(bool development, bool container, string expected) =>
        Assert.Equal(expected, LoggingRegistration.DefaultConsoleFormatter(development, container));

    /// <summary>Starts the app, sends a health probe and an ordinary request, stops it with SIGTERM, returns its console.</summary>
    private static async Task<IReadOnlyList<string>> RunAsync(Dictionary<string, string> environment)
    {
        await using var app = await AppProcess.StartAsync(environment);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
        (await http.GetAsync("/favicon.svg")).EnsureSuccessStatusCode();
        await app.StopAsync();
        Assert.Equal(0, app.ExitCode);
        return app.Output.Where(line => line.Length > 0).ToList();
    }

    private static LogEntry ParseEntry(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new LogEntry(
            root.GetProperty("LogLevel").GetString()!,
            root.GetProperty("Category").GetString()!,
            root.TryGetProperty("State", out var state) ? state.Clone() : default);
    }

    private sealed record LogEntry(string Level, string Category, JsonElement State)
    {
        public bool IsRequest(string path) =>
            Category == LoggingRegistration.RequestLogCategory
            && State.ValueKind == JsonValueKind.Object
            && State.TryGetProperty("Path", out var p) && p.GetString() == path;
    }
}
