namespace Library.Web.Features.Covers;

/// <summary>
/// A title's cover as two thumbnails re-encoded from the upload (the uploaded bytes are never kept). In the database, so every
/// node serves the same cover; <c>Books.CoverVersion</c> mirrors <see cref="Version"/> so lists need not read this table.
/// </summary>
internal sealed class BookCover
{
    public int BookId { get; set; }
    public byte[] Small { get; set; } = [];
    public byte[] Large { get; set; } = [];
    public string ContentType { get; set; } = CoverImages.ContentType;

    /// <summary>A hash of the thumbnails: the ETag and the <c>?v=</c> of cover URLs.</summary>
    public string Version { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
