namespace Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// SQL for the SQLite FTS5 catalogue index, kept here (not inline in a migration) so a regenerated migration can call it again.
/// BooksSearch is an external-content FTS5 table over Books(Title, Author): it stores only the index, and triggers keep it in step.
/// Note: a migration that rebuilds the Books table (SQLite's way of altering columns) drops these triggers;
/// such a migration must call <see cref="CreateTriggers"/>, <see cref="Rebuild"/> and <see cref="RebuildTrigram"/> again.
/// </summary>
public static class CatalogSearchSql
{
    public const string Table = "BooksSearch";

    /// <summary>unicode61 folds case and (remove_diacritics 2) accents; prefix indexes make 2- and 3-letter prefix queries cheap.</summary>
    public const string CreateTable =
        "CREATE VIRTUAL TABLE IF NOT EXISTS BooksSearch USING fts5(" +
        "Title, Author, content='Books', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');";

    public const string CreateInsertTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Search_AfterInsert AFTER INSERT ON Books BEGIN " +
        "INSERT INTO BooksSearch(rowid, Title, Author) VALUES (new.Id, new.Title, new.Author); END;";

    public const string CreateDeleteTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Search_AfterDelete AFTER DELETE ON Books BEGIN " +
        "INSERT INTO BooksSearch(BooksSearch, rowid, Title, Author) VALUES ('delete', old.Id, old.Title, old.Author); END;";

    /// <summary>Only title and author changes touch the index; stock updates (the hot path) do not.</summary>
    public const string CreateUpdateTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Search_AfterUpdate AFTER UPDATE OF Title, Author ON Books BEGIN " +
        "INSERT INTO BooksSearch(BooksSearch, rowid, Title, Author) VALUES ('delete', old.Id, old.Title, old.Author); " +
        "INSERT INTO BooksSearch(rowid, Title, Author) VALUES (new.Id, new.Title, new.Author); END;";

    /// <summary>Re-reads every row of Books into the index (for rows that existed before the triggers).</summary>
    public const string Rebuild = "INSERT INTO BooksSearch(BooksSearch) VALUES ('rebuild');";

    public const string Drop =
        "DROP TRIGGER IF EXISTS Books_Search_AfterInsert; DROP TRIGGER IF EXISTS Books_Search_AfterDelete; " +
        "DROP TRIGGER IF EXISTS Books_Search_AfterUpdate; DROP TABLE IF EXISTS BooksSearch;";

    /// <summary>
    /// BooksTrigram: the same two columns indexed as overlapping 3-character sequences, for substring ("lockmak", "람쥐의")
    /// matches anywhere in a word. Also external content over Books, kept in step by its own triggers.
    /// </summary>
    public const string TrigramTable = "BooksTrigram";

    public const string CreateTrigramTable =
        "CREATE VIRTUAL TABLE IF NOT EXISTS BooksTrigram USING fts5(" +
        "Title, Author, content='Books', content_rowid='Id', tokenize='trigram remove_diacritics 1');";

    public const string CreateTrigramInsertTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Trigram_AfterInsert AFTER INSERT ON Books BEGIN " +
        "INSERT INTO BooksTrigram(rowid, Title, Author) VALUES (new.Id, new.Title, new.Author); END;";

    public const string CreateTrigramDeleteTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Trigram_AfterDelete AFTER DELETE ON Books BEGIN " +
        "INSERT INTO BooksTrigram(BooksTrigram, rowid, Title, Author) VALUES ('delete', old.Id, old.Title, old.Author); END;";

    public const string CreateTrigramUpdateTrigger =
        "CREATE TRIGGER IF NOT EXISTS Books_Trigram_AfterUpdate AFTER UPDATE OF Title, Author ON Books BEGIN " +
        "INSERT INTO BooksTrigram(BooksTrigram, rowid, Title, Author) VALUES ('delete', old.Id, old.Title, old.Author); " +
        "INSERT INTO BooksTrigram(rowid, Title, Author) VALUES (new.Id, new.Title, new.Author); END;";

    public const string RebuildTrigram = "INSERT INTO BooksTrigram(BooksTrigram) VALUES ('rebuild');";

    /// <summary>The word index's vocabulary (term, documents), where "did you mean" looks for near spellings.</summary>
    public const string CreateVocabulary = "CREATE VIRTUAL TABLE IF NOT EXISTS BooksSearchVocab USING fts5vocab(BooksSearch, row);";

    public const string DropTrigram =
        "DROP TRIGGER IF EXISTS Books_Trigram_AfterInsert; DROP TRIGGER IF EXISTS Books_Trigram_AfterDelete; " +
        "DROP TRIGGER IF EXISTS Books_Trigram_AfterUpdate; DROP TABLE IF EXISTS BooksTrigram; DROP TABLE IF EXISTS BooksSearchVocab;";

    public static IEnumerable<string> CreateTriggers =>
    [
        CreateInsertTrigger, CreateDeleteTrigger, CreateUpdateTrigger,
        CreateTrigramInsertTrigger, CreateTrigramDeleteTrigger, CreateTrigramUpdateTrigger,
    ];

    /// <summary>Everything the word index needs, in order: table, triggers, initial fill (the first search migration).</summary>
    public static IEnumerable<string> Create => [CreateTable, CreateInsertTrigger, CreateDeleteTrigger, CreateUpdateTrigger, Rebuild];

    /// <summary>The trigram index and the vocabulary view (the second search migration), filled from the rows already there.</summary>
    public static IEnumerable<string> CreateTrigram =>
        [CreateTrigramTable, CreateTrigramInsertTrigger, CreateTrigramDeleteTrigger, CreateTrigramUpdateTrigger, RebuildTrigram, CreateVocabulary];

    /// <summary>Everything, for the squashed initial migration of a new database.</summary>
    public static IEnumerable<string> CreateAll => Create.Concat(CreateTrigram);

    public static IEnumerable<string> DropAll => [DropTrigram, Drop];
}
