using System.Buffers.Binary;
using KhuyenCong.Showcase.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace KhuyenCong.Showcase.Tests.Media;

/// <summary>Images made for the tests: with ImageSharp where it can write them, with Debian's ImageMagick and libwebp where it cannot.</summary>
public static class TestImages
{
    /// <summary>A PNG signature and IHDR (valid CRC) claiming any size, then IEND: a few dozen bytes that say "60000×60000".</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>A phone photo: JPEG with EXIF holding GPS coordinates, a camera model and an orientation.</summary>
    public static byte[] PhoneJpeg(int width, int height, ushort orientation = 1)
    {
        using var image = Image.LoadPixelData<Rgb24>(Pixels(width, height), width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.Model, "Điện thoại thử");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(18), new Rational(20), new Rational(3094, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(105), new Rational(54), new Rational(1200, 100)]);
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    /// <summary>A 16-bit-per-channel PNG with transparency.</summary>
    public static byte[] Png16(int width, int height)
    {
        using var image = new Image<Rgba64>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++) row[x] = new Rgba64((ushort)(x * 40), (ushort)(y * 40), 30000, x < 10 ? (ushort)0 : ushort.MaxValue);
            }
        });
        using var output = new MemoryStream();
        // The encoder keeps the pixel type's 16 bits a channel (the test checks the file says so).
        image.SaveAsPng(output);
        return output.ToArray();
    }

    /// <summary>A GIF of two frames.</summary>
    public static byte[] AnimatedGif(int width, int height)
    {
        using var image = Image.LoadPixelData<Rgba32>(new Rgba32[width * height], width, height);
        using var second = new Image<Rgba32>(width, height, new Rgba32(200, 0, 0));
        image.Frames.AddFrame(second.Frames.RootFrame);
        using var output = new MemoryStream();
        image.SaveAsGif(output);
        return output.ToArray();
    }

    /// <summary>A CMYK JPEG, as print shops and some scanners make them (ImageMagick, from Debian).</summary>
    public static byte[] CmykJpeg(int width, int height) => Made(".jpg", path =>
        Tools.Run("/usr/bin/convert", "imagemagick", "-size", $"{width}x{height}", "gradient:red-blue", "-colorspace", "CMYK", "-quality", "90", path));

    /// <summary>An animated WebP of two frames (img2webp, from Debian's webp package).</summary>
    public static byte[] AnimatedWebp(int width, int height)
    {
        var a = Path.Combine(Path.GetTempPath(), $"kc-{Guid.NewGuid():N}.png");
        var b = Path.Combine(Path.GetTempPath(), $"kc-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(a, Showcase.Media.DemoImage.Render(width, height, 1, 0));
        File.WriteAllBytes(b, Showcase.Media.DemoImage.Render(width, height, 2, 1));
        try
        {
            return Made(".webp", path => Tools.Run("img2webp", "webp", "-loop", "0", a, "-d", "200", b, "-o", path));
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    private static byte[] Made(string extension, Func<string, string> make)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kc-{Guid.NewGuid():N}{extension}");
        try
        {
            make(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Pixels(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 3;
                // Top half red, bottom half blue: turning the picture is visible in its pixels.
                (rgb[i], rgb[i + 1], rgb[i + 2]) = y < height / 2 ? ((byte)220, (byte)40, (byte)40) : ((byte)40, (byte)40, (byte)220);
            }
        return rgb;
    }
}
