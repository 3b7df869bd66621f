using System.Buffers.Binary;
using System.Text;
using KhuyenCong.Showcase.Media;
using Xunit;

namespace KhuyenCong.Showcase.Tests.Media;

public sealed class MediaInspectorTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(640, 480)]
    public void ShouldReadPngDimensionsFromEncodedImage(int width, int height)
    {
        var png = PngEncoder.Encode(width, height, new byte[width * height * 3]);

        var info = MediaInspector.Inspect(png);

        Assert.Equal(new MediaInfo(MediaKind.Png, "image/png", width, height), info);
    }

    [Fact]
    public void ShouldReadHugePngDimensionsFromHeaderAlone()
    {
        var info = MediaInspector.Inspect(PngHeader(20000, 20000));

        Assert.Equal(new MediaInfo(MediaKind.Png, "image/png", 20000, 20000), info);
    }

    [Theory]
    [InlineData(0u, 10u)]
    [InlineData(10u, 0u)]
    [InlineData(0x80000000u, 10u)]
    [InlineData(10u, 0xFFFFFFFFu)]
    public void ShouldRejectPngWithZeroOrOversizedDimensions(uint width, uint height)
    {
        Assert.Null(MediaInspector.Inspect(PngHeader(width, height)));
    }

    [Fact]
    public void ShouldRejectPngWhoseFirstChunkIsNotIhdr()
    {
        var png = PngHeader(10, 10);
        "IDAT"u8.CopyTo(png.AsSpan(12));

        Assert.Null(MediaInspector.Inspect(png));
    }

    [Fact]
    public void ShouldReadJpegDimensionsAfterLargeExifSegment()
    {
        // One segment tops out at 64 KB, so the 70 KB of metadata is EXIF plus an extended-XMP APP1.
        var jpeg = new JpegBuilder()
            .Segment(0xE1, Filled(65533, "Exif\0\0"))
            .Segment(0xE1, Filled(8 * 1024, "http://ns.adobe.com/xmp/extension/\0"))
            .Frame(0xC0, width: 1234, height: 567)
            .Build();
        Assert.True(jpeg.Length > 70 * 1024);
        Assert.True(jpeg.Length <= MediaInspector.HeaderBytes);

        var info = MediaInspector.Inspect(jpeg);

        Assert.Equal(new MediaInfo(MediaKind.Jpeg, "image/jpeg", 1234, 567), info);
    }

    [Theory]
    [InlineData(0xC0)]
    [InlineData(0xC1)]
    [InlineData(0xC2)]
    [InlineData(0xC3)]
    [InlineData(0xC5)]
    [InlineData(0xC7)]
    [InlineData(0xC9)]
    [InlineData(0xCB)]
    [InlineData(0xCD)]
    [InlineData(0xCF)]
    public void ShouldReadJpegDimensionsFromEveryStartOfFrameMarker(byte marker)
    {
        var jpeg = new JpegBuilder().Segment(0xE0, Filled(14, "JFIF\0")).Frame(marker, width: 800, height: 600).Build();

        Assert.Equal(new MediaInfo(MediaKind.Jpeg, "image/jpeg", 800, 600), MediaInspector.Inspect(jpeg));
    }

    [Fact]
    public void ShouldNotMistakeHuffmanArithmeticOrExtensionMarkersForFrames()
    {
        // Each of these carries bytes that would read as a bogus size if taken for a frame header.
        var decoy = new byte[] { 8, 0x11, 0x11, 0x22, 0x22, 3 };
        var jpeg = new JpegBuilder()
            .Segment(0xC4, decoy)
            .Segment(0xC8, decoy)
            .Segment(0xCC, decoy)
            .Frame(0xC0, width: 40, height: 30)
            .Build();

        Assert.Equal(new MediaInfo(MediaKind.Jpeg, "image/jpeg", 40, 30), MediaInspector.Inspect(jpeg));
    }

    [Fact]
    public void ShouldSkipFillBytesAndStandaloneMarkersBeforeTheFrame()
    {
        var jpeg = new JpegBuilder()
            .Raw(0xFF, 0xFF, 0xFF, 0x01)
            .Raw(0xFF, 0xD0)
            .Segment(0xE0, Filled(14, "JFIF\0"))
            .Raw(0xFF, 0xFF)
            .Frame(0xC2, width: 2, height: 3)
            .Build();

        Assert.Equal(new MediaInfo(MediaKind.Jpeg, "image/jpeg", 2, 3), MediaInspector.Inspect(jpeg));
    }

    [Fact]
    public void ShouldReturnNullWhenJpegIsTruncatedBeforeTheFrame()
    {
        var jpeg = new JpegBuilder()
            .Segment(0xE1, Filled(65533, "Exif\0\0"))
            .Segment(0xE1, Filled(8 * 1024, "http://ns.adobe.com/xmp/extension/\0"))
            .Frame(0xC0, width: 1234, height: 567)
            .Build();
        var frameStart = jpeg.Length - 2 - 19;

        Assert.Null(MediaInspector.Inspect(jpeg.AsSpan(0, frameStart)));
        Assert.Null(MediaInspector.Inspect(jpeg.AsSpan(0, frameStart + 8)));
        Assert.NotNull(MediaInspector.Inspect(jpeg.AsSpan(0, frameStart + 9)));
    }

    [Theory]
    [InlineData(0xDA)]
    [InlineData(0xD9)]
    public void ShouldReturnNullWhenJpegReachesScanOrEndWithoutFrame(byte marker)
    {
        var jpeg = new JpegBuilder().Segment(0xE0, Filled(14, "JFIF\0")).Segment(marker, [1, 2, 3]).Frame(0xC0, 8, 8).Build();

        Assert.Null(MediaInspector.Inspect(jpeg));
    }

    [Fact]
    public void ShouldReturnNullWhenJpegFrameDefersHeightToLaterMarker()
    {
        var jpeg = new JpegBuilder().Frame(0xC0, width: 100, height: 0).Build();

        Assert.Null(MediaInspector.Inspect(jpeg));
    }

    [Fact]
    public void ShouldReturnNullWhenJpegSegmentsAreNotFollowedByAMarker()
    {
        var jpeg = new JpegBuilder().Segment(0xE0, Filled(14, "JFIF\0")).Raw(0x00, 0x00).Frame(0xC0, 8, 8).Build();

        Assert.Null(MediaInspector.Inspect(jpeg));
    }

    [Fact]
    public void ShouldReadLossyWebPDimensions()
    {
        // Frame tag, start code, then 14-bit sizes whose top two bits are a scaling hint to be ignored.
        byte[] payload = [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, .. U16(0x4000 | 1920), .. U16(0x8000 | 1080)];

        var info = MediaInspector.Inspect(WebP("VP8 ", payload));

        Assert.Equal(new MediaInfo(MediaKind.WebP, "image/webp", 1920, 1080), info);
    }

    [Fact]
    public void ShouldReadLosslessWebPDimensions()
    {
        var packed = (uint)(300 - 1) | ((uint)(200 - 1) << 14) | (1u << 28);
        byte[] payload = [0x2F, .. U32(packed)];

        var info = MediaInspector.Inspect(WebP("VP8L", payload));

        Assert.Equal(new MediaInfo(MediaKind.WebP, "image/webp", 300, 200), info);
    }

    [Fact]
    public void ShouldReadExtendedWebPDimensions()
    {
        byte[] payload = [0x10, 0, 0, 0, .. U24(5000 - 1), .. U24(16384 * 2 - 1)];

        var info = MediaInspector.Inspect(WebP("VP8X", payload));

        Assert.Equal(new MediaInfo(MediaKind.WebP, "image/webp", 5000, 32768), info);
    }

    [Fact]
    public void ShouldRejectWebPWithoutLossyStartCode()
    {
        byte[] payload = [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2B, .. U16(10), .. U16(10)];

        Assert.Null(MediaInspector.Inspect(WebP("VP8 ", payload)));
    }

    [Fact]
    public void ShouldRejectWebPWithZeroLossySize()
    {
        byte[] payload = [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, .. U16(0x4000), .. U16(10)];

        Assert.Null(MediaInspector.Inspect(WebP("VP8 ", payload)));
    }

    [Fact]
    public void ShouldRejectLosslessWebPWithUnknownVersionOrSignature()
    {
        byte[] badVersion = [0x2F, .. U32(9u | (9u << 14) | (1u << 29))];
        byte[] badSignature = [0x2E, .. U32(9u | (9u << 14))];

        Assert.Null(MediaInspector.Inspect(WebP("VP8L", badVersion)));
        Assert.Null(MediaInspector.Inspect(WebP("VP8L", badSignature)));
    }

    [Fact]
    public void ShouldRejectRiffFilesThatAreNotWebP()
    {
        var wave = WebP("fmt ", new byte[16]);
        "WAVE"u8.CopyTo(wave.AsSpan(8));

        Assert.Null(MediaInspector.Inspect(wave));
        Assert.Null(MediaInspector.Inspect(WebP("ALPH", new byte[16])));
    }

    [Fact]
    public void ShouldRecognisePdfWhateverTheFileWasCalled()
    {
        // The API takes bytes only, so "invoice.jpg" holding a PDF is still judged a PDF.
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

        var info = MediaInspector.Inspect(bytes);

        Assert.Equal(new MediaInfo(MediaKind.Pdf, "application/pdf", 0, 0), info);
        Assert.NotEqual(MediaKind.Jpeg, info!.Kind);
    }

    [Theory]
    [InlineData(" %PDF-1.7\n")]
    [InlineData("junk\n%PDF-1.4\n")]
    [InlineData("%PDF")]
    [InlineData("%pdf-1.7\n")]
    public void ShouldRequirePdfSignatureAtTheVeryStart(string text)
    {
        Assert.Null(MediaInspector.Inspect(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void ShouldRefuseSvgWithScriptButRecogniseItAsSvg()
    {
        var svg = Encoding.UTF8.GetBytes(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script></svg>");

        Assert.Null(MediaInspector.Inspect(svg));
        Assert.True(MediaInspector.LooksLikeSvgOrHtml(svg));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    [InlineData("\uFEFF  \r\n\t<SVG viewBox=\"0 0 1 1\"/>")]
    [InlineData("<!doctype html><html></html>")]
    [InlineData("\n<HTML><body onload=\"x()\">")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\">")]
    public void ShouldRecogniseSvgAndHtmlPreambles(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.True(MediaInspector.LooksLikeSvgOrHtml(bytes));
        Assert.Null(MediaInspector.Inspect(bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello <svg>")]
    [InlineData("<sv")]
    [InlineData("%PDF-1.7")]
    public void ShouldNotTakeOtherTextForSvgOrHtml(string text)
    {
        Assert.False(MediaInspector.LooksLikeSvgOrHtml(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void ShouldNotTakeImagesForSvgOrHtml()
    {
        Assert.False(MediaInspector.LooksLikeSvgOrHtml(PngEncoder.Encode(2, 2, new byte[12])));
        Assert.False(MediaInspector.LooksLikeSvgOrHtml(new JpegBuilder().Frame(0xC0, 8, 8).Build()));
    }

    [Fact]
    public void ShouldReturnNullForEmptyOrUnknownContent()
    {
        Assert.Null(MediaInspector.Inspect([]));
        Assert.Null(MediaInspector.Inspect("GIF89a\x01\x00\x01\x00"u8));
        Assert.Null(MediaInspector.Inspect("PK\x03\x04"u8));
        Assert.Null(MediaInspector.Inspect([0xFF, 0xD8]));
    }

    [Fact]
    public void ShouldNeverThrowOnRandomBytes()
    {
        var random = new Random(20240611);
        byte[][] prefixes =
        [
            [],
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'],
            [0xFF, 0xD8, 0xFF],
            "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(),
            "RIFF\0\0\0\0WEBPVP8L"u8.ToArray(),
            "RIFF\0\0\0\0WEBPVP8X"u8.ToArray(),
            "%PDF-"u8.ToArray(),
            "\uFEFF <"u8.ToArray(),
        ];

        for (var i = 0; i < 20_000; i++)
        {
            var prefix = prefixes[i % prefixes.Length];
            var buffer = new byte[prefix.Length + random.Next(0, i % 100 == 0 ? 4096 : 64)];
            random.NextBytes(buffer);
            prefix.CopyTo(buffer, 0);

            // JPEG walking only gets far when segments chain, so bias some buffers towards 0xFF bytes.
            if (prefix.Length == 3 && i % 2 == 0)
            {
                for (var j = 3; j < buffer.Length; j += random.Next(1, 6))
                {
                    buffer[j] = 0xFF;
                }
            }

            _ = MediaInspector.Inspect(buffer);
            _ = MediaInspector.LooksLikeSvgOrHtml(buffer);
        }
    }

    [Fact]
    public void ShouldNeverThrowOnAnyTruncationOfValidPng()
    {
        var png = PngEncoder.Encode(7, 5, Enumerable.Range(0, 7 * 5 * 3).Select(i => (byte)i).ToArray());

        for (var length = 0; length <= png.Length; length++)
        {
            var info = MediaInspector.Inspect(png.AsSpan(0, length));

            Assert.Equal(length >= 24 ? new MediaInfo(MediaKind.Png, "image/png", 7, 5) : null, info);
        }
    }

    [Fact]
    public void ShouldNeverThrowOnAnyTruncationOfValidJpeg()
    {
        var jpeg = new JpegBuilder()
            .Segment(0xE0, Filled(14, "JFIF\0"))
            .Raw(0xFF, 0xFF)
            .Segment(0xDB, new byte[65])
            .Segment(0xC4, new byte[30])
            .Frame(0xC0, width: 321, height: 123)
            .Segment(0xDA, new byte[10])
            .Raw(0x12, 0xFF, 0x00, 0x34)
            .Build();
        var frameHeaderEnd = jpeg.Length - 2 - 4 - 14 - 19 + 9;

        for (var length = 0; length <= jpeg.Length; length++)
        {
            var info = MediaInspector.Inspect(jpeg.AsSpan(0, length));

            Assert.Equal(length >= frameHeaderEnd ? new MediaInfo(MediaKind.Jpeg, "image/jpeg", 321, 123) : null, info);
        }
    }

    [Fact]
    public void ShouldNeverThrowOnAnyTruncationOfWebPHeaders()
    {
        byte[][] webps =
        [
            WebP("VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, .. U16(64), .. U16(48)]),
            WebP("VP8L", [0x2F, .. U32(63u | (47u << 14))]),
            WebP("VP8X", [0, 0, 0, 0, .. U24(63), .. U24(47)]),
        ];

        foreach (var webp in webps)
        {
            for (var length = 0; length <= webp.Length; length++)
            {
                var info = MediaInspector.Inspect(webp.AsSpan(0, length));

                Assert.True(info is null || info == new MediaInfo(MediaKind.WebP, "image/webp", 64, 48));
            }

            Assert.Equal(new MediaInfo(MediaKind.WebP, "image/webp", 64, 48), MediaInspector.Inspect(webp));
        }
    }

    private static byte[] PngHeader(uint width, uint height)
    {
        var header = new byte[33];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), 13);
        "IHDR"u8.CopyTo(header.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(20), height);
        header[24] = 8;
        header[25] = 2;
        return header;
    }

    private static byte[] WebP(string fourCc, byte[] payload)
    {
        var bytes = new byte[20 + payload.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        Encoding.ASCII.GetBytes(fourCc).CopyTo(bytes, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)payload.Length);
        payload.CopyTo(bytes, 20);
        return bytes;
    }

    private static byte[] Filled(int length, string identifier)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)0xA5);
        Encoding.ASCII.GetBytes(identifier).CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] U16(int value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] U24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static byte[] U32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    private sealed class JpegBuilder
    {
        private readonly List<byte> bytes = [0xFF, 0xD8];

        public JpegBuilder Raw(params byte[] raw)
        {
            bytes.AddRange(raw);
            return this;
        }

        public JpegBuilder Segment(byte marker, byte[] payload)
        {
            var length = payload.Length + 2;
            bytes.AddRange([0xFF, marker, (byte)(length >> 8), (byte)length]);
            bytes.AddRange(payload);
            return this;
        }

        /// <summary>A baseline three-component frame header: 19 bytes including the marker.</summary>
        public JpegBuilder Frame(byte marker, int width, int height) =>
            Segment(marker,
            [
                8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3,
                1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
            ]);

        public byte[] Build() => [.. bytes, 0xFF, 0xD9];
    }
}
