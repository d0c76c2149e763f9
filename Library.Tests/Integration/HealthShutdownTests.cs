using System.Net;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Library.Tests.Integration;

public sealed class HealthShutdownTests
{
    [Fact]
    public async Task On_stop_readiness_turns_503_at_once_and_an_in_flight_request_still_completes()
    {
        await using var app = new SlowRequestApp();
        app.With("Health:ShutdownDrainDelay", "00:00:05");
        await app.InitializeAsync();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(app, HealthRegistration.ReadyPath))!.Value);

        // A request is being served when the orchestrator asks the pod to stop (SIGTERM).
        using var slowClient = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var inFlight = slowClient.GetAsync(SlowRequestApp.Path);
        try
        {
            await app.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            lifetime.StopApplication();

            // Readiness reports unready immediately, while the server still answers.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ProbeAsync(app, HealthRegistration.ReadyPath));
            Assert.Equal(HttpStatusCode.OK, await ProbeAsync(app, HealthRegistration.LivePath));

            // After the drain delay the server refuses new connections but waits for the request in flight.
            var refused = false;
            for (var i = 0; i < 300 && !refused; i++)
            {
                refused = await ProbeAsync(app, HealthRegistration.LivePath) is null;
                if (!refused)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(refused, "The server never stopped accepting new connections.");
            Assert.False(inFlight.IsCompleted);
            Assert.False(stopped.Task.IsCompleted);

            app.Release.TrySetResult();
            using var response = await inFlight;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("finished", await response.Content.ReadAsStringAsync());
            await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            app.Release.TrySetResult();
        }
    }

    /// <returns>The status code, or null when the connection was refused.</returns>
    private static async Task<HttpStatusCode?> ProbeAsync(LibraryApp app, string path)
    {
        // A new connection per probe, as a kubelet makes.
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The app plus a test-only endpoint that holds its request until the test releases it.</summary>
    private sealed class SlowRequestApp : LibraryApp
    {
        public const string Path = "/test/slow";

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new SlowEndpoint(this)));
        }

        private sealed class SlowEndpoint(SlowRequestApp app) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
            {
                builder.Map(Path, slow => slow.Run(async context =>
                {
                    app.Entered.TrySetResult();
                    await app.Release.Task;
                    await context.Response.WriteAsync("finished");
                }));
                next(builder);
            };
        }
    }
}
