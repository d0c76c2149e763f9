using Library.Domain.Common;
using Library.Web.Infrastructure.Errors;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Catalog.Copies;

/// <summary>
/// Hands out copy barcodes in sequence (prefix, 8 digits, Luhn check digit), reserved inside the caller's write transaction
/// so two writers never print the same label; numbers some label already carries (typed in by a librarian) are skipped.
/// </summary>
internal sealed class CopyBarcodes(IOptions<CodeOptions> options)
{
    public string Prefix => options.Value.CopyPrefix;

    public ScanCodeProblem Read(string? input, out string barcode) => ScanCode.Read(input, Prefix, out barcode);

    /// <summary>The normalised barcode; 400 (<see cref="UnreadableScanException"/>) for one that is not a code or fails its check digit.</summary>
    public string ReadOrThrow(string? input) =>
        Read(input, out var barcode) is var problem && problem != ScanCodeProblem.None
            ? throw new UnreadableScanException("barcode", problem, input)
            : barcode;

    public async Task<IReadOnlyList<string>> NextAsync(LibraryDbContext db, int count, CancellationToken ct)
    {
        var result = new List<string>(count);
        while (result.Count < count)
        {
            var wanted = count - result.Count;
            var last = await ReserveAsync(db, wanted, ct);
            var candidates = Enumerable.Range(0, wanted).Select(i => ScanCode.Create(Prefix, last - wanted + 1 + i)).ToList();
            var taken = await db.Copies.Where(c => candidates.Contains(c.Barcode)).Select(c => c.Barcode).ToListAsync(ct);
            result.AddRange(candidates.Except(taken));
        }

        return result;
    }

    private static async Task<long> ReserveAsync(LibraryDbContext db, int count, CancellationToken ct)
    {
        // The update takes the row's lock first (PostgreSQL) or runs under the write gate (SQLite): reservations never overlap.
        await db.CodeSequences.Where(s => s.Name == CodeSequence.CopyBarcodes)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + count), ct);
        return await db.CodeSequences.Where(s => s.Name == CodeSequence.CopyBarcodes).Select(s => s.Last).SingleAsync(ct);
    }
}
