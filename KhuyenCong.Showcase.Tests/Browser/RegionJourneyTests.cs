using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

/// <summary>
/// Liên thông above the province (TT 26/2014 Điều 3.1.c, 12.3, 12.4): provinces propose their recognised products to
/// the ministry's region round with their letter, a product without a valid province certificate is refused, the
/// region decides, and the national round receives one of its winners.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RegionJourneyTests(SiteFixture site)
{
    private string Url => site.App.BaseUrl;
    private static readonly DateOnly Today = TimeProvider.System.Today();
    private IReadOnlyList<UserScope>? _judges;

    /// <summary>Three experts of the journey's own (the demo judges sit elsewhere, and other tests count on what they may read).</summary>
    private async Task<IReadOnlyList<UserScope>> JudgesAsync()
    {
        if (_judges is not null) return _judges;
        var judges = new List<UserScope>();
        await using var scope = site.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"chuyengia-{Guid.NewGuid():N}@test.vn";
            var user = new AppUser { UserName = email, Email = email, FullName = $"Chuyên gia {i + 1}", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Judge)).Succeeded);
            judges.Add(await site.App.Get<AccountService>().ScopeForAsync(user.Id));
        }
        return _judges = judges;
    }

    [Fact]
    public async Task TwoProvincesProposeToTheRegionWhichDecidesAndTheNationalRoundReceivesOne()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var haTinh = await site.ScopeOfAsync("tinh@demo.khuyencong.vn");
        var hungYen = await site.ScopeOfAsync("hungyen@demo.khuyencong.vn");
        var ministry = await site.ScopeOfAsync("bo@demo.khuyencong.vn");

        // Two province rounds decided this season (set up through the services; the journey is what comes after).
        var (haTinhRound, haTinhEntries) = await ProvinceWinnersAsync(haTinh, "42", $"Kỳ tỉnh Hà Tĩnh {tag}", 2);
        var (hungYenRound, _) = await ProvinceWinnersAsync(hungYen, "33", $"Kỳ tỉnh Hưng Yên {tag}", 1);
        var names = await ProductNamesAsync(haTinhEntries);

        // Hà Tĩnh revokes one recognition (Điều 20.3): its certificate is no longer valid.
        var tinh = await site.NewPageAsync();
        await tinh.SignInAsync(Url, "tinh@demo.khuyencong.vn");
        await tinh.GotoAsync($"{Url}/staff/rounds/{haTinhRound}");
        await tinh.WaitInteractiveAsync();
        await tinh.ClickAsync("[data-testid=tab-results]");
        var revokedRow = tinh.Locator("[data-testid=result-row]", new() { HasTextString = names[1] });
        await revokedRow.Locator("[data-testid=revoke]").ClickAsync();
        await tinh.FillAsync("#revoke-number", "77/QĐ-UBND");
        await tinh.FillAsync("#revoke-signer", "Chủ tịch UBND tỉnh Hà Tĩnh");
        await tinh.FillAsync("#revoke-reason", "Cơ sở ngừng sản xuất sản phẩm");
        await tinh.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.SiteFixture.ScreenshotFolder, "revoke-dialog-desktop.png") });
        await tinh.ClickAsync("[data-testid=revoke-save]");
        await Assertions.Expect(revokedRow).ToContainTextAsync("Đã thu hồi");

        // The region round the ministry opened (demo): Hà Tĩnh proposes its valid winner; the revoked one is refused.
        var regionRound = (await site.App.Get<RoundService>().ListAsync(ministry)).First(r => r.Level == ContestLevel.Region && r.State == RoundState.OpenForRegistration).Id;
        await tinh.GotoAsync($"{Url}/staff/rounds/{regionRound}");
        await tinh.WaitInteractiveAsync();
        await tinh.ClickAsync("[data-testid=tab-nominations]");
        var source = tinh.Locator("[data-testid=nomination-source]", new() { HasTextString = $"Kỳ tỉnh Hà Tĩnh {tag}" });
        var refused = source.Locator("[data-testid=refused-candidate]", new() { HasTextString = names[1] });
        await Assertions.Expect(refused).ToContainTextAsync("77/QĐ-UBND");
        await Assertions.Expect(refused.Locator("input[type=checkbox]")).ToBeDisabledAsync();
        await tinh.ShotAsync("region-nominate-desktop");
        await ProposeAsync(source, names[0], "415/UBND-CT", "Chủ tịch UBND tỉnh Hà Tĩnh");

        // Hưng Yên proposes its own.
        var hy = await site.NewPageAsync();
        await hy.SignInAsync(Url, "hungyen@demo.khuyencong.vn");
        await hy.GotoAsync($"{Url}/staff/rounds/{regionRound}");
        await hy.WaitInteractiveAsync();
        await hy.ClickAsync("[data-testid=tab-nominations]");
        var hySource = hy.Locator("[data-testid=nomination-source]", new() { HasTextString = $"Kỳ tỉnh Hưng Yên {tag}" });
        await ProposeAsync(hySource, "Lọ hoa gốm men rạn", "88/UBND-KT", "Chủ tịch UBND tỉnh Hưng Yên");
        await Assertions.Expect(hySource).ToHaveCountAsync(0);

        // The ministry sees both proposals, each with its letter, and judges them.
        var bo = await site.NewPageAsync();
        await bo.SignInAsync(Url, "bo@demo.khuyencong.vn");
        await bo.GotoAsync($"{Url}/staff/rounds/{regionRound}");
        await bo.WaitInteractiveAsync();
        await bo.ClickAsync("[data-testid=tab-nominations]");
        await Assertions.Expect(bo.Locator("[data-testid=proposals]")).ToContainTextAsync("415/UBND-CT");
        await Assertions.Expect(bo.Locator("[data-testid=proposals]")).ToContainTextAsync("88/UBND-KT");
        var received = (await site.App.Get<EntryService>().ForRoundAsync(ministry, regionRound))
            .Where(e => e.ProductName == names[0] || e.ProductName == "Lọ hoa gốm men rạn").Select(e => e.Id).ToList();
        Assert.Equal(2, received.Count);
        await JudgeAsync(ministry, regionRound, received);

        await bo.GotoAsync($"{Url}/staff/rounds/{regionRound}");
        await bo.WaitInteractiveAsync();
        await bo.ClickAsync("[data-testid=tab-results]");
        foreach (var id in received) await bo.Locator($"#recognise-{id}").CheckAsync();
        await bo.FillAsync("#recognition-number", $"12/QĐ-BCT-{tag}");
        await bo.FillAsync("#recognition-signer", "Thứ trưởng Bộ Công Thương");
        await bo.ClickAsync("[data-testid=issue-decision]");
        await bo.ClickAsync("[data-testid=decision-confirm]");
        await Assertions.Expect(bo.Locator("[data-testid=recognition-decision]")).ToContainTextAsync($"12/QĐ-BCT-{tag}");
        await bo.ShotAsync("region-decided-desktop");

        // The national round receives one of the region's winners, nominated by the ministry on the region's behalf.
        var rounds = site.App.Get<RoundService>();
        var hanoi = (await site.App.Get<GeographyService>().DirectoryAsync()).ProvincesOn(Today).Single(p => p.Code == "01").Id;
        var national = await rounds.CreateAsync(ministry, Details(ContestLevel.National, hanoi, $"Bình chọn cấp quốc gia {tag}", "Bộ Công Thương"),
            CriteriaTemplates.Regulation);
        await rounds.OpenAsync(ministry, national, (await rounds.FindAsync(ministry, national))!.Version);
        await bo.GotoAsync($"{Url}/staff/rounds/{national}");
        await bo.WaitInteractiveAsync();
        await bo.ClickAsync("[data-testid=tab-nominations]");
        var regionSource = bo.Locator("[data-testid=nomination-source]", new() { HasTextString = "khu vực" });
        await Assertions.Expect(regionSource.Locator("[data-testid=candidate]", new() { HasTextString = "Lọ hoa gốm men rạn" })).ToBeVisibleAsync();
        await ProposeAsync(regionSource, names[0], "5/BCT-CN", "Cục trưởng Cục Công nghiệp");
        var up = Assert.Single(await site.App.Get<EntryService>().ForRoundAsync(ministry, national));
        Assert.Equal((names[0], EntryState.Submitted), (up.ProductName, up.State));
        var view = (await site.App.Get<EntryService>().GetAsync(ministry, up.Id))!;
        Assert.Equal($"12/QĐ-BCT-{tag}", view.Entry.LowerLevel!.DecisionNumber);

        // The region's complaint tab: the window from the notice, and a letter received on paper recorded by staff.
        await bo.GotoAsync($"{Url}/staff/rounds/{regionRound}");
        await bo.WaitInteractiveAsync();
        await bo.ClickAsync("[data-testid=tab-complaints]");
        await Assertions.Expect(bo.Locator("[data-testid=round-complaints] [data-testid=complaint-window]")).ToContainTextAsync("ngày làm việc");
        await bo.FillAsync("#paper-complainant", "Hội Làng nghề tỉnh Hưng Yên");
        await bo.FillAsync("#paper-reasons", "Đề nghị công bố điểm từng tiêu chí của sản phẩm đạt giải.");
        await bo.ClickAsync("[data-testid=paper-save]");
        // Saved first (a refusal would say why here), then the grid's reload; both given room on a machine busy with the
        // rest of the suite (the default 5 s once ran out on a clean clone).
        await Assertions.Expect(bo.Locator("[data-testid=paper-complaint] [data-testid=form-success], [data-testid=paper-complaint] [data-testid=form-error]").First)
            .ToHaveAttributeAsync("data-testid", "form-success", new() { Timeout = 15_000 });
        await Assertions.Expect(bo.Locator("[data-testid=complaint-table]")).ToContainTextAsync("Hội Làng nghề tỉnh Hưng Yên", new() { Timeout = 15_000 });
        await bo.ShotAsync("region-complaints-desktop");
        // The council answers it in a dialog; the table says so and the button is gone.
        await bo.ClickAsync("[data-testid=resolve-complaint]");
        await bo.FillAsync("#complaint-resolution", "Đã công bố điểm từng tiêu chí trên trang của kỳ bình chọn.");
        await bo.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotFolder, "region-complaint-resolve-desktop.png") });
        await bo.ClickAsync("[data-testid=resolve-save]");
        await Assertions.Expect(bo.Locator("[data-testid=resolve-form]")).ToHaveCountAsync(0);
        await Assertions.Expect(bo.Locator("[data-testid=complaint-table]")).ToContainTextAsync("Không chấp nhận");
        await Assertions.Expect(bo.Locator("[data-testid=complaint-table]")).ToContainTextAsync("Đã công bố điểm từng tiêu chí");
        await Assertions.Expect(bo.Locator("[data-testid=resolve-complaint]")).ToHaveCountAsync(0);

        // The ministry's region table.
        await bo.GotoAsync($"{Url}/admin/regions");
        await bo.WaitInteractiveAsync();
        await Assertions.Expect(bo.Locator("[data-testid=region-BAC]")).ToContainTextAsync("Hưng Yên");
        await bo.ShotAsync("regions-desktop");

        // A facility reads a decided round's results and may complain about any entry, on a phone.
        var producerPhone = await site.NewPageAsync(phone: true);
        await producerPhone.SignInAsync(Url, "coso@demo.khuyencong.vn");
        var decided = (await site.App.Get<RoundService>().ListAsync(haTinh)).Single(r => r.Code == "T42-2025");
        await producerPhone.GotoAsync($"{Url}/producer/rounds/{decided.Id}/ket-qua");
        await producerPhone.WaitInteractiveAsync();
        await Assertions.Expect(producerPhone.Locator("[data-testid=round-results] tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(producerPhone.Locator("[data-testid=complaints-closed]")).ToContainTextAsync("19/12/2025");
        var width = await producerPhone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the round results page is {width}px wide on a 390px phone");
        await producerPhone.ShotAsync("round-results-producer-phone");

        // Any facility may complain about any entry of a round whose window is open (Điều 20 sets no limit on who).
        await producerPhone.GotoAsync($"{Url}/producer/rounds/{regionRound}/ket-qua");
        await producerPhone.WaitInteractiveAsync();
        // The entry is found by what one remembers of it, typed without diacritics.
        await producerPhone.FillAsync("#complaint-entry", "lo hoa gom");
        await producerPhone.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = $"KVBAC-{(await rounds.FindAsync(ministry, regionRound))!.Year}-002 — Lọ hoa gốm men rạn (Cơ sở Gốm Bát Tràng Hưng Yên (mẫu))" }).ClickAsync();
        await producerPhone.FillAsync("#complaint-reasons", "Sản phẩm này có khâu nung do cơ sở khác làm thuê.");
        await producerPhone.ClickAsync("[data-testid=file-complaint]");
        await Assertions.Expect(producerPhone.Locator("[data-testid=form-success]")).ToBeVisibleAsync();
        await producerPhone.ShotAsync("round-complaint-sent-phone");

        // The working calendar of a province: national holidays and the province's own days.
        await tinh.GotoAsync($"{Url}/staff/calendar");
        await tinh.WaitInteractiveAsync();
        await Assertions.Expect(tinh.Locator("[data-testid=calendar-scope]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Hà Tĩnh"));
        // The year box says the year the table lists.
        var firstDay = await tinh.Locator("[data-testid=calendar-table] tbody tr td").First.InnerTextAsync();
        await Assertions.Expect(tinh.Locator("#year")).ToHaveValueAsync(firstDay.Trim()[^4..]);
        await tinh.ShotAsync("calendar-province-desktop");
    }

    /// <summary>Ticks one product in a lower round's section, fills the proposal letter and sends it.</summary>
    private static async Task ProposeAsync(ILocator source, string product, string number, string signer)
    {
        await source.Locator("[data-testid=candidate]", new() { HasTextString = product }).Locator("input[type=checkbox]").CheckAsync();
        await source.Locator("input[id$='-number']").FillAsync(number);
        await source.Locator("input[id$='-signer']").FillAsync(signer);
        await source.Locator("[data-testid=nominate]").ClickAsync();
        await Assertions.Expect(source.Page.Locator("[data-testid=form-success]")).ToBeVisibleAsync();
    }

    private static RoundDetails Details(ContestLevel level, Guid unit, string name, string organiser) => new(level, unit, Today.Year, name, organiser,
        new DecisionRef("10/QĐ", Today.AddDays(-20), "Chủ tịch"),
        new RoundSchedule(Today.AddDays(-5), Today.AddDays(20), Today.AddDays(25), Today.AddDays(26), Today.AddDays(30), Today.AddDays(35)),
        70, null, false, null);

    /// <summary>A province round this season whose first entries (demo facilities of the province) are all recognised.</summary>
    private async Task<(Guid Round, Guid[] Entries)> ProvinceWinnersAsync(UserScope officer, string provinceCode, string name, int count)
    {
        var units = await site.App.Get<GeographyService>().DirectoryAsync();
        var province = units.ProvincesOn(Today).Single(p => p.Code == provinceCode);
        var rounds = site.App.Get<RoundService>();
        var entries = site.App.Get<EntryService>();
        var round = await rounds.CreateAsync(officer, Details(ContestLevel.Province, province.Id, name, $"Sở Công Thương {province.Name}"), CriteriaTemplates.Regulation);
        await rounds.OpenAsync(officer, round, (await rounds.FindAsync(officer, round))!.Version);
        List<(string UserId, Guid Product)> picks;
        await using (var db = await site.App.Get<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync())
        {
            var scope = units.ScopeOf(province.Id);
            var facilities = (await db.Set<Producer>().AsNoTracking().ToListAsync()).Where(p => scope.Contains(p.UnitId)).Select(p => p.Id).ToList();
            var users = await db.Users.AsNoTracking().Where(u => u.ProducerId != null && facilities.Contains(u.ProducerId!.Value)
                && u.Email != "coso@demo.khuyencong.vn" && u.Email != "coso02@demo.khuyencong.vn").OrderBy(u => u.Email).ToListAsync();
            picks = [];
            foreach (var user in users.Take(count))
            {
                var product = await db.Set<Product>().AsNoTracking().Where(p => p.ProducerId == user.ProducerId).OrderBy(p => p.Name).FirstAsync();
                picks.Add((user.Id, product.Id));
            }
        }
        Assert.Equal(count, picks.Count);
        var ids = new List<Guid>();
        foreach (var (userId, product) in picks)
        {
            var producer = await site.App.Get<AccountService>().ScopeForAsync(userId);
            var id = await entries.StartAsync(producer, round, product);
            await entries.SaveFormsAsync(producer, id, (await entries.GetAsync(producer, id))!.Entry.Version,
                new RegistrationForm(true, true, true, "5.000 sản phẩm/năm", 15, 1_200_000_000),
                new DescriptionForm("Làm thủ công", "Bán ổn định", "Việc làm cho lao động địa phương", "Nét riêng của làng nghề"));
            await entries.SubmitAsync(producer, id, (await entries.GetAsync(producer, id))!.Entry.Version);
            await entries.AcceptAsync(officer, id, (await entries.GetAsync(officer, id))!.Entry.Version);
            ids.Add(id);
        }
        await JudgeAsync(officer, round, ids);
        var results = site.App.Get<ResultsService>();
        await results.IssueDecisionAsync(officer, round, (await rounds.FindAsync(officer, round))!.Version,
            new DecisionRef($"9{ids.Count}/QĐ-UBND", Today, "Chủ tịch UBND tỉnh"), ids);
        return (round, [.. ids]);
    }

    /// <summary>Opens judging, seats the journey's experts (invited from outside the province where it is one), scores each entry 86 and proposes the results.</summary>
    private async Task JudgeAsync(UserScope staff, Guid roundId, IReadOnlyList<Guid> entryIds)
    {
        var rounds = site.App.Get<RoundService>();
        var entries = site.App.Get<EntryService>();
        foreach (var id in entryIds)
            if ((await entries.GetAsync(staff, id))!.Entry is { State: EntryState.Submitted } submitted)
                await entries.AcceptAsync(staff, id, submitted.Version);
        await rounds.StartReviewAsync(staff, roundId, (await rounds.FindAsync(staff, roundId))!.Version);
        await rounds.StartJudgingAsync(staff, roundId, (await rounds.FindAsync(staff, roundId))!.Version);
        var round = (await rounds.FindAsync(staff, roundId))!;
        var panel = site.App.Get<PanelService>();
        var scoring = site.App.Get<ScoringService>();
        var judges = await JudgesAsync();
        var candidates = await panel.CandidatesAsync(staff, roundId);
        foreach (var judge in judges)
        {
            var external = candidates.Single(c => c.UserId == judge.UserId).FromElsewhere;
            await panel.AddMemberAsync(staff, roundId, judge.UserId, PanelBody.Jury, judge == judges[0] ? PanelRole.Chair : PanelRole.Member, [], external);
            await panel.DeclareAsync(judge, roundId, new Dictionary<Guid, string?>());
            foreach (var entryId in entryIds)
            {
                var sheet = await scoring.SheetAsync(judge, entryId);
                var version = sheet.Version;
                foreach (var (criterion, points) in round.Criteria.OrderBy(c => c.Order).Zip(new decimal[] { 35, 35, 8, 8 }))
                    version = await scoring.SetScoreAsync(judge, sheet.Id, version, criterion.Id, points);
                await scoring.SubmitAsync(judge, sheet.Id, version);
            }
        }
        await site.App.Get<ResultsService>().ProposeResultsAsync(staff, roundId, (await rounds.FindAsync(staff, roundId))!.Version);
    }

    private async Task<string[]> ProductNamesAsync(IEnumerable<Guid> entryIds)
    {
        var staff = await site.ScopeOfAsync("tinh@demo.khuyencong.vn");
        var names = new List<string>();
        foreach (var id in entryIds) names.Add((await site.App.Get<EntryService>().GetAsync(staff, id))!.Product.Product.Name);
        return [.. names];
    }

}
