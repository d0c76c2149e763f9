namespace Library.Web.Infrastructure.Persistence;

/// <summary>The last number handed out for a kind of printed code (copy barcodes); reserved in the writing transaction.</summary>
internal sealed class CodeSequence
{
    public const string CopyBarcodes = "copies";

    public string Name { get; set; } = string.Empty;
    public long Last { get; set; }
}
