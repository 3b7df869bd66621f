using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Domain;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Tests.Data;

[Collection(DatabaseCollection.Name)]
public sealed class ProducerServiceTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AFirstProfileSaveShouldCreateTheFacilityAndLinkTheAccount(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201", "HTX Gốm Thạch Hà");

        Assert.NotNull(producer.ProducerId);
        var saved = await host.Get<ProducerService>().MineAsync(producer);
        Assert.Equal("HTX Gốm Thạch Hà", saved!.Name);
        Assert.Equal(world.Unit("T4201"), saved.UnitId);
        var audit = await world.QueryAsync(db => db.Set<AuditEntry>().Where(a => a.EntityId == saved.Id.ToString()).ToListAsync());
        Assert.Equal("producer.created", Assert.Single(audit).Action);
        Assert.Equal(producer.UserId, audit[0].ActorId);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task StaffShouldSeeOnlyProducersOfTheirOwnUnits(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        await world.ProducerAsync("T4201", "Cơ sở Thạch Hà");
        await world.ProducerAsync("T4202", "Cơ sở Đức Thọ");
        await world.ProducerAsync("T3301", "Cơ sở Phố Hiến");
        var producers = host.Get<ProducerService>();

        async Task<string[]> Seen(UserScope actor) =>
            [.. (await producers.ListAsync(actor, new ProducerFilter())).Select(p => p.Name).Order()];

        Assert.Equal(["Cơ sở Đức Thọ", "Cơ sở Thạch Hà"], await Seen(await world.UserAsync(Roles.ProvinceStaff, "42")));
        Assert.Equal(["Cơ sở Thạch Hà"], await Seen(await world.UserAsync(Roles.LocalStaff, "T4201")));
        Assert.Equal(["Cơ sở Phố Hiến"], await Seen(await world.UserAsync(Roles.ProvinceStaff, "33")));
        Assert.Equal(3, (await Seen(await world.UserAsync(Roles.Admin))).Length);
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Seen(await world.UserAsync(Roles.Judge, "42")));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task SearchShouldIgnoreDiacritics(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        await world.ProducerAsync("T4201", "Cơ sở Gốm Bát Tràng");
        await world.ProducerAsync("T4201", "Cơ sở Đồ gỗ Thái Yên");
        var staff = await world.UserAsync(Roles.ProvinceStaff, "42");

        var found = await host.Get<ProducerService>().ListAsync(staff, new ProducerFilter("gom bat trang"));
        Assert.Equal("Cơ sở Gốm Bát Tràng", Assert.Single(found).Name);
        found = await host.Get<ProducerService>().ListAsync(staff, new ProducerFilter("DO GO"));
        Assert.Equal("Cơ sở Đồ gỗ Thái Yên", Assert.Single(found).Name);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TwoPeopleSavingTheSameVersionShouldNotOverwriteEachOther(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201", "Cơ sở gốc");
        var service = host.Get<ProducerService>();
        var version = (await service.MineAsync(producer))!.Version;
        var unit = world.Unit("T4201");

        await service.SaveProfileAsync(producer, new ProducerDetailsBuilder().With(d => d with { Name = "Tên của người thứ nhất" }).Build(), unit, version);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            service.SaveProfileAsync(producer, new ProducerDetailsBuilder().With(d => d with { Name = "Tên của người thứ hai" }).Build(), unit, version));

        Assert.Contains("người khác", conflict.Message);
        Assert.Equal("Tên của người thứ nhất", (await service.MineAsync(producer))!.Name);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AProducerShouldNotReadAnotherProducersFacility(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var first = await world.ProducerAsync("T4201");
        var second = await world.ProducerAsync("T4201");
        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Get<ProducerService>().FindAsync(second, first.ProducerId!.Value));
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class ProducerPagingTests(DatabaseFixture databases)
{
    /// <summary>The grid's server data: a page, its total, sorted in the database (Đ with D), the same on both providers.</summary>
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task APageShouldBeSortedAndCountedInTheDatabase(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        foreach (var name in new[] { "Cơ sở Ếch", "Cơ sở Đồ gỗ", "Cơ sở An", "Cơ sở Dệt", "Cơ sở Bình" })
            await world.ProducerAsync("T4201", name);
        var staff = await world.UserAsync(Roles.ProvinceStaff, "42");
        var producers = host.Get<ProducerService>();

        var first = await producers.PageAsync(staff, new ProducerFilter(), new PageRequest(0, 2));
        Assert.Equal(5, first.Total);
        Assert.Equal(["Cơ sở An", "Cơ sở Bình"], first.Items.Select(p => p.Name));
        var last = await producers.PageAsync(staff, new ProducerFilter(), new PageRequest(2, 2));
        Assert.Equal(["Cơ sở Ếch"], last.Items.Select(p => p.Name));
        var descending = await producers.PageAsync(staff, new ProducerFilter(), new PageRequest(0, 3, nameof(ProducerRow.Name), Descending: true));
        Assert.Equal(["Cơ sở Ếch", "Cơ sở Đồ gỗ", "Cơ sở Dệt"], descending.Items.Select(p => p.Name));
        var past = await producers.PageAsync(staff, new ProducerFilter(), new PageRequest(9, 2));
        Assert.Equal((0, 5), (past.Items.Count, past.Total));
        var filtered = await producers.PageAsync(staff, new ProducerFilter("do go"), new PageRequest(0, 20, "NoSuchColumn"));
        Assert.Equal((1, "Cơ sở Đồ gỗ"), (filtered.Total, filtered.Items.Single().Name));
    }
}
