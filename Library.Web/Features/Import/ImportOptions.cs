namespace Library.Web.Features.Import;

public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Largest file the page and the API take (20 MB).</summary>
    public long MaxBytes { get; set; } = 20_971_520;

    /// <summary>Titles written per transaction: one ISBN query and one barcode reservation each.</summary>
    public int BatchSize { get; set; } = 1000;
}
