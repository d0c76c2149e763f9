using Microsoft.Data.Sqlite;

namespace Library.Bench;

/// <summary>Generated but plausible titles: English and Korean title patterns, a few thousand authors, valid unique ISBN-13s.</summary>
internal static class Catalogue
{
    private static readonly string[] Adjectives =
    [
        "Quiet", "Hidden", "Restless", "Golden", "Weary", "Careful", "Forgotten", "Iron", "Silent", "Wandering", "Small", "Bright",
        "Northern", "Secret", "Broken", "Gentle", "Endless", "Wild", "Patient", "Curious", "Ancient", "Modern", "Little", "Last",
    ];

    private static readonly string[] Nouns =
    [
        "River", "Garden", "History", "Developer", "Engineer", "Kitchen", "Mountain", "Harbour", "Clockmaker", "Lighthouse", "Orchard",
        "Century", "Tide", "Glacier", "Network", "Database", "Baker", "Ferryman", "Island", "Forest", "City", "Library", "Printing", "Coal",
        "Salt", "Bridge", "Balloon", "Microbe", "Crystal", "Star", "Village", "Winter", "Summer", "Railway", "Letter", "Mapmaker",
    ];

    private static readonly string[] Patterns =
    [
        "The {A} {N}", "{N} of the {A} {N}", "A History of {N}s", "The {N} at {A} Point", "{A} {N}s Explained",
        "Counting {N}s at Dusk", "{N} Design for the {A} {N}", "Beneath the {A} {N}", "The {A} Century of {N}",
    ];

    private static readonly string[] KoreanWords =
    [
        "바다", "이야기", "꿀벌", "다람쥐", "빙하", "비밀", "시간", "기록", "숲", "섬", "할머니", "밥상", "소금", "모험", "저녁",
        "계절", "도서관", "기차", "편지", "정원", "고양이", "별", "마을", "강",
    ];

    private static readonly string[] FirstNames =
    [
        "Henry", "Lucy", "Imogen", "Edward", "Cecily", "Walter", "Adele", "Margaret", "Nora", "Thomas", "Beatrice", "Rosalind", "Clara",
        "Vivian", "Daniel", "Patrick", "Fiona", "Simon", "Olivia", "Arthur", "Hazel", "Felix", "Iris", "Jonah", "Mabel", "Otto",
    ];

    private static readonly string[] LastNames =
    [
        "Blackwood", "Hartigan", "Denholm", "Carrow", "Delaney", "Sutherland", "Whitcombe", "Grayson", "Fairbairn", "Thornbury",
        "Caldwell", "Okafor", "Vance", "Collingwood", "Kettering", "Ellery", "Hollis", "Lindqvist", "Harrow", "Marlowe", "Pennington",
        "Ashdown", "Quill", "Redfern", "Stanhope", "Tillbrook", "Underhill", "Wexford", "Yardley", "Abernathy",
    ];

    /// <summary>Rows as wide as real ones (the demo data's descriptions are one to three sentences).</summary>
    private static readonly string[] Descriptions =
    [
        "Blending fieldwork stories with the latest research, this book explains a complex subject without losing its sense of wonder. "
            + "Each chapter ends with questions for reading groups and a short list of further reading.",
        "An early reader about curiosity and kindness, with short chapters for children just starting to read alone.",
        "A practical, opinionated guide written for people who already know the basics and want to stop making the same mistakes, "
            + "with worked examples, checklists and a glossary.",
        "바다와 숲, 작은 마을 사람들의 이야기를 엮은 책입니다. 계절마다 달라지는 풍경과 오래된 기록을 따라가며 잊혀 가는 삶의 모습을 담았습니다.",
    ];

    private static readonly string[] KoreanNames = ["김수아", "정소율", "권유진", "임수빈", "송서연", "홍현우", "강시우", "이민준", "류하은", "안윤아"];

    public static async Task InsertAsync(string connectionString, int count)
    {
        var random = new Random(2026);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO Books (Title, Author, Isbn, Publisher, Year, Description, TotalCopies, AvailableCopies, IsArchived) " +
            "VALUES ($title, $author, $isbn, $publisher, $year, $description, $total, $available, 0)";
        var title = command.Parameters.Add("$title", SqliteType.Text);
        var author = command.Parameters.Add("$author", SqliteType.Text);
        var isbn = command.Parameters.Add("$isbn", SqliteType.Text);
        var publisher = command.Parameters.Add("$publisher", SqliteType.Text);
        var year = command.Parameters.Add("$year", SqliteType.Integer);
        var description = command.Parameters.Add("$description", SqliteType.Text);
        var total = command.Parameters.Add("$total", SqliteType.Integer);
        var available = command.Parameters.Add("$available", SqliteType.Integer);
        command.Prepare();
        for (var i = 0; i < count; i++)
        {
            var korean = random.Next(5) == 0;
            title.Value = korean ? KoreanTitle(random) : EnglishTitle(random);
            author.Value = korean ? KoreanNames[random.Next(KoreanNames.Length)]
                : $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            isbn.Value = Isbn13(i);
            publisher.Value = "Bench Press";
            year.Value = random.Next(1950, 2026);
            description.Value = Descriptions[random.Next(Descriptions.Length)];
            var copies = random.Next(1, 9);
            total.Value = copies;
            available.Value = random.Next(0, copies + 1);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static string EnglishTitle(Random random) =>
        Patterns[random.Next(Patterns.Length)]
            .Replace("{A}", Adjectives[random.Next(Adjectives.Length)])
            .Replace("{N}", Nouns[random.Next(Nouns.Length)], StringComparison.Ordinal)
            .Replace("{N}", Nouns[random.Next(Nouns.Length)], StringComparison.Ordinal);

    private static string KoreanTitle(Random random) =>
        $"{KoreanWords[random.Next(KoreanWords.Length)]}의 {KoreanWords[random.Next(KoreanWords.Length)]} {KoreanWords[random.Next(KoreanWords.Length)]}";

    /// <summary>978 or 979, a 9-digit serial, and a valid check digit: unique per index.</summary>
    private static string Isbn13(int index)
    {
        var body = (index % 2 == 0 ? "978" : "979") + (100_000_000 + index).ToString("D9")[..9];
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return body + ((10 - sum % 10) % 10);
    }
}
