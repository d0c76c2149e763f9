using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Library.Web.Features.Covers;

/// <summary>Why an upload is not a cover; the API and the dialog turn it into a message (<c>CoversText</c> "Problem.{name}").</summary>
public enum CoverProblem
{
    Empty,
    TooLarge,
    NotAnImage,
    UnsupportedFormat,
    TooSmall,
    TooManyPixels,
    Unreadable,
}

internal sealed class InvalidCoverException(CoverProblem problem) : Exception($"Not a usable cover: {problem}.")
{
    public CoverProblem Problem { get; } = problem;
}

/// <summary>Two re-encoded thumbnails of an accepted upload, and what was uploaded (for the audit entry).</summary>
internal sealed record CoverThumbnails(byte[] Small, byte[] Large, string Version, string SourceFormat, int SourceWidth, int SourceHeight);

/// <summary>
/// Decodes an upload with Skia (the format is what the bytes are, never the file name or content type), refuses anything but
/// JPEG, PNG and WebP of sane dimensions, and re-encodes it as WebP thumbnails, upright (EXIF orientation) and on white.
/// </summary>
internal sealed class CoverImages(IOptions<CoverOptions> options)
{
    public const string ContentType = "image/webp";
    public const int MinSide = 16;
    public const int MaxSide = 6000;

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];

    public CoverThumbnails Make(byte[] upload)
    {
        var o = options.Value;
        if (upload.Length == 0)
        {
            throw new InvalidCoverException(CoverProblem.Empty);
        }

        if (upload.Length > o.MaxBytes)
        {
            throw new InvalidCoverException(CoverProblem.TooLarge);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new InvalidCoverException(CoverProblem.NotAnImage);
        if (!Accepted.Contains(codec.EncodedFormat))
        {
            throw new InvalidCoverException(CoverProblem.UnsupportedFormat);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < MinSide || height < MinSide)
        {
            throw new InvalidCoverException(CoverProblem.TooSmall);
        }

        if (width > MaxSide || height > MaxSide)
        {
            throw new InvalidCoverException(CoverProblem.TooManyPixels);
        }

        using var upright = DecodeUpright(codec, o.LargeWidth);
        var large = Encode(upright, o.LargeWidth, o.Quality);
        var small = Encode(upright, o.SmallWidth, o.Quality);
        var version = Convert.ToHexStringLower(SHA256.HashData([.. large, .. small]))[..16];
        return new CoverThumbnails(small, large, version, codec.EncodedFormat.ToString(), width, height);
    }

    /// <summary>Decodes at the smallest scale the codec offers that still covers the large box (JPEG decodes at 1/2, 1/4, 1/8).</summary>
    private static SKBitmap DecodeUpright(SKCodec codec, int largeWidth)
    {
        var turned = codec.EncodedOrigin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom
            or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom;
        var (w, h) = turned ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);
        var needed = Math.Min(1f, Math.Max((float)largeWidth / w, largeWidth * 1.5f / h));
        var (scale, size) = (needed, codec.GetScaledDimensions(needed));
        // The codec rounds to its nearest scale, which may fall short of the box: step up until it covers it.
        while (scale < 1f && (float)size.Width / codec.Info.Width < needed)
        {
            scale = Math.Min(1f, scale + 0.125f);
            size = codec.GetScaledDimensions(scale);
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not SKCodecResult.Success)
        {
            throw new InvalidCoverException(CoverProblem.Unreadable);
        }

        var (uw, uh) = turned ? (size.Height, size.Width) : (size.Width, size.Height);
        var upright = new SKBitmap(new SKImageInfo(uw, uh, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(OriginMatrix(codec.EncodedOrigin, size.Width, size.Height));
        canvas.DrawBitmap(decoded, 0, 0);
        return upright;
    }

    /// <summary>Maps the stored pixels (w × h) to the upright picture, per the EXIF orientation.</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>Fits the picture in a box <paramref name="boxWidth"/> wide and 1.5 × as tall, never enlarging it.</summary>
    private static byte[] Encode(SKBitmap source, int boxWidth, int quality)
    {
        var scale = Math.Min(1d, Math.Min((double)boxWidth / source.Width, boxWidth * 1.5 / source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        var current = source;
        try
        {
            // Halve first (box filter via linear sampling) so a large reduction does not alias, then one cubic step.
            while (current.Width / 2 >= width * 2 && current.Height / 2 >= height * 2)
            {
                var half = current.Resize(new SKImageInfo(current.Width / 2, current.Height / 2, SKColorType.Rgba8888, SKAlphaType.Premul),
                    new SKSamplingOptions(SKFilterMode.Linear)) ?? throw new InvalidCoverException(CoverProblem.Unreadable);
                if (!ReferenceEquals(current, source))
                {
                    current.Dispose();
                }

                current = half;
            }

            using var final = current.Width == width && current.Height == height
                ? current.Copy()
                : current.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var encoded = final?.Encode(SKEncodedImageFormat.Webp, quality) ?? throw new InvalidCoverException(CoverProblem.Unreadable);
            return encoded.ToArray();
        }
        finally
        {
            if (!ReferenceEquals(current, source))
            {
                current.Dispose();
            }
        }
    }
}
