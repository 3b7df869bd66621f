using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>
/// The round's dossier table as the grid asks for it (issue 10): one page, its total, sorted and filtered in the
/// database, with the same visibility as the whole list — a commune officer following the province round pages
/// through their own commune's dossiers only.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class EntryPagingTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ARoundsDossiersShouldBePagedSortedAndFilteredInTheDatabase(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var province = await world.UserAsync(Roles.ProvinceStaff, "42");
        var ducTho = await world.UserAsync(Roles.LocalStaff, "T4202");
        var round = await contest.OpenRoundAsync(province, ContestLevel.Province, "42");
        var ids = new Dictionary<string, Guid>();
        foreach (var (unit, facility, product) in new[]
        {
            ("T4201", "HTX Gốm Thạch Hà", "Gốm men lam"), ("T4201", "Cơ sở Đồ gỗ Thái Yên", "Đồ gỗ mỹ nghệ"),
            ("T4202", "HTX Dệt Đức Thọ", "Dệt thổ cẩm"), ("T4202", "Cơ sở Bánh đa", "Bánh đa vừng"),
        })
        {
            var producer = await world.ProducerAsync(unit, facility);
            ids[product] = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer, product));
        }
        await contest.AcceptAsync(province, ids["Dệt thổ cẩm"]);
        await contest.AcceptAsync(province, ids["Gốm men lam"]);
        var entries = host.Get<EntryService>();
        static string[] Names(Paged<EntryRow> page) => [.. page.Items.Select(r => r.ProductName)];

        // By code first (the order of acceptance), the dossiers without a code after them.
        var first = await entries.PageForRoundAsync(province, round, new EntryFilter(), new PageRequest(0, 2));
        Assert.Equal(4, first.Total);
        Assert.Equal(["Dệt thổ cẩm", "Gốm men lam"], Names(first));
        var second = await entries.PageForRoundAsync(province, round, new EntryFilter(), new PageRequest(1, 2));
        Assert.Equal(["Bánh đa vừng", "Đồ gỗ mỹ nghệ"], Names(second).Order());
        var past = await entries.PageForRoundAsync(province, round, new EntryFilter(), new PageRequest(5, 2));
        Assert.Equal((0, 4), (past.Items.Count, past.Total));

        // Names sort by their folded key: "Đồ gỗ" with the D's, after "Dệt".
        var byName = await entries.PageForRoundAsync(province, round, new EntryFilter(), new PageRequest(0, 10, nameof(EntryRow.ProductName)));
        Assert.Equal(["Bánh đa vừng", "Dệt thổ cẩm", "Đồ gỗ mỹ nghệ", "Gốm men lam"], Names(byName));
        var byFacility = await entries.PageForRoundAsync(province, round, new EntryFilter(),
            new PageRequest(0, 10, nameof(EntryRow.ProducerName), Descending: true));
        Assert.Equal(["HTX Gốm Thạch Hà", "HTX Dệt Đức Thọ", "Cơ sở Đồ gỗ Thái Yên", "Cơ sở Bánh đa"], byFacility.Items.Select(r => r.ProducerName));
        // Scores are decimals, which SQLite cannot order as such: the sort must still run there.
        Assert.Equal(4, (await entries.PageForRoundAsync(province, round, new EntryFilter(), new PageRequest(0, 10, nameof(EntryRow.Score), true))).Total);

        // Search without diacritics over product, facility and code; filters by state and group.
        Assert.Equal(["Đồ gỗ mỹ nghệ"], Names(await entries.PageForRoundAsync(province, round, new EntryFilter("do go"), new PageRequest())));
        Assert.Equal(["Dệt thổ cẩm"], Names(await entries.PageForRoundAsync(province, round, new EntryFilter("DUC THO"), new PageRequest())));
        var code = first.Items[1].Code!;
        Assert.Equal(["Gốm men lam"], Names(await entries.PageForRoundAsync(province, round, new EntryFilter(code.ToLowerInvariant()), new PageRequest())));
        var accepted = await entries.PageForRoundAsync(province, round, new EntryFilter(State: EntryState.Accepted), new PageRequest());
        Assert.Equal(["Dệt thổ cẩm", "Gốm men lam"], Names(accepted));
        var group = first.Items[0].Group;
        Assert.Equal(4, (await entries.PageForRoundAsync(province, round, new EntryFilter(Group: group), new PageRequest())).Total);
        var otherGroup = Enum.GetValues<ProductGroup>().First(g => g != group);
        Assert.Equal(0, (await entries.PageForRoundAsync(province, round, new EntryFilter(Group: otherGroup), new PageRequest())).Total);
        var inDucTho = await entries.PageForRoundAsync(province, round, new EntryFilter(UnitId: world.Unit("T4202")), new PageRequest());
        Assert.Equal(["Bánh đa vừng", "Dệt thổ cẩm"], Names(inDucTho).Order());

        // The Đức Thọ officer follows the round from below: their commune's two dossiers, counted as two.
        var own = await entries.PageForRoundAsync(ducTho, round, new EntryFilter(), new PageRequest(0, 10, nameof(EntryRow.ProductName)));
        Assert.Equal((2, 2), (own.Items.Count, own.Total));
        Assert.Equal(["Bánh đa vừng", "Dệt thổ cẩm"], Names(own));
        Assert.Equal(0, (await entries.PageForRoundAsync(ducTho, round, new EntryFilter("gom"), new PageRequest())).Total);
        var outsider = await world.ProducerAsync("T4201", "Cơ sở khác");
        await Assert.ThrowsAsync<AccessDeniedException>(() => entries.PageForRoundAsync(outsider, round, new EntryFilter(), new PageRequest()));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheReviewQueueShouldPageOldestFirstOverTheRoundsTheOfficerRuns(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var province = await world.UserAsync(Roles.ProvinceStaff, "42");
        var thachHa = await world.UserAsync(Roles.LocalStaff, "T4201");
        var hungYen = await world.UserAsync(Roles.ProvinceStaff, "33");
        var communeRound = await contest.OpenRoundAsync(thachHa, ContestLevel.Commune, "T4201", "Kỳ xã Thạch Hà");
        var provinceRound = await contest.OpenRoundAsync(province, ContestLevel.Province, "42", "Kỳ tỉnh Hà Tĩnh");
        var order = new List<string>();
        foreach (var (round, name) in new[] { (communeRound, "Gốm"), (provinceRound, "Dệt"), (communeRound, "Mây"), (provinceRound, "Chè"), (communeRound, "Nón") })
        {
            var producer = await world.ProducerAsync("T4201", $"Cơ sở {name}");
            await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer, name));
            order.Add(name);
            host.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        var entries = host.Get<EntryService>();

        // The province officer runs both rounds (the commune's lies in the province): oldest first, two a page.
        var first = await entries.ReviewQueueAsync(province, null, new PageRequest(0, 2));
        Assert.Equal(5, first.Total);
        Assert.Equal(["Gốm", "Dệt"], first.Items.Select(r => r.ProductName));
        Assert.Equal(["Nón"], (await entries.ReviewQueueAsync(province, null, new PageRequest(2, 2))).Items.Select(r => r.ProductName));
        Assert.All(first.Items, r => Assert.NotNull(r.Processing));
        Assert.Equal(["Dệt", "Chè"], (await entries.ReviewQueueAsync(province, provinceRound, new PageRequest())).Items.Select(r => r.ProductName));

        // The commune officer follows the province round but does not run it; Hưng Yên runs neither.
        Assert.Equal(["Gốm", "Mây", "Nón"], (await entries.ReviewQueueAsync(thachHa, null, new PageRequest())).Items.Select(r => r.ProductName));
        Assert.Equal(0, (await entries.ReviewQueueAsync(thachHa, provinceRound, new PageRequest())).Total);
        Assert.Equal(0, (await entries.ReviewQueueAsync(hungYen, null, new PageRequest())).Total);
        Assert.Equal([("Kỳ tỉnh Hà Tĩnh", 2), ("Kỳ xã Thạch Hà", 3)], (await entries.ReviewRoundsAsync(province)).Select(r => (r.Name, r.Waiting)));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await entries.ReviewQueueAsync(await world.ProducerAsync("T4201"), null, new PageRequest()));
    }
}
