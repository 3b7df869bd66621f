using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Domain;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Tests.Data;

[Collection(DatabaseCollection.Name)]
public sealed class ProductServiceTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AProductShouldBeSavedWithItsThreePhotosAndDocumentInOneGo(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201");
        var id = await world.ProductAsync(producer, "Giỏ mây đan tay");

        var view = await host.Get<ProductService>().GetAsync(producer, id);
        Assert.Equal("Giỏ mây đan tay", view!.Product.Name);
        Assert.True(view.Product.HasRequiredPhotos);
        Assert.Equal(3, view.Product.Photos.Count);
        Assert.Single(view.Product.Documents);
        // Four files the server made for each of the three photos, and the document.
        Assert.Equal(3 * 4 + 1, host.MediaFiles().Count);

        var cards = await host.Get<ProductService>().ListAsync(producer, new ProductFilter());
        Assert.True(Assert.Single(cards).HasRequiredPhotos);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task MediaShouldBeServedOnlyToTheOwnerAndStaffInScope(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var owner = await world.ProducerAsync("T4201");
        var id = await world.ProductAsync(owner);
        var products = host.Get<ProductService>();
        var view = await products.GetAsync(owner, id);
        var photoKey = view!.Product.Photos[0].ThumbnailKey;
        var documentKey = view.Product.Documents[0].BlobKey;

        Assert.NotNull(await products.AuthorizeMediaAsync(owner, photoKey));
        Assert.Equal("dang-ky.pdf", (await products.AuthorizeMediaAsync(await world.UserAsync(Roles.ProvinceStaff, "42"), documentKey))!.DownloadName);
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await products.AuthorizeMediaAsync(await world.UserAsync(Roles.ProvinceStaff, "33"), photoKey));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await products.AuthorizeMediaAsync(await world.ProducerAsync("T4201"), documentKey));
        await Assert.ThrowsAsync<AccessDeniedException>(() => products.AuthorizeMediaAsync(UserScope.Anonymous, photoKey));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AnUploadThatNoSavedRecordOwnsShouldNeverBeServed(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201");
        var staged = await world.PhotoAsync(PhotoView.Front);

        Assert.Null(await host.Get<ProductService>().AuthorizeMediaAsync(producer, staged.Files.Large.Key));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AFailedSaveShouldRemoveItsUploadsAndLeaveNoRow(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201");
        var first = await world.PhotoAsync(PhotoView.Front, 1);
        var sameKeyAgain = first with { View = PhotoView.Side };
        var before = host.MediaFiles().Count;

        // Two rows claiming one file break a unique index: the database refuses the whole save.
        await Assert.ThrowsAsync<DbUpdateException>(() => host.Get<ProductService>()
            .CreateAsync(producer, Products.Details(), new ProductChanges([first, sameKeyAgain], [], [], [])));

        Assert.Equal(before - first.Files.Keys.Count, host.MediaFiles().Count);
        Assert.Equal(0, await world.QueryAsync(db => db.Set<Product>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ARuleBrokenBeforeSavingShouldKeepTheUploadsForTheNextTry(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201");
        var photo = await world.PhotoAsync(PhotoView.Front);

        await Assert.ThrowsAsync<DomainException>(() => host.Get<ProductService>().CreateAsync(producer,
            Products.Details() with { PriceMin = 5, PriceMax = 1 }, new ProductChanges([photo], [], [], [])));
        var id = await host.Get<ProductService>().CreateAsync(producer, Products.Details(), new ProductChanges([photo], [], [], []));

        Assert.Single((await host.Get<ProductService>().GetAsync(producer, id))!.Product.Photos);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ReplacingAPhotoShouldDeleteTheOldFilesAndMoveTheVersion(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201");
        var id = await world.ProductAsync(producer);
        var products = host.Get<ProductService>();
        var before = (await products.GetAsync(producer, id))!.Product;
        var oldFront = before.Photos.Single(p => p.View == PhotoView.Front);
        var newFront = await world.PhotoAsync(PhotoView.Front, 7);

        await products.UpdateAsync(producer, id, before.Version, before.Details, new ProductChanges([newFront], [oldFront.Id], [], []));

        var after = (await products.GetAsync(producer, id))!.Product;
        Assert.Equal(newFront.Files.Large.Key, after.Photos.Single(p => p.View == PhotoView.Front).LargeKey);
        Assert.True(after.Version > before.Version);
        Assert.False(File.Exists(Path.Combine(host.MediaRoot, oldFront.LargeKey)));
        Assert.False(File.Exists(Path.Combine(host.MediaRoot, oldFront.ThumbnailKey)));

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            products.UpdateAsync(producer, id, before.Version, before.Details with { Name = "Tên cũ" }, ProductChanges.None));
        Assert.Contains("người khác", stale.Message);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheSweeperShouldRemoveOnlyUploadsThatNoRowOwns(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201");
        await world.ProductAsync(producer);
        var orphan = await world.PhotoAsync(PhotoView.Top, 3);
        var owned = host.MediaFiles().Count - orphan.Files.Keys.Count;

        Assert.Equal(0, await host.Get<MediaService>().SweepOrphansAsync(MediaService.OrphanAge));
        Assert.Equal(orphan.Files.Keys.Count, await host.Get<MediaService>().SweepOrphansAsync(TimeSpan.FromMinutes(-1)));

        Assert.Equal(owned, host.MediaFiles().Count);
        Assert.DoesNotContain(host.MediaFiles(), f => f.EndsWith(Path.GetFileName(orphan.Files.Large.Key), StringComparison.Ordinal));
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class ProductPagingTests(DatabaseFixture databases)
{
    /// <summary>
    /// The staff's product grid (issue 10): a page and its total from the database, sorted by folded names, searched
    /// over product and facility without diacritics, and each card's photo count, missing views and thumbnail
    /// computed in the same query, the same on both providers.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task APageOfProductsShouldBeSortedFilteredAndCountedInTheDatabase(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var thachHa = await world.ProducerAsync("T4201", "HTX Gốm Thạch Hà");
        foreach (var name in new[] { "Gốm men lam", "Đồ gỗ mỹ nghệ", "Dệt thổ cẩm" }) await world.ProductAsync(thachHa, name);
        var products = host.Get<ProductService>();
        // Two of the three required views: the card says a view is missing.
        await products.CreateAsync(thachHa, Products.Details("Bánh đa vừng", ProductGroup.FoodAndAgroProcessing),
            new ProductChanges([await world.PhotoAsync(PhotoView.Front), await world.PhotoAsync(PhotoView.Side)], [], [], []));
        var elsewhere = await world.ProducerAsync("T3301", "Cơ sở Phố Hiến");
        await world.ProductAsync(elsewhere, "Nhãn lồng");
        var staff = await world.UserAsync(Roles.ProvinceStaff, "42");
        static string[] Names(Paged<ProductCard> page) => [.. page.Items.Select(c => c.Name)];

        var first = await products.PageAsync(staff, new ProductFilter(), new PageRequest(0, 3, nameof(ProductCard.Name)));
        Assert.Equal(4, first.Total);
        Assert.Equal(["Bánh đa vừng", "Dệt thổ cẩm", "Đồ gỗ mỹ nghệ"], Names(first));
        var cake = first.Items[0];
        Assert.Equal((2, 0, false), (cake.PhotoCount, cake.DocumentCount, cake.HasRequiredPhotos));
        Assert.NotNull(cake.ThumbnailKey);
        Assert.Equal((3, 1, true), (first.Items[1].PhotoCount, first.Items[1].DocumentCount, first.Items[1].HasRequiredPhotos));
        Assert.Equal(["Gốm men lam"], Names(await products.PageAsync(staff, new ProductFilter(), new PageRequest(1, 3, nameof(ProductCard.Name)))));
        var fewestPhotos = await products.PageAsync(staff, new ProductFilter(), new PageRequest(0, 1, nameof(ProductCard.PhotoCount)));
        Assert.Equal(["Bánh đa vừng"], Names(fewestPhotos));

        Assert.Equal(["Đồ gỗ mỹ nghệ"], Names(await products.PageAsync(staff, new ProductFilter("DO GO"), new PageRequest())));
        Assert.Equal(4, (await products.PageAsync(staff, new ProductFilter("thach ha"), new PageRequest())).Total);
        Assert.Equal(["Bánh đa vừng"], Names(await products.PageAsync(staff, new ProductFilter(Group: ProductGroup.FoodAndAgroProcessing), new PageRequest())));
        // The Hưng Yên product is outside the Hà Tĩnh officer's units: not on any page, not in the total.
        Assert.Equal(0, (await products.PageAsync(staff, new ProductFilter("nhan long"), new PageRequest())).Total);
        // The list a producer sees is theirs, from the same query.
        Assert.Equal(["Nhãn lồng"], (await products.ListAsync(elsewhere, new ProductFilter())).Select(c => c.Name));
    }
}
