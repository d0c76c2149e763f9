namespace Library.Web.Features.Covers;

internal sealed class CoverOptions
{
    public const string Section = "Covers";

    /// <summary>The largest upload accepted, in bytes (2 MiB).</summary>
    public int MaxBytes { get; set; } = 2_097_152;

    /// <summary>Thumbnail box widths in pixels (height at most 1.5 × the width); smaller images are never enlarged.</summary>
    public int SmallWidth { get; set; } = 160;

    public int LargeWidth { get; set; } = 480;

    /// <summary>WebP quality of the thumbnails, 1-100.</summary>
    public int Quality { get; set; } = 80;

    /// <summary>How long browsers and proxies keep a cover fetched without a current <c>?v=</c> (then revalidate with the ETag).</summary>
    public int UnversionedMaxAgeSeconds { get; set; } = 300;
}
