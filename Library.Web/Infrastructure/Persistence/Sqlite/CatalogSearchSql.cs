namespace Library.Web.Infrastructure.Persistence.Sqlite;

using Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// SQL for the SQLite FTS5 catalogue indexes, kept here (not inline in a migration) so a regenerated migration can call it again.
/// BooksSearch (words) and BooksTrigram (3-character sequences) are external-content FTS5 tables over Books(Title, Author): they
/// store only the index, and triggers keep them in step. They index only listed
/// (not archived) titles, so counting a search is counting index entries (no Books row per match).
/// Note: a migration that rebuilds the Books table (SQLite's way of altering columns) drops these triggers;
/// such a migration must run <see cref="CreateTriggers"/> and <see cref="Refill"/> again. Never use FTS5's 'rebuild' command
/// on these tables: it would index archived rows too, and the trigram index without its end marker.
/// </summary>
public static class CatalogSearchSql
{
    public const string Table = "BooksSearch";

    /// <summary>unicode61 folds case and (remove_diacritics 2) accents; prefix indexes make 2- and 3-letter prefix queries cheap.</summary>
    public const string CreateTable =
        "CREATE VIRTUAL TABLE IF NOT EXISTS BooksSearch USING fts5(" +
        "Title, Author, content='Books', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');";

    /// <summary>
    /// BooksTrigram: the same two columns indexed as overlapping 3-character sequences, for substring ("lockmak", "람쥐의")
    /// matches anywhere in a word. Also external content over Books, kept in step by its own triggers.
    /// </summary>
    public const string TrigramTable = "BooksTrigram";

    public const string CreateTrigramTable =
        "CREATE VIRTUAL TABLE IF NOT EXISTS BooksTrigram USING fts5(" +
        "Title, Author, content='Books', content_rowid='Id', tokenize='trigram remove_diacritics 1');";

    /// <summary>The word index's vocabulary (term, documents), where "did you mean" looks for near spellings.</summary>
    public const string CreateVocabulary = "CREATE VIRTUAL TABLE IF NOT EXISTS BooksSearchVocab USING fts5vocab(BooksSearch, row);";

    /// <summary>
    /// Every trigram occurrence (term, doc, column, offset): a 2-character word is found anywhere as the trigrams that start
    /// with it (a range of terms). The triggers append a space to every value in the trigram index, so a word at the very end
    /// of a title still starts a trigram ("다람쥐" is indexed as "다람쥐 ": trigrams "다람쥐", "람쥐 ").
    /// </summary>
    public const string CreateTrigramInstances =
        "CREATE VIRTUAL TABLE IF NOT EXISTS BooksTrigramInstances USING fts5vocab(BooksTrigram, instance);";

    // The triggers index a row only while it is listed (IsArchived = 0): archiving removes it, restoring adds it back.
    public const string CreateInsertTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Search_AfterInsert AFTER INSERT ON Books WHEN new.IsArchived = 0 BEGIN " +
        "INSERT INTO BooksSearch(rowid, Title, Author) VALUES (new.Id, new.Title, new.Author); END;";

    public const string CreateDeleteTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Search_AfterDelete AFTER DELETE ON Books WHEN old.IsArchived = 0 BEGIN " +
        "INSERT INTO BooksSearch(BooksSearch, rowid, Title, Author) VALUES ('delete', old.Id, old.Title, old.Author); END;";

    /// <summary>Only title, author and archive changes touch the index; stock updates (the hot path) do not.</summary>
    public const string CreateUpdateTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Search_AfterUpdate AFTER UPDATE OF Title, Author, IsArchived ON Books BEGIN " +
        "INSERT INTO BooksSearch(BooksSearch, rowid, Title, Author) SELECT 'delete', old.Id, old.Title, old.Author WHERE old.IsArchived = 0; " +
        "INSERT INTO BooksSearch(rowid, Title, Author) SELECT new.Id, new.Title, new.Author WHERE new.IsArchived = 0; END;";

    public const string CreateTrigramInsertTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Trigram_AfterInsert AFTER INSERT ON Books WHEN new.IsArchived = 0 BEGIN " +
        "INSERT INTO BooksTrigram(rowid, Title, Author) VALUES (new.Id, new.Title || ' ', new.Author || ' '); END;";

    public const string CreateTrigramDeleteTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Trigram_AfterDelete AFTER DELETE ON Books WHEN old.IsArchived = 0 BEGIN " +
        "INSERT INTO BooksTrigram(BooksTrigram, rowid, Title, Author) VALUES ('delete', old.Id, old.Title || ' ', old.Author || ' '); END;";

    public const string CreateTrigramUpdateTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Trigram_AfterUpdate AFTER UPDATE OF Title, Author, IsArchived ON Books BEGIN " +
        "INSERT INTO BooksTrigram(BooksTrigram, rowid, Title, Author) SELECT 'delete', old.Id, old.Title || ' ', old.Author || ' ' WHERE old.IsArchived = 0; " +
        "INSERT INTO BooksTrigram(rowid, Title, Author) SELECT new.Id, new.Title || ' ', new.Author || ' ' WHERE new.IsArchived = 0; END;";

    /// <summary>The six triggers as they are now (listed titles only; the trigram index with its end marker).</summary>
    public static IEnumerable<string> CreateTriggers =>
    [
        CreateInsertTrigger, CreateDeleteTrigger, CreateUpdateTrigger,
        CreateTrigramInsertTrigger, CreateTrigramDeleteTrigger, CreateTrigramUpdateTrigger,
    ];

    public static IEnumerable<string> DropTriggers =>
    [
        "DROP TRIGGER IF EXISTS Books_Search_AfterInsert;", "DROP TRIGGER IF EXISTS Books_Search_AfterDelete;",
        "DROP TRIGGER IF EXISTS Books_Search_AfterUpdate;", "DROP TRIGGER IF EXISTS Books_Trigram_AfterInsert;",
        "DROP TRIGGER IF EXISTS Books_Trigram_AfterDelete;", "DROP TRIGGER IF EXISTS Books_Trigram_AfterUpdate;",
    ];

    /// <summary>Empties both indexes and indexes every listed row again ('delete-all' needs no old values).</summary>
    public static IEnumerable<string> Refill =>
    [
        "INSERT INTO BooksSearch(BooksSearch) VALUES ('delete-all');",
        "INSERT INTO BooksSearch(rowid, Title, Author) SELECT Id, Title, Author FROM Books WHERE IsArchived = 0;",
        "INSERT INTO BooksSearch(BooksSearch) VALUES ('optimize');",
        "INSERT INTO BooksTrigram(BooksTrigram) VALUES ('delete-all');",
        "INSERT INTO BooksTrigram(rowid, Title, Author) SELECT Id, Title || ' ', Author || ' ' FROM Books WHERE IsArchived = 0;",
        "INSERT INTO BooksTrigram(BooksTrigram) VALUES ('optimize');",
    ];

    /// <summary>
    /// Everything, for the initial migration of a new (empty) database: both indexes, the vocabulary views, the triggers.
    /// </summary>
    public static IEnumerable<string> CreateAll =>
        [CreateTable, CreateTrigramTable, CreateVocabulary, CreateTrigramInstances, .. CreateTriggers];

    public static IEnumerable<string> DropAll =>
    [
        .. DropTriggers, "DROP TABLE IF EXISTS BooksTrigramInstances;", "DROP TABLE IF EXISTS BooksSearchVocab;",
        "DROP TABLE IF EXISTS BooksTrigram;", "DROP TABLE IF EXISTS BooksSearch;",
    ];
}
