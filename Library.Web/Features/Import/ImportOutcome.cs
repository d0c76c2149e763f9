namespace Library.Web.Features.Import;

internal enum ImportMode
{
    Add,
    Update,
}

/// <summary>One import run as the librarian asked for it (the page or the API).</summary>
internal sealed record ImportRequest(byte[] Content, string? FileName, ImportMode Mode, ImportEncoding Encoding, bool DryRun);

internal sealed record ImportProgress(int Done, int Total);

/// <param name="Rejected">Rows not imported, with the reason (invalid values, duplicates in the file, copies below those on loan).</param>
/// <param name="SkippedRows">Mode add: titles already in the catalogue (unchanged).</param>
internal sealed record ImportOutcome(
    ImportFormat Format, bool DryRun, int Imported, int Updated, int Skipped,
    IReadOnlyList<ImportProblem> Rejected, IReadOnlyList<ImportProblem> SkippedRows);
