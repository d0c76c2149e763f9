using System.Diagnostics;
using System.Text;
using Library.Tests.Admin;
using Library.Tests.Integration.Import;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Library.Tests.Import;

/// <summary>Runs only with LIBRARY_IMPORT_BENCH=1 (a figure for the README, not a test of time).</summary>
public sealed class ImportSpeedRunFactAttribute : FactAttribute
{
    public ImportSpeedRunFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LIBRARY_IMPORT_BENCH") != "1")
        {
            Skip = "Set LIBRARY_IMPORT_BENCH=1 to time a 20,000-row import.";
        }
    }
}

public sealed class ImportSpeedRun(ITestOutputHelper output)
{
    private static readonly int Rows = int.TryParse(Environment.GetEnvironmentVariable("LIBRARY_IMPORT_BENCH_ROWS"), out var rows) ? rows : 20_000;

    [ImportSpeedRunFact]
    public async Task Twenty_thousand_rows_import_and_the_outbox_drains()
    {
        await using var app = new LibraryApp().With("Import:BatchSize", Environment.GetEnvironmentVariable("LIBRARY_IMPORT_BENCH_BATCH") ?? "1000");
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        librarian.Timeout = TimeSpan.FromMinutes(5);
        var csv = Encoding.UTF8.GetBytes(ImportCsvGenerator.Generate(Rows));
        var before = await app.WithDbAsync(db => db.Books.CountAsync());

        var dry = Stopwatch.StartNew();
        var preview = await (await librarian.PostImportAsync(csv, "dryRun=true")).ReadAsync<ImportApi.Result>();
        dry.Stop();
        var run = Stopwatch.StartNew();
        var result = await (await librarian.PostImportAsync(csv)).ReadAsync<ImportApi.Result>();
        run.Stop();
        var drain = Stopwatch.StartNew();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.PendingCountAsync(CancellationToken.None) > 0 && drain.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(200);
        }

        drain.Stop();
        var again = Stopwatch.StartNew();
        var second = await (await librarian.PostImportAsync(csv)).ReadAsync<ImportApi.Result>();
        again.Stop();

        var figures = $"{TestStore.Provider}: dry run {dry.Elapsed.TotalSeconds:0.0} s, import {run.Elapsed.TotalSeconds:0.0} s, " +
                         $"outbox drained after {drain.Elapsed.TotalSeconds:0.0} s more, re-import (all skipped) {again.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(figures);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "import-speed.txt"), $"{DateTime.UtcNow:O} {figures}\n");
        Assert.Equal(Rows, preview.Imported);
        Assert.Equal(Rows, result.Imported);
        Assert.Equal(Rows, second.Skipped);
        Assert.Equal(before + Rows, await app.WithDbAsync(db => db.Books.CountAsync()));
        Assert.Equal(0, await dispatcher.PendingCountAsync(CancellationToken.None));
    }
}
