using System.Diagnostics;
using System.Globalization;
using Library.Web.Features.Catalog;
using Library.Web.Infrastructure.Persistence;
using Library.Web.Infrastructure.Persistence.Search;
using Library.Web.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Library.Bench;

/// <summary>
/// Builds a SQLite catalogue of N generated titles through the app's own migrations (FTS5 table and triggers included),
/// then times the app's own search path (BookQueries + SqliteFts5CatalogSearch: count + one sorted page) for realistic
/// search terms and prints p50/p95/p99 per kind of search and overall.
/// Usage: dotnet run -c Release --project bench/CatalogSearch [-- titles=100000 rounds=200 plans=1 keep=1 mmap=268435456 kinds=filters,common word]
/// </summary>
internal static class CatalogSearchBenchmark
{
    private static async Task<int> Main(string[] args)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(a => a.Length == 2).ToDictionary(a => a[0], a => a[1]);
        var titles = int.Parse(options.GetValueOrDefault("titles", "100000"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("rounds", "200"), CultureInfo.InvariantCulture);
        var directory = Path.Combine(Path.GetTempPath(), "library-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "library.db"), Pooling = true }.ToString();
        try
        {
            var factory = new Factory(new DbContextOptionsBuilder<SqliteLibraryDbContext>()
                .UseSqlite(connectionString)
                .AddInterceptors(options.TryGetValue("mmap", out var mmap) ? [new SqlitePragmas(), new MmapPragma(mmap)] : [new SqlitePragmas()])
                .Options);

            var setup = Stopwatch.StartNew();
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync(SqlitePragmas.EnableWal);
            }

            var migrated = setup.Elapsed;
            await Catalogue.InsertAsync(connectionString, titles);
            Console.WriteLine($"Catalogue: {titles:N0} titles; migrations {migrated.TotalSeconds:F1} s, insert + FTS triggers {(setup.Elapsed - migrated).TotalSeconds:F1} s");

            var queries = new BookQueries(factory, new SqliteFts5CatalogSearch(), Guard());
            var kinds = options.TryGetValue("kinds", out var k) ? k.Split(',') : null;
            var cases = Cases().Where(c => kinds is null || kinds.Contains(c.Kind)).ToList();
            foreach (var c in cases)
            {
                await c.RunAsync(queries); // warm-up, and show what each search finds
                Console.WriteLine($"  {c.Kind,-28} {c.Label,-26} → {c.LastTotal,7:N0} matches{(c.LastSuggestion is { } s ? $" (did you mean “{s}”)" : string.Empty)}");
            }

            var all = new List<double>();
            var byKind = cases.GroupBy(c => c.Kind).ToDictionary(g => g.Key, _ => new List<double>());
            var byCase = cases.ToDictionary(c => c, _ => new List<double>());
            var random = new Random(42);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var c in cases.OrderBy(_ => random.Next()))
                {
                    var elapsed = await c.RunAsync(queries);
                    all.Add(elapsed);
                    byKind[c.Kind].Add(elapsed);
                    byCase[c].Add(elapsed);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{all.Count:N0} searches (count + one page of 20), milliseconds:");
            Console.WriteLine($"  {"kind",-28} {"p50",7} {"p95",7} {"p99",7} {"max",7}");
            foreach (var (kind, samples) in byKind)
            {
                Print(kind, samples);
            }

            Print("ALL", all);
            Console.WriteLine();
            Console.WriteLine("Per search:");
            foreach (var (c, samples) in byCase)
            {
                Print(c.Label, samples);
            }

            if (options.ContainsKey("plans"))
            {
                await PrintPlansAsync(connectionString, cases);
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.ContainsKey("keep"))
            {
                Console.WriteLine($"Kept the database: {Path.Combine(directory, "library.db")}");
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>EXPLAIN QUERY PLAN of every statement each search runs, to check that no search scans the Books table.</summary>
    private static async Task PrintPlansAsync(string connectionString, List<SearchCase> cases)
    {
        var plans = new PlanPrinter();
        var factory = new Factory(new DbContextOptionsBuilder<SqliteLibraryDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas(), plans)
            .Options);
        var planned = new BookQueries(factory, new SqliteFts5CatalogSearch(), Guard());
        foreach (var c in cases)
        {
            Console.WriteLine($"-- {c.Label}");
            await c.RunAsync(planned);
        }
    }

    /// <summary>mmap=BYTES: memory-mapped reads on every connection (not what the app does; to measure what it would give).</summary>
    private sealed class MmapPragma(string bytes) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA mmap_size=" + long.Parse(bytes, CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed class PlanPrinter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (SqliteParameter p in command.Parameters)
            {
                explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value));
            }

