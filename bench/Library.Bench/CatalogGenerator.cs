using System.Data;
using System.Data.Common;

namespace Library.Bench;

/// <summary>Adds generated titles (English and Korean words, valid unique ISBN-13s) straight into the Books table.</summary>
internal static class CatalogGenerator
{
    private static readonly string[] Adjectives = ["Silent", "Hidden", "Last", "Golden", "Broken", "Northern", "Quiet", "Distant", "Paper", "Winter", "Crimson", "Little", "Endless", "Secret", "Wandering"];
    private static readonly string[] Nouns = ["Garden", "River", "Library", "Harbor", "Clockmaker", "Orchard", "Mountain", "Letters", "Compass", "Lantern", "Island", "Engine", "Atlas", "Kingdom", "Recipe"];
    private static readonly string[] Topics = ["History", "Physics", "Cooking", "Poetry", "Gardening", "Databases", "Astronomy", "Economics", "Music", "Architecture"];
    private static readonly string[] KoreanWords = ["바람", "정원", "도서관", "바다", "별빛", "기억", "여름", "편지", "시간", "골목", "나무", "노래", "겨울", "마을", "하늘"];
    private static readonly string[] FirstNames = ["Anna", "James", "Mina", "Joon", "Clara", "Oliver", "Seo-yeon", "Henry", "Grace", "Daniel", "Ji-ho", "Eleanor"];
    private static readonly string[] LastNames = ["Whitcombe", "Kim", "Lee", "Park", "Blackwood", "Choi", "Hartley", "Jung", "Morrison", "Kang", "Ashford", "Yoon"];

    public static int Fill(BenchStore store, string dataDirectory, int targetTitles)
    {
        using var connection = store.Open(dataDirectory);
        if (!store.IsPostgreSql)
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        long existing;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM \"Books\"";
            existing = Convert.ToInt64(count.ExecuteScalar());
        }

        var toAdd = Math.Max(0, targetTitles - (int)existing);
        var random = new Random(42);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Books" ("Title", "Author", "Isbn", "Publisher", "Year", "Description", "TotalCopies", "AvailableCopies", "IsArchived")
            VALUES (@title, @author, @isbn, @publisher, @year, @description, @copies, @copies, @archived)
            """;
        var title = Add(insert, "title", DbType.String);
        var author = Add(insert, "author", DbType.String);
        var isbn = Add(insert, "isbn", DbType.String);
        var publisher = Add(insert, "publisher", DbType.String);
        var year = Add(insert, "year", DbType.Int32);
        var description = Add(insert, "description", DbType.String);
        var copies = Add(insert, "copies", DbType.Int32);
        Add(insert, "archived", DbType.Boolean).Value = false;
        for (var i = 0; i < toAdd; i++)
        {
            title.Value = i % 3 == 2
                ? $"{Pick(random, KoreanWords)}의 {Pick(random, KoreanWords)} {i % 97 + 1}"
                : $"The {Pick(random, Adjectives)} {Pick(random, Nouns)} of {Pick(random, Topics)} {i % 97 + 1}";
            author.Value = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}";
            isbn.Value = Isbn13(979_000_000_000L + 1_000_000L + i);
            publisher.Value = "Bench House";
            year.Value = 1950 + random.Next(76);
            description.Value = "Generated for the catalogue search benchmark.";
            copies.Value = 1 + random.Next(5);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return toAdd;
    }

    public static List<string> SearchTerms() =>
    [
        "garden", "Harbor", "clockm", "lib", "winter lantern", "Kim", "Whitcombe", "poetry", "astro", "databases",
        "정원", "바다", "도서관", "별빛", "9790000", "97900012", "Silent River", "hidden", "Park", "recipe",
    ];

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Isbn13(long first12)
    {
        var digits = first12.ToString("D12");
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return digits + ((10 - sum % 10) % 10);
    }
}
