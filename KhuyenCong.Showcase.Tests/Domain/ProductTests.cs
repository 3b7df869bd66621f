using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Producers;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldNeedPhotosFromTheFrontTheSideAndAbove()
    {
        var product = Product.Create(Guid.NewGuid(), Products.Details(), Now);
        Assert.Equal([PhotoView.Front, PhotoView.Side, PhotoView.Top], product.MissingViews);

        product.AddPhoto(PhotoView.Front, Products.Photo("f"), Now);
        product.AddPhoto(PhotoView.Other, Products.Photo("o"), Now);
        product.AddPhoto(PhotoView.Side, Products.Photo("s"), Now);
        Assert.False(product.HasRequiredPhotos);
        Assert.Equal([PhotoView.Top], product.MissingViews);

        product.AddPhoto(PhotoView.Top, Products.Photo("t"), Now);
        Assert.True(product.HasRequiredPhotos);
    }

    [Fact]
    public void ShouldRefuseASecondPhotoForTheSameViewInVietnamese()
    {
        var product = Product.Create(Guid.NewGuid(), Products.Details(), Now);
        product.AddPhoto(PhotoView.Front, Products.Photo("a"), Now);
        var error = Assert.Throws<DomainException>(() => product.AddPhoto(PhotoView.Front, Products.Photo("b"), Now));
        Assert.Contains("Mặt trước", error.Message);
    }

    [Fact]
    public void ShouldRefuseAPriceRangeUpsideDown() =>
        Assert.Throws<DomainException>(() => Product.Create(Guid.NewGuid(), Products.Details() with { PriceMin = 200_000, PriceMax = 100_000 }, Now));

    [Fact]
    public void ShouldRefuseAnUnknownGroup() =>
        Assert.Throws<DomainException>(() => Product.Create(Guid.NewGuid(), Products.Details() with { Group = (ProductGroup)9 }, Now));

    [Fact]
    public void ShouldRefuseADocumentThatExpiresBeforeItWasIssued()
    {
        var product = Product.Create(Guid.NewGuid(), Products.Details(), Now);
        var info = new DocumentInfo(DocumentType.FoodSafetyCertificate, "12/ATTP", "Sở Y tế", new DateOnly(2025, 1, 1), new DateOnly(2024, 1, 1));
        Assert.Throws<DomainException>(() => product.AddDocument(info, new StoredFile("k", "application/pdf", 10, "attp.pdf"), Now));
    }

    [Fact]
    public void ShouldKnowWhenADocumentHasExpired()
    {
        var product = Product.Create(Guid.NewGuid(), Products.Details(), Now);
        var document = product.AddDocument(new DocumentInfo(DocumentType.QualityCertificate, "VietGAP", "Sở NN", new DateOnly(2022, 1, 1), new DateOnly(2025, 1, 1)),
            new StoredFile("k", "application/pdf", 10, "vietgap.pdf"), Now);
        Assert.True(document.IsExpiredOn(new DateOnly(2026, 1, 1)));
        Assert.False(document.IsExpiredOn(new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void ShouldRemoveAPhotoAndReportIt()
    {
        var product = Product.Create(Guid.NewGuid(), Products.Details(), Now);
        var photo = product.AddPhoto(PhotoView.Top, Products.Photo("t"), Now);
        Assert.Equal("t", product.RemovePhoto(photo.Id).LargeKey);
        Assert.Empty(product.Photos);
        Assert.Throws<NotFoundException>(() => product.RemovePhoto(photo.Id));
    }
}
