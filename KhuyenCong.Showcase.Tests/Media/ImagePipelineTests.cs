using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace KhuyenCong.Showcase.Tests.Media;

/// <summary>
/// The server makes every photo it keeps (issue 8): checked from the header, decoded under a bounded allocator, turned
/// upright, stripped of metadata and re-encoded. Checked with the real tools a reader of the files would use.
/// </summary>
public sealed class ImagePipelineTests : IAsyncLifetime
{
    private ShowcaseHost _host = null!;
    private MediaService Media => _host.Get<MediaService>();

    public async Task InitializeAsync() => _host = await ShowcaseHost.CreateAsync(DbKind.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<byte[]> BytesAsync(string key)
    {
        await using var stream = (await Media.OpenAsync(key))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string Exif(byte[] file, string extension) => Tools.OnFile(file, extension, path => Tools.Run("exiftool", "libimage-exiftool-perl", "-a", "-G1", "-s", path));

    private async Task<IReadOnlyList<byte[]>> FilesAsync(StoredPhoto photo) => [.. await Task.WhenAll(photo.Keys.Select(BytesAsync))];

    [Fact]
    public async Task APhonePhotoWithGpsComesOutWithNoExifAtAll()
    {
        var original = TestImages.PhoneJpeg(2000, 1500);
        Assert.Contains("GPSLatitude", Exif(original, ".jpg"));
        var photo = await Media.StorePhotoAsync("IMG_0001.JPG", new MemoryStream(original));
        foreach (var (file, key) in (await FilesAsync(photo)).Zip(photo.Keys))
        {
            var tags = Exif(file, Path.GetExtension(key));
            Assert.DoesNotContain("GPS", tags);
            Assert.DoesNotContain("[EXIF]", tags);
            Assert.DoesNotContain("[IFD0]", tags);
            Assert.DoesNotContain("Điện thoại thử", tags);
            Assert.DoesNotContain("[XMP", tags);
            Assert.DoesNotContain("[IPTC]", tags);
        }
        Assert.DoesNotContain(_host.MediaFiles(), f => File.ReadAllBytes(f).AsSpan().SequenceEqual(original));
    }

    [Fact]
    public async Task AnOrientationSixPhotoComesOutUpright()
    {
        // Stored portrait (red on top) with "rotate 90° clockwise to view": upright it is landscape, red on the right.
        var photo = await Media.StorePhotoAsync("doc.jpg", new MemoryStream(TestImages.PhoneJpeg(1200, 1600, orientation: 6)));
        Assert.True(photo.Large.Width > photo.Large.Height, $"{photo.Large.Width}×{photo.Large.Height}");
        Assert.Equal((1600, 1200), (photo.Large.Width, photo.Large.Height));
        using var large = Image.Load<Rgb24>(await BytesAsync(photo.Large.Key));
        var right = large[large.Width - 50, large.Height / 2];
        var left = large[50, large.Height / 2];
        Assert.True(right.R > 150 && right.B < 100, $"right {right}");
        Assert.True(left.B > 150 && left.R < 100, $"left {left}");
    }

    [Fact]
    public async Task ACmykJpegIsAcceptedAndTurnedIntoRgb()
    {
        var cmyk = TestImages.CmykJpeg(1600, 1200);
        Assert.Contains("ColorComponents                 : 4", Exif(cmyk, ".jpg"));
        var photo = await Media.StorePhotoAsync("in-an.jpg", new MemoryStream(cmyk));
        Assert.Contains("ColorComponents                 : 3", Exif(await BytesAsync(photo.Large.Key), ".jpg"));
        using var large = Image.Load<Rgb24>(await BytesAsync(photo.Large.Key));
        Assert.True(large[5, 5].R > 150, $"the top of a red-to-blue gradient is red, not {large[5, 5]}");
    }

    [Fact]
    public async Task ASixteenBitPngWithTransparencyIsAcceptedFlattenedOnWhite()
    {
        var png = TestImages.Png16(1500, 1000);
        Assert.Contains("BitDepth                        : 16", Exif(png, ".png"));
        var photo = await Media.StorePhotoAsync("san-pham.png", new MemoryStream(png));
        var large = await BytesAsync(photo.Large.Key);
        Assert.Contains("BitsPerSample                   : 8", Exif(large, ".jpg"));
        using var image = Image.Load<Rgb24>(large);
        Assert.True(image[2, 500].R > 240 && image[2, 500].G > 240 && image[2, 500].B > 240, $"transparent is white, not {image[2, 500]}");
    }

    [Fact]
    public async Task AnimatedGifsAndWebpsAreRefusedWithAClearMessage()
    {
        foreach (var (name, bytes) in new[] { ("dong.gif", TestImages.AnimatedGif(1400, 1000)), ("dong.webp", TestImages.AnimatedWebp(1400, 1000)) })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Media.StorePhotoAsync(name, new MemoryStream(bytes)));
            Assert.Equal($"Tệp “{name}” là ảnh động (GIF hoặc WebP động) nên không được nhận. Hãy chọn một ảnh tĩnh JPEG, PNG hoặc WebP.", refused.Message);
        }
        Assert.Empty(_host.MediaFiles());
    }

    [Fact]
    public async Task ATinyPngClaimingSixtyThousandPixelsASideIsRefusedBeforeAnythingIsDecoded()
    {
        var bomb = TestImages.PngHeader(60_000, 60_000);
        Assert.True(bomb.Length < 300, $"{bomb.Length} bytes");
        await Media.StorePhotoAsync("warm-up.png", new MemoryStream(DemoImage.Render(1200, 900, 1, 0)));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Media.StorePhotoAsync("bom.png", new MemoryStream(bomb)));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Contains("60000×60000", refused.Message);
        Assert.True(allocated < 50L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated to refuse it");
    }

    [Fact]
    public async Task APhotoTooSmallToPrintAtTenByFifteenIsRefusedSayingSo()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Media.StorePhotoAsync("nho.png", new MemoryStream(DemoImage.Render(1000, 700, 1, 0))));
        Assert.Equal("Ảnh “nho.png” chỉ có 1000×700 điểm ảnh. Ảnh dự thi phải in được cỡ 10×15 cm (Điều 12 Thông tư 26/2014/TT-BCT): cạnh dài cần ít nhất 1200 điểm ảnh.",
            refused.Message);
        Assert.Empty(_host.MediaFiles());
    }

    [Fact]
    public async Task AnImageDocumentIsReencodedWithoutItsMetadata()
    {
        var scan = TestImages.PhoneJpeg(1700, 2200);
        var stored = await Media.StoreDocumentAsync("giay-phep.jpg", new MemoryStream(scan));
        Assert.Equal(("image/jpeg", "giay-phep.jpg"), (stored.ContentType, stored.FileName));
        var tags = Exif(await BytesAsync(stored.Key), ".jpg");
        Assert.DoesNotContain("GPS", tags);
        Assert.DoesNotContain("[EXIF]", tags);
    }
}
