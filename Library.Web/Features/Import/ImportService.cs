using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Common;
using Library.Domain.Lending;
using Library.Web.Features.Admin;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Catalog;
using Library.Web.Features.Catalog.Copies;
using Library.Web.Features.Lending.Holds;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Import;

/// <summary>
/// Imports a file of titles: every row checked first (the preview and a dry run stop there, after reading the catalogue),
/// then batches of <see cref="ImportOptions.BatchSize"/> titles, each one DbWriter write (one transaction with its outbox rows),
/// then one audit entry for the whole run. ISBNs already in the catalogue are skipped (add) or updated (update), so a file
/// can be imported again without creating duplicates.
/// </summary>
internal sealed class ImportService(
    DbWriter writer,
    IDbContextFactory<LibraryDbContext> dbFactory,
    IDbErrors dbErrors,
    AuditLog audit,
    TimeProvider clock,
    CopyBarcodes barcodes,
    LibraryCalendar calendar,
    HoldShelf holdShelf,
    IOptions<ImportOptions> options)
{
    /// <summary>How often a batch runs again when another node inserted one of its ISBNs in between.</summary>
    private const int MaxBatchAttempts = 3;

    public long MaxBytes => options.Value.MaxBytes;

    /// <exception cref="ImportFileUnreadableException">The file as a whole cannot be imported; nothing changes.</exception>
    public async Task<ImportOutcome> RunAsync(ImportRequest request, Actor actor, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var file = ImportFileReader.Read(request.Content, request.Encoding, MaxBytes);
        var rejected = new List<ImportProblem>(file.Problems);
        var titles = Check(file.Records, rejected);
        var total = new BatchOutcome();
        var size = Math.Max(1, options.Value.BatchSize);
        progress?.Report(new ImportProgress(0, titles.Count));
        try
        {
            for (var start = 0; start < titles.Count; start += size)
            {
                var batch = titles.GetRange(start, Math.Min(size, titles.Count - start));
                total.Add(request.DryRun ? await PreviewAsync(batch, request.Mode, ct) : await WriteAsync(batch, request.Mode, ct));
                progress?.Report(new ImportProgress(start + batch.Count, titles.Count));
            }
        }
        finally
        {
            if (!request.DryRun)
            {
                // Also after a failure or a cancel part-way: the batches written so far are the librarian's change.
                await writer.ExecuteAsync((db, _) =>
                {
                    audit.Record(db, actor, AuditActions.BooksImported, Ids.New().ToString(), request.FileName ?? "(API)", null, new
                    {
                        request.FileName, Format = file.Format, Mode = request.Mode, total.Imported, total.Updated, total.Skipped,
                        Rejected = rejected.Count + total.Rejected.Count,
                    });
                    return Task.FromResult(true);
                }, CancellationToken.None);
            }
        }

        rejected.AddRange(total.Rejected);
        return new ImportOutcome(file.Format, request.DryRun, total.Imported, total.Updated, total.Skipped,
            rejected.OrderBy(p => p.Line).ToList(), total.SkippedRows);
    }

    /// <summary>The book form's rules per record, and one row per ISBN: later rows with the same ISBN are rejected.</summary>
    private List<ImportTitle> Check(IReadOnlyList<ImportRecord> records, List<ImportProblem> rejected)
    {
        var year = clock.GetUtcNow().Year;
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var titles = new List<ImportTitle>(records.Count);
        foreach (var record in records)
        {
            if (ImportRowRules.Check(record, year, rejected) is not { } title)
            {
                continue;
            }

            if (firstLine.TryGetValue(title.Isbn, out var first))
            {
                rejected.Add(new ImportProblem(record.Line, CsvColumns.Isbn, "Import.Problem.DuplicateInFile", first));
                continue;
            }

            firstLine.Add(title.Isbn, record.Line);
            titles.Add(title);
        }

        return titles;
    }

    private async Task<BatchOutcome> PreviewAsync(List<ImportTitle> batch, ImportMode mode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ProcessAsync(db, batch, mode, write: false, ct);
    }

    private async Task<BatchOutcome> WriteAsync(List<ImportTitle> batch, ImportMode mode, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await writer.ExecuteAsync((db, token) => ProcessAsync(db, batch, mode, write: true, token), ct);
            }
            catch (DbUpdateException ex) when (attempt < MaxBatchAttempts && dbErrors.IsUniqueViolation(ex, "Books.Isbn"))
            {
                // Another node added one of these ISBNs since this batch read the catalogue: read again, it is now "existing".
            }
        }
    }

    private async Task<BatchOutcome> ProcessAsync(LibraryDbContext db, List<ImportTitle> batch, ImportMode mode, bool write, CancellationToken ct)
    {
        var outcome = new BatchOutcome();
        var isbns = batch.Select(t => t.Isbn).ToList();
        var query = db.Books.Where(b => isbns.Contains(b.Isbn));
        var existing = await (write && mode == ImportMode.Update ? query : query.AsNoTracking()).ToDictionaryAsync(b => b.Isbn, ct);
        var now = clock.GetUtcNow();
        var day = calendar.DayOf(now);

        var added = batch.Where(t => !existing.ContainsKey(t.Isbn)).ToList();
        var changes = new List<(ImportTitle Title, Book Book, int NewTotal)>();
        foreach (var title in batch.Where(t => existing.ContainsKey(t.Isbn)))
        {
            var book = existing[title.Isbn];
            if (mode == ImportMode.Add)
            {
                outcome.Skipped++;
                outcome.SkippedRows.Add(new ImportProblem(title.Line, CsvColumns.Isbn, "Import.Problem.AlreadyInCatalogue", book.Title));
                continue;
            }

            var newTotal = title.Copies ?? book.TotalCopies;
            var kept = book.CopiesOnLoan + book.OnHoldShelfCopies;
            if (newTotal < kept)
            {
                outcome.Rejected.Add(new ImportProblem(title.Line, CsvColumns.Copies, "Import.Problem.CopiesBelowOnLoan", newTotal, kept));
                continue;
            }

            if (Unchanged(book, title.Details(book)) && newTotal == book.TotalCopies)
            {
                outcome.Skipped++;
                continue;
            }

            outcome.Updated++;
            changes.Add((title, book, newTotal));
        }

        outcome.Imported = added.Count;
        if (!write)
        {
            return outcome;
        }

        // One barcode reservation for the batch: the new titles' copies and the copies added to existing titles.
        var growth = changes.Sum(c => Math.Max(0, c.NewTotal - c.Book.TotalCopies));
        var codes = await barcodes.NextAsync(db, added.Sum(t => Math.Max(0, t.Copies ?? 1)) + growth, ct);
        var next = 0;
        IReadOnlyList<string> Take(int count)
        {
            var taken = codes.Skip(next).Take(count).ToList();
            next += count;
            return taken;
        }

        var books = added.Select(t => Book.Create(t.Details(null), Take(Math.Max(0, t.Copies ?? 1)), day, now)).ToList();
        db.Books.AddRange(books);

        var shrinking = changes.Where(c => c.NewTotal < c.Book.TotalCopies).Select(c => c.Book.Id).ToList();
        var shelves = shrinking.Count == 0 ? [] : (await db.Copies
                .Where(c => shrinking.Contains(c.BookId) && c.Status == CopyStatus.Available).ToListAsync(ct))
            .GroupBy(c => c.BookId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Id).ToList());
        var grown = new List<Book>();
        foreach (var (title, book, newTotal) in changes)
        {
            book.Edit(title.Details(book), now);
            if (newTotal != book.TotalCopies)
            {
                var more = Math.Max(0, newTotal - book.TotalCopies);
                // Fewer copies: the newest ones on the shelf are withdrawn, as in the book form.
                book.ChangeTotalCopies(newTotal, Take(more), shelves.GetValueOrDefault(book.Id) ?? [], day, now);
                if (more > 0)
                {
                    grown.Add(book);
                }
            }
        }

        await db.SaveChangesAsync(ct); // gives the new books their ids (inside the batch's transaction)
        foreach (var book in books)
        {
            book.AnnounceAdded(now);
        }

        foreach (var book in grown)
        {
            // New copies go to patrons waiting for the title first.
            await holdShelf.OfferAsync(db, book, book.Copies.ToList(), now, ct);
        }

        return outcome;
    }

    private static bool Unchanged(Book book, BookDetails details) =>
        book.Title == details.Title.Trim() && book.Author == details.Author.Trim()
        && book.Publisher == (string.IsNullOrWhiteSpace(details.Publisher) ? null : details.Publisher.Trim())
        && book.Year == details.Year
        && book.Description == (string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim());

    private sealed class BatchOutcome
    {
        public int Imported { get; set; }
        public int Updated { get; set; }
        public int Skipped { get; set; }
        public List<ImportProblem> Rejected { get; } = [];
        public List<ImportProblem> SkippedRows { get; } = [];

        public void Add(BatchOutcome other)
        {
            Imported += other.Imported;
            Updated += other.Updated;
            Skipped += other.Skipped;
            Rejected.AddRange(other.Rejected);
            SkippedRows.AddRange(other.SkippedRows);
        }
    }
}
