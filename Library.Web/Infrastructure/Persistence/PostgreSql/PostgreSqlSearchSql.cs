namespace Library.Web.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// The catalogue's search structures on PostgreSQL (created by the PostgreSQL migrations, not part of the EF model):
/// a generated tsvector of title and author words (<c>simple</c> configuration: no stemming and no stop words, so Korean and
/// English words both index as written) with a GIN index for whole words and word starts, a pg_trgm GIN index over the
/// lower-cased title and author for words found inside other words, and a pattern index for ISBN prefixes.
/// </summary>
internal static class PostgreSqlSearchSql
{
    public const string Searchable = "lower(\"Title\" || ' ' || \"Author\")";

    public static readonly string[] Create =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
        "ALTER TABLE \"Books\" ADD COLUMN \"SearchVector\" tsvector GENERATED ALWAYS AS " +
        "(to_tsvector('simple', \"Title\" || ' ' || \"Author\")) STORED;",
        "CREATE INDEX \"IX_Books_SearchVector\" ON \"Books\" USING GIN (\"SearchVector\");",
        $"CREATE INDEX \"IX_Books_Searchable_Trigram\" ON \"Books\" USING GIN (({Searchable}) gin_trgm_ops);",
        "CREATE INDEX \"IX_Books_Isbn_Prefix\" ON \"Books\" (\"Isbn\" text_pattern_ops);",
    ];

    public static readonly string[] Drop =
    [
        "DROP INDEX IF EXISTS \"IX_Books_Isbn_Prefix\";",
        "DROP INDEX IF EXISTS \"IX_Books_Searchable_Trigram\";",
        "DROP INDEX IF EXISTS \"IX_Books_SearchVector\";",
        "ALTER TABLE \"Books\" DROP COLUMN IF EXISTS \"SearchVector\";",
    ];
}