            Console.WriteLine("   " + command.CommandText.ReplaceLineEndings(" ")[..Math.Min(160, command.CommandText.Length)]);
            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Console.WriteLine("      " + reader.GetString(3));
            }

            return result;
        }
    }

    private static CatalogGuard Guard() => new(
        Microsoft.Extensions.Options.Options.Create(new CatalogResilienceOptions()),
        new CatalogChaos(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), new ProductionHost()),
        TimeProvider.System,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<CatalogGuard>.Instance);

    private static void Print(string kind, List<double> samples)
    {
        samples.Sort();
        Console.WriteLine($"  {kind,-28} {Percentile(samples, 50),7:F2} {Percentile(samples, 95),7:F2} {Percentile(samples, 99),7:F2} {samples[^1],7:F2}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p / 100 * sorted.Count) - 1];

    private static List<SearchCase> Cases() =>
    [
        new("browse (no search)", null),
        new("browse (no search)", null, Page: 200),
        new("browse (no search)", null, Sort: BookSort.Available, Descending: true),
        new("one word prefix", "hist"),
        new("one word prefix", "river"),
        new("one word prefix", "gar"),
        new("one word prefix", "hist", Page: 60),
        new("common word", "the"),
        new("two word prefixes", "weary dev"),
        new("two word prefixes", "garden hist"),
        new("author surname", "blackwood"),
        new("author + title word", "okafor tide"),
        new("korean prefix", "꿀벌"),
        new("korean prefix", "바다 이야"),
        new("isbn prefix", "979-1-0001-2"),
        new("isbn prefix", "9781000005"),
        new("nothing matches", "zzqxv"),
        new("common word sorted by year", "the", Sort: BookSort.Year),
        new("infix (trigram)", "lockmak"),
        new("infix (trigram)", "ighthou"),
        new("infix (trigram)", "aker"),
        new("infix (trigram)", "ake riv"),
        new("korean infix (2 syllables)", "람쥐"),
        new("korean infix (2 syllables)", "서관"),
        new("korean infix (2 syllables)", "람쥐 바다"),
        new("korean infix (3 syllables)", "람쥐의"),
        new("typo → did you mean", "Clokmaker"),
        new("typo → did you mean", "Ligthouse keeper"),
        new("typo → did you mean", "다람줘"),
        new("filters", null, Filter: new CatalogFilter(AvailableOnly: true)),
        new("filters", "river", Filter: new CatalogFilter(AvailableOnly: true, YearFrom: 1990, YearTo: 2000)),
        new("filters", null, Filter: new CatalogFilter(Author: "okafor")),
        new("filters", "lockmak", Filter: new CatalogFilter(Publisher: "bench", YearFrom: 2000)),
    ];

    private sealed record SearchCase(
        string Kind, string? Search, int Page = 1, BookSort Sort = BookSort.Title, bool Descending = false, CatalogFilter? Filter = null)
    {
        public int LastTotal { get; private set; }

        public string? LastSuggestion { get; private set; }

        public string Label => (Search ?? "—") + (Page > 1 ? $" p{Page}" : string.Empty) + (Sort != BookSort.Title ? $" by {Sort}" : string.Empty)
            + (Filter is { } f ? $" +{f.ActiveCount}f" : string.Empty);

        public async Task<double> RunAsync(BookQueries queries)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await queries.SearchAsync(Search, Filter ?? CatalogFilter.None, Page, 20, Sort, Descending, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LastTotal = result.TotalCount;
            LastSuggestion = result.Suggestion;
            return elapsed;
        }
    }

    private sealed class ProductionHost : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Library.Bench";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class Factory(DbContextOptions<SqliteLibraryDbContext> options) : IDbContextFactory<LibraryDbContext>
    {
        public LibraryDbContext CreateDbContext() => new SqliteLibraryDbContext(options);
    }
}
