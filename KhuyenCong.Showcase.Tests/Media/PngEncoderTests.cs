using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using KhuyenCong.Showcase.Media;
using Xunit;

namespace KhuyenCong.Showcase.Tests.Media;

public sealed class PngEncoderTests
{
    [Fact]
    public void ShouldWriteSignatureAndTruecolourHeader()
    {
        var png = PngEncoder.Encode(5, 3, Pattern(5, 3));

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var ihdr = ReadChunks(png)[0];
        Assert.Equal("IHDR", ihdr.Type);
        Assert.Equal(5, BinaryPrimitives.ReadInt32BigEndian(ihdr.Data));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(ihdr.Data.AsSpan(4)));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, ihdr.Data[8..]);
    }

    [Fact]
    public void ShouldWriteChunksWithValidCrcsInStandardOrder()
    {
        var png = PngEncoder.Encode(33, 17, Pattern(33, 17));

        var chunks = ReadChunks(png);

        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.All(chunks, chunk => Assert.Equal(ReferenceCrc(chunk.Type, chunk.Data), chunk.Crc));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);
    }

    [Fact]
    public void ShouldInflateIdatToTheOriginalFirstRow()
    {
        const int width = 16;
        var rgb = Pattern(width, 4);
        var png = PngEncoder.Encode(width, 4, rgb);

        var scanlines = Inflate(png);

        var firstRow = Unfilter(scanlines.AsSpan(0, 1 + width * 3));
        Assert.Equal(rgb[..(width * 3)], firstRow);
    }

    [Theory]
    [InlineData("gradient")]
    [InlineData("noise")]
    [InlineData("flat")]
    public void ShouldRoundTripEveryPixel(string kind)
    {
        const int width = 41;
        const int height = 23;
        var rgb = kind switch
        {
            "gradient" => Pattern(width, height),
            "noise" => Noise(width, height),
            _ => new byte[width * height * 3],
        };

        var decoded = Decode(PngEncoder.Encode(width, height, rgb));

        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(rgb, decoded.Rgb);
    }

    [Fact]
    public void ShouldUseSubForGradientRowsAndNoneForFlatRows()
    {
        const int width = 64;
        var rgb = new byte[width * 2 * 3];
        for (var x = 0; x < width; x++)
        {
            rgb[x * 3] = (byte)(x * 4);
            rgb[x * 3 + 1] = (byte)(255 - x * 4);
            rgb[x * 3 + 2] = (byte)(x * 2);
        }

        var scanlines = Inflate(PngEncoder.Encode(width, 2, rgb));

        Assert.Equal(1, scanlines[0]);
        Assert.Equal(0, scanlines[1 + width * 3]);
    }

    [Fact]
    public void ShouldCompressSmoothImagesSmallerThanNoise()
    {
        var smooth = PngEncoder.Encode(200, 200, Pattern(200, 200));
        var noise = PngEncoder.Encode(200, 200, Noise(200, 200));

        Assert.True(smooth.Length * 4 < noise.Length, $"smooth {smooth.Length} B vs noise {noise.Length} B");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    public void ShouldRejectNonPositiveDimensions(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(width, height, []));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(0)]
    public void ShouldRejectPixelBufferOfWrongLength(int length)
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(2, 2, new byte[length]));
    }

    [Fact]
    public void ShouldRejectImagesTooLargeForMemory()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(100_000, 100_000, []));
    }

    [Theory]
    [InlineData(640, 480)]
    [InlineData(1, 1)]
    [InlineData(3, 200)]
    public void ShouldRenderDemoImageOfRequestedSize(int width, int height)
    {
        var png = DemoImage.Render(width, height, seed: 42, view: 0);

        Assert.Equal(new MediaInfo(MediaKind.Png, "image/png", width, height), MediaInspector.Inspect(png));
        Assert.Equal(width * height * 3, Decode(png).Rgb.Length);
    }

    [Fact]
    public void ShouldRenderTheSameBytesForTheSameArguments()
    {
        Assert.Equal(DemoImage.Render(120, 90, 7, 1), DemoImage.Render(120, 90, 7, 1));
    }

    [Fact]
    public void ShouldRenderDifferentPicturesForEachView()
    {
        var views = Enumerable.Range(0, 3).Select(view => Decode(DemoImage.Render(120, 90, 7, view)).Rgb).ToArray();

        Assert.NotEqual(views[0], views[1]);
        Assert.NotEqual(views[0], views[2]);
        Assert.NotEqual(views[1], views[2]);
    }

    [Fact]
    public void ShouldRenderDifferentColoursForNeighbouringSeeds()
    {
        var topLeftColours = Enumerable.Range(1, 10)
            .Select(seed => Convert.ToHexString(Decode(DemoImage.Render(8, 8, seed, 0)).Rgb[..3]))
            .ToHashSet();

        Assert.True(topLeftColours.Count >= 8, string.Join(", ", topLeftColours));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ShouldPaintLighterShapeOverDarkeningGradient(int view)
    {
        for (var seed = -5; seed < 25; seed++)
        {
            var image = Decode(DemoImage.Render(160, 120, seed, view));

            var top = Brightness(image, 0, 0);
            var bottom = Brightness(image, 0, image.Height - 1);
            var brightest = Enumerable.Range(0, image.Width * image.Height)
                .Max(i => Brightness(image, i % image.Width, i / image.Width));
            Assert.True(top > bottom, $"seed {seed}: top {top} bottom {bottom}");
            Assert.True(brightest > top + 60, $"seed {seed} view {view}: shape {brightest} background {top}");
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void ShouldRejectUnknownView(int view)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoImage.Render(10, 10, 1, view));
    }

    private static int Brightness((int Width, int Height, byte[] Rgb) image, int x, int y)
    {
        var i = (y * image.Width + x) * 3;
        return image.Rgb[i] + image.Rgb[i + 1] + image.Rgb[i + 2];
    }

    private static byte[] Pattern(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 3;
                rgb[i] = (byte)(x * 255 / Math.Max(1, width - 1));
                rgb[i + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                rgb[i + 2] = (byte)((x + y) * 3);
            }
        }

        return rgb;
    }

    private static byte[] Noise(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        new Random(1234).NextBytes(rgb);
        return rgb;
    }

    private static List<(string Type, byte[] Data, uint Crc)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[], uint)>();
        var pos = 8;
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            chunks.Add((type, data, crc));
            pos += 12 + length;
        }

        Assert.Equal(png.Length, pos);
        return chunks;
    }

    // Bit-by-bit on purpose, so a wrong table in the encoder cannot be mirrored here.
    private static uint ReferenceCrc(string type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.ASCII.GetBytes(type).Concat(data))
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    private static byte[] Inflate(byte[] png)
    {
        var compressed = ReadChunks(png).Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    // The encoder promises only None and Sub, neither of which reads the previous row.
    private static byte[] Unfilter(ReadOnlySpan<byte> scanline)
    {
        var filter = scanline[0];
        Assert.True(filter is 0 or 1, $"unexpected filter type {filter}");
        var row = scanline[1..].ToArray();
        if (filter == 1)
        {
            for (var i = 3; i < row.Length; i++)
            {
                row[i] = (byte)(row[i] + row[i - 3]);
            }
        }

        return row;
    }

    private static (int Width, int Height, byte[] Rgb) Decode(byte[] png)
    {
        var ihdr = ReadChunks(png)[0].Data;
        var width = BinaryPrimitives.ReadInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4));
        var scanlines = Inflate(png);
        var stride = width * 3;
        Assert.Equal(height * (stride + 1), scanlines.Length);

        var rgb = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            Unfilter(scanlines.AsSpan(y * (stride + 1), stride + 1))
                .CopyTo(rgb, y * stride);
        }

        return (width, height, rgb);
    }
}
