using System.Text;

namespace Library.Tests.Import;

/// <summary>
/// A catalogue CSV of any size for the import's speed run: unique valid ISBN-13s (979-1 prefix plus a random block, so two
/// runs do not collide), Korean and English titles, 1–3 copies. <c>ImportCsvGenerator.Write("titles.csv", 20_000)</c>.
/// </summary>
public static class ImportCsvGenerator
{
    public static string Generate(int rows, int? seed = null)
    {
        var random = seed is { } s ? new Random(s) : Random.Shared;
        var block = random.Next(0, 400) * 20_000;
        var csv = new StringBuilder("isbn,title,author,publisher,year,copies,description\n", rows * 90);
        for (var i = 0; i < rows; i++)
        {
            var body = "9791" + (block + i).ToString("D8");
            var sum = body.Select((c, k) => (c - '0') * (k % 2 == 0 ? 1 : 3)).Sum();
            var isbn = body + (10 - sum % 10) % 10;
            var title = i % 2 == 0 ? $"가져온 책 {i}" : $"\"Imported book {i}, volume {i % 7 + 1}\"";
            csv.Append(isbn).Append(',').Append(title).Append(",Writer ").Append(i % 500).Append(",Press ").Append(i % 40)
                .Append(',').Append(1950 + i % 70).Append(',').Append(1 + i % 3).Append(",A generated title for the speed run.\n");
        }

        return csv.ToString();
    }

    public static void Write(string path, int rows) => File.WriteAllText(path, Generate(rows), new UTF8Encoding(true));
}
