using SkiaSharp;

namespace Library.Tests.Integration.Covers;

/// <summary>Real images made with Skia: a gradient with a block of colour, so the encoders have something to compress.</summary>
internal static class TestImages
{
    public static byte[] Make(SKEncodedImageFormat format, int width = 600, int height = 900, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                    [SKColors.DarkBlue, SKColors.Orange], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, paint);
            using var block = new SKPaint { Color = SKColors.Crimson };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 8f, block);
        }

        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Png(int width = 600, int height = 900) => Make(SKEncodedImageFormat.Png, width, height);

    /// <summary>The size and format of encoded bytes, as Skia reads them.</summary>
    public static (SKEncodedImageFormat Format, int Width, int Height) Read(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new InvalidDataException("not an image");
        return (codec.EncodedFormat, codec.Info.Width, codec.Info.Height);
    }
}
