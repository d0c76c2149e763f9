using System.Diagnostics;
using Library.Domain.Catalog;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Library.Tests.Integration.Export;

/// <summary>
/// 20,000 titles (written straight to the database) export completely; the time is printed for the README (decision 163),
/// not asserted.
/// </summary>
public sealed class ExportScaleTests(ITestOutputHelper output)
{
    private const int Titles = 20_000;

    [ScaleRunFact]
    public async Task Twenty_thousand_titles_export_completely()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var librarian = await app.SignInLibrarianAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            for (var batch = 0; batch < Titles; batch += 2_000)
            {
                for (var i = batch; i < batch + 2_000; i++)
                {
                    var details = new BookDetails($"규모 {tag} {i:D5}", "한강", AdminApi.NewIsbn(), "창비", 2007, "설명, \"따옴표\"");
                    db.Books.Add(Book.Create(details, [$"S{tag}{i}"], DateOnly.FromDateTime(now.UtcDateTime), now));
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            if (TestStore.Provider == TestStore.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            return 0;
        });

        var times = new List<double>();
        ExportCsv csv = default!;
        for (var run = 0; run < 4; run++)
        {
            var watch = Stopwatch.StartNew();
            csv = await ExportCsv.GetAsync(librarian, $"/api/admin/books/export?search={tag}");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times = times.Skip(1).Order().ToList(); // the first run warms up
        output.WriteLine($"{TestStore.Provider}: books export of {Titles} titles ({csv.Bytes.Length / 1024} KB) in {times[1]:F0} ms (median of 3, max {times[^1]:F0} ms)");
        Assert.Equal(Titles, csv.Rows.Count);
        Assert.Equal($"규모 {tag} 00000", csv.Column(csv.Rows[0], "title"));
        Assert.Equal($"규모 {tag} {Titles - 1:D5}", csv.Column(csv.Rows[^1], "title"));
    }
}
