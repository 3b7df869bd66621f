using System.Text;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Media;

/// <summary>What a producer might upload by mistake or malice: each refused in Vietnamese, nothing kept on disk.</summary>
public sealed class UploadTests : IAsyncLifetime
{
    private ShowcaseHost _host = null!;
    private MediaService Media => _host.Get<MediaService>();

    public async Task InitializeAsync() => _host = await ShowcaseHost.CreateAsync(DbKind.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static byte[] Pdf => Demo.DemoSeeder.MinimalPdf("not a photo");

    [Fact]
    public async Task AJpgThatIsReallyAPdfShouldBeRefused()
    {
        var error = Assert.Throws<DomainException>(() => MediaService.CheckPhotoHeader("anh-san-pham.jpg", Pdf.Length, Pdf));
        Assert.Equal("Tệp “anh-san-pham.jpg” không phải ảnh JPEG, PNG hoặc WebP (hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp).", error.Message);
        var stored = await Assert.ThrowsAsync<DomainException>(() => Media.StorePhotoAsync("anh-san-pham.jpg", new MemoryStream(Pdf)));
        Assert.Equal(error.Message, stored.Message);
        Assert.Empty(_host.MediaFiles());
    }

    [Fact]
    public async Task AThirtyMegabyteFileShouldBeRefused()
    {
        const long size = 30L * 1024 * 1024;
        var header = TestImages.PngHeader(4000, 3000);
        var error = Assert.Throws<DomainException>(() => MediaService.CheckPhotoHeader("anh-lon.png", size, header));
        Assert.Equal("Tệp “anh-lon.png” quá lớn: tối đa 20 MB.", error.Message);

        var big = new byte[size];
        header.CopyTo(big, 0);
        var stored = await Assert.ThrowsAsync<DomainException>(() => Media.StorePhotoAsync("anh-lon.png", new MemoryStream(big)));
        Assert.Contains("quá lớn", stored.Message);
        await Assert.ThrowsAsync<DomainException>(() => Media.StoreDocumentAsync("ho-so.pdf", new MemoryStream(big)));
        Assert.Empty(_host.MediaFiles());
    }

    [Fact]
    public async Task ATwentyThousandPixelSquareImageShouldBeRefused()
    {
        var header = TestImages.PngHeader(20_000, 20_000);
        var error = Assert.Throws<DomainException>(() => MediaService.CheckPhotoHeader("khong-lo.png", header.Length, header));
        Assert.Equal("Ảnh “khong-lo.png” có kích thước 20000×20000 điểm ảnh, vượt giới hạn 10000 điểm ảnh mỗi chiều.", error.Message);
        Assert.Equal(error.Message, (await Assert.ThrowsAsync<DomainException>(() => Media.StorePhotoAsync("khong-lo.png", new MemoryStream(header)))).Message);
        Assert.Empty(_host.MediaFiles());
    }

    [Fact]
    public async Task AnSvgWithAScriptShouldBeRefusedAsAPhotoAndAsADocument()
    {
        var svg = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>""");
        var error = Assert.Throws<DomainException>(() => MediaService.CheckPhotoHeader("logo.jpg", svg.Length, svg));
        Assert.Equal("Tệp “logo.jpg” là SVG/HTML, có thể chứa mã độc nên không được chấp nhận. Hãy dùng ảnh JPEG, PNG hoặc WebP.", error.Message);
        Assert.Equal(error.Message, (await Assert.ThrowsAsync<DomainException>(() => Media.StorePhotoAsync("logo.jpg", new MemoryStream(svg)))).Message);
        await Assert.ThrowsAsync<DomainException>(() => Media.StoreDocumentAsync("giay-to.pdf", new MemoryStream(svg)));
        Assert.Empty(_host.MediaFiles());
    }

    [Fact]
    public async Task ARealPhotoAndARealPdfShouldBeKeptUnderAnUnguessableKey()
    {
        var photo = await Media.StorePhotoAsync("mat-truoc.png", new MemoryStream(DemoImage.Render(2000, 1500, 1, 0)));
        var document = await Media.StoreDocumentAsync("dang-ky.jpg", new MemoryStream(Pdf));

        // The server made the sizes it serves, as JPEG and WebP, whatever was sent.
        Assert.Equal(("image/jpeg", 1600, 1200), (photo.Large.ContentType, photo.Large.Width, photo.Large.Height));
        Assert.Equal(("image/jpeg", 400, 300), (photo.Thumbnail.ContentType, photo.Thumbnail.Width, photo.Thumbnail.Height));
        Assert.EndsWith(".webp", photo.LargeWebpKey);
        Assert.EndsWith(".webp", photo.ThumbnailWebpKey);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.EndsWith(".pdf", document.Key);
        Assert.DoesNotContain("dang-ky", document.Key);
        Assert.Equal(5, _host.MediaFiles().Count);
    }

    [Fact]
    public async Task AnEmptyFileShouldBeRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Media.StoreDocumentAsync("rong.pdf", new MemoryStream()));
        Assert.Equal("Tệp “rong.pdf” rỗng.", error.Message);
    }
}
