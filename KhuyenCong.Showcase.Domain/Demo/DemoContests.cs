using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Demo;

/// <summary>A clock the demo moves through 2025 so that finished rounds are run the way staff ran them.</summary>
internal sealed class DemoClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public void Set(int year, int month, int day) => Now = VietnamTime.MorningOf(new DateOnly(year, month, day));
}

public sealed record DemoProducerAccount(UserScope Actor, Guid UnitId, IReadOnlyList<Guid> Products);

/// <summary>
/// A finished commune round and a finished province round of 2025 (with juries, sheets, decisions and the move
/// up between them), rounds open for registration today, and an open region round the province can propose to.
/// </summary>
internal sealed class DemoContests(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, ProductService products, MediaService media)
{
    private readonly DemoClock _clock = new();

    public async Task<int> SeedAsync(UserScope province, UserScope commune, UserScope ministry, IReadOnlyList<UserScope> jury,
        IReadOnlyList<DemoProducerAccount> producers, Guid provinceUnit, Guid communeUnit, TimeProvider realClock)
    {
        var calendar = new CalendarService(dbFactory, geography, _clock);
        var readers = new DossierReaders(new RoundPanel());
        var rounds = new RoundService(dbFactory, geography, calendar, readers, _clock);
        var entries = new EntryService(dbFactory, geography, products, calendar, readers, _clock);
        var nominations = new NominationService(dbFactory, geography, entries, media, _clock);
        var judging = new JudgingServices(new PanelService(dbFactory, geography, _clock), new ScoringService(dbFactory, geography, _clock),
            new ResultsService(dbFactory, geography, calendar, readers, _clock));
        var count = 0;

        // The commune round: facilities of Xã mẫu Thạch Hà.
        _clock.Set(2025, 8, 1);
        var local = await rounds.CreateAsync(commune, Details(ContestLevel.Commune, communeUnit, 2025,
            "Bình chọn sản phẩm CNNT tiêu biểu xã mẫu Thạch Hà năm 2025", "UBND xã mẫu Thạch Hà",
            new DecisionRef("215/QĐ-UBND", new DateOnly(2025, 7, 25), "Chủ tịch UBND xã"),
            new RoundSchedule(new(2025, 8, 1), new(2025, 8, 31), new(2025, 9, 10), new(2025, 9, 12), new(2025, 9, 20), new(2025, 9, 25))),
            CriteriaTemplates.Regulation);
        await Step(rounds.OpenAsync, rounds, commune, local);
        var localEntries = new List<Guid>();
        _clock.Set(2025, 8, 15);
        foreach (var p in producers.Where(p => p.UnitId == communeUnit))
            localEntries.Add(await SubmitAsync(entries, p.Actor, local, p.Products[0]));
        _clock.Set(2025, 8, 25);
        foreach (var id in localEntries) await entries.AcceptAsync(commune, id, await EntryVersion(entries, commune, id));
        await RunJudgingAsync(rounds, judging, commune, jury, local, localEntries, new(2025, 9, 1), new(2025, 9, 12), 0);
        _clock.Set(2025, 9, 25);
        var localResults = await judging.Results.ResultsAsync(commune, local);
        await judging.Results.IssueDecisionAsync(commune, local, await RoundVersion(rounds, commune, local),
            new DecisionRef("301/QĐ-UBND", new DateOnly(2025, 9, 25), "Chủ tịch UBND xã mẫu Thạch Hà"),
            [.. localResults.Where(r => r.Result.Passed).Select(r => r.EntryId)]);
        _clock.Set(2025, 10, 30);
        await Step(rounds.CloseAsync, rounds, commune, local);
        count++;

        // The province round: the commune's winners move up, facilities elsewhere in Hà Tĩnh enter directly.
        _clock.Set(2025, 10, 1);
        var provinceRound = await rounds.CreateAsync(province, Details(ContestLevel.Province, provinceUnit, 2025,
            "Bình chọn sản phẩm CNNT tiêu biểu tỉnh Hà Tĩnh năm 2025", "Sở Công Thương tỉnh Hà Tĩnh",
            new DecisionRef("1875/QĐ-UBND", new DateOnly(2025, 9, 20), "Phó Chủ tịch UBND tỉnh Hà Tĩnh"),
            new RoundSchedule(new(2025, 10, 1), new(2025, 10, 31), new(2025, 11, 7), new(2025, 11, 10), new(2025, 11, 20), new(2025, 11, 28))),
            CriteriaTemplates.Detailed);
        await Step(rounds.OpenAsync, rounds, province, provinceRound);
        // The commune's council picks its recognised entries; UBND xã proposes them with its letter and short list (Điều 12.2.c).
        var candidates = await nominations.CandidatesAsync(commune, provinceRound);
        await nominations.NominateAsync(commune, provinceRound, local, new DecisionRef("52/UBND-KT", new DateOnly(2025, 10, 1), "Chủ tịch UBND xã mẫu Thạch Hà"),
            [.. candidates.Where(c => c.Eligible).Select(c => c.EntryId)]);
        _clock.Set(2025, 10, 10);
        var direct = producers.Where(p => p.UnitId != communeUnit).Where((_, i) => i % 3 == 0).Take(9).ToList();
        foreach (var p in direct) await SubmitAsync(entries, p.Actor, provinceRound, p.Products[0]);
        _clock.Set(2025, 11, 3);
        var provinceEntries = (await entries.ForRoundAsync(province, provinceRound)).Select(e => e.Id).ToList();
        foreach (var id in provinceEntries) await entries.AcceptAsync(province, id, await EntryVersion(entries, province, id));
        await RunJudgingAsync(rounds, judging, province, jury, provinceRound, provinceEntries, new(2025, 11, 7), new(2025, 11, 10), 3);
        _clock.Set(2025, 11, 28);
        var provinceResults = await judging.Results.ResultsAsync(province, provinceRound);
        // The council recognises the passing entries, up to ten (the quota is theirs to set, not the regulation's).
        await judging.Results.IssueDecisionAsync(province, provinceRound, await RoundVersion(rounds, province, provinceRound),
            new DecisionRef("2410/QĐ-UBND", new DateOnly(2025, 11, 28), "Chủ tịch UBND tỉnh Hà Tĩnh"),
            [.. provinceResults.Where(r => r.Result.Passed).OrderBy(r => r.Result.Rank).Take(10).Select(r => r.EntryId)]);
        _clock.Set(2026, 1, 5);
        await Step(rounds.CloseAsync, rounds, province, provinceRound);
        count++;

        // Rounds open today, for the demo producer and for staff to follow.
        var today = realClock.Today();
        _clock.Now = realClock.GetUtcNow();
        var nextYear = today.AddDays(60).Year;
        var open = await rounds.CreateAsync(province, Details(ContestLevel.Province, provinceUnit, nextYear,
            $"Bình chọn sản phẩm CNNT tiêu biểu tỉnh Hà Tĩnh năm {nextYear}", "Sở Công Thương tỉnh Hà Tĩnh",
            new DecisionRef("2155/QĐ-UBND", today.AddDays(-30), "Phó Chủ tịch UBND tỉnh Hà Tĩnh"),
            new RoundSchedule(today.AddDays(-14), today.AddDays(45), today.AddDays(60), today.AddDays(62), today.AddDays(75), today.AddDays(85))),
            CriteriaTemplates.Detailed);
        await Step(rounds.OpenAsync, rounds, province, open);
        var openLocal = await rounds.CreateAsync(commune, Details(ContestLevel.Commune, communeUnit, nextYear,
            $"Bình chọn sản phẩm CNNT tiêu biểu xã mẫu Thạch Hà năm {nextYear}", "UBND xã mẫu Thạch Hà",
            new DecisionRef("98/QĐ-UBND", today.AddDays(-20), "Chủ tịch UBND xã"),
            new RoundSchedule(today.AddDays(-7), today.AddDays(30), today.AddDays(40), today.AddDays(41), today.AddDays(50), today.AddDays(55))),
            CriteriaTemplates.Regulation);
        await Step(rounds.OpenAsync, rounds, commune, openLocal);
        // The ministry's region round for the North, open for the provinces' proposals (Điều 12.3): Hà Tĩnh may propose its 2025 winners.
        var units = await geography.DirectoryAsync();
        if (units.RegionOf(provinceUnit) is { } region && units.ProvincesOn(today).FirstOrDefault(p => p.Code == "01") is { } hanoi)
        {
            var regionRound = await rounds.CreateAsync(ministry, Details(ContestLevel.Region, hanoi.Id, nextYear,
                $"Bình chọn sản phẩm CNNT tiêu biểu {region.Name.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} năm {nextYear}",
                "Cục Công nghiệp địa phương, Bộ Công Thương", new DecisionRef("118/QĐ-CCNĐP", today.AddDays(-25), "Cục trưởng Cục Công nghiệp địa phương"),
                new RoundSchedule(today.AddDays(-10), today.AddDays(40), today.AddDays(55), today.AddDays(57), today.AddDays(70), today.AddDays(80))) with { RegionId = region.Id },
                CriteriaTemplates.Regulation);
            await Step(rounds.OpenAsync, rounds, ministry, regionRound);
            count++;
        }
        // One dossier waiting in the review queue, one returned for completion.
        var waiting = producers.Where(p => p.UnitId != communeUnit && p.Products.Count > 1).Take(2).ToList();
        if (waiting.Count == 2)
        {
            await SubmitAsync(entries, waiting[0].Actor, open, waiting[0].Products[1]);
            var returned = await SubmitAsync(entries, waiting[1].Actor, open, waiting[1].Products[1]);
            await entries.ReturnAsync(province, returned, await EntryVersion(entries, province, returned),
                "Đề nghị bổ sung giấy chứng nhận an toàn thực phẩm còn hiệu lực.");
        }
        return count + 2;
    }

    private sealed record JudgingServices(PanelService Panel, ScoringService Scoring, ResultsService Results);

    private async Task RunJudgingAsync(RoundService rounds, JudgingServices judging, UserScope staff, IReadOnlyList<UserScope> jury, Guid round,
        IReadOnlyList<Guid> ids, DateOnly reviewOn, DateOnly judgingOn, int seed)
    {
        _clock.Set(reviewOn.Year, reviewOn.Month, reviewOn.Day);
        await Step(rounds.StartReviewAsync, rounds, staff, round);
        _clock.Set(judgingOn.Year, judgingOn.Month, judgingOn.Day);
        await Step(rounds.StartJudgingAsync, rounds, staff, round);
        for (var i = 0; i < jury.Count; i++)
            await judging.Panel.AddMemberAsync(staff, round, jury[i].UserId, PanelBody.Jury, i == 0 ? PanelRole.Chair : i == 1 ? PanelRole.ViceChair : PanelRole.Member);
        var criteria = (await rounds.FindAsync(staff, round))!.Criteria.OrderBy(c => c.Order).ToList();
        foreach (var judge in jury) await judging.Panel.DeclareAsync(judge, round, new Dictionary<Guid, string?>());
        foreach (var (id, e) in ids.Select((id, e) => (id, e)))
        {
            var quality = 0.58m + (e * 7 + seed * 3) % 11 * 0.035m;
            foreach (var (judge, j) in jury.Select((judge, j) => (judge, j)))
            {
                var sheet = await judging.Scoring.SheetAsync(judge, id);
                var version = sheet.Version;
                var lean = (j - 1) * 0.03m;
                foreach (var criterion in criteria)
                {
                    var points = Math.Clamp(Math.Round(criterion.MaxPoints * (quality + lean) * 2, MidpointRounding.AwayFromZero) / 2, 0, criterion.MaxPoints);
                    version = await judging.Scoring.SetScoreAsync(judge, sheet.Id, version, criterion.Id, points);
                }
                await judging.Scoring.SubmitAsync(judge, sheet.Id, version);
            }
        }
        _clock.Now = _clock.Now.AddDays(8);
        await Step(judging.Results.ProposeResultsAsync, rounds, staff, round);
    }

    private static async Task<Guid> SubmitAsync(EntryService entries, UserScope producer, Guid round, Guid product)
    {
        var id = await entries.StartAsync(producer, round, product);
        await entries.SaveFormsAsync(producer, id, await EntryVersion(entries, producer, id),
            new RegistrationForm(true, true, true, "1.500–3.000 sản phẩm/năm", 8 + product.GetHashCode() % 5 + 5, 600_000_000),
            new DescriptionForm("Làm thủ công theo cách truyền thống, nguyên liệu tại địa phương, mẫu mã được khách hàng ưa chuộng.",
                "Doanh thu tăng đều; giá trị gia tăng cao so với nguyên liệu thô.", "Tạo việc làm cho lao động nông thôn, hạn chế chất thải.",
                "Mang nét văn hóa Hà Tĩnh, bao bì in hoa văn địa phương."));
        await entries.SubmitAsync(producer, id, await EntryVersion(entries, producer, id));
        return id;
    }

    private static RoundDetails Details(ContestLevel level, Guid unit, int year, string name, string organiser, DecisionRef decision, RoundSchedule schedule) =>
        new(level, unit, year, name, organiser, decision, schedule, 70, null, false, 3);

    private static async Task<int> EntryVersion(EntryService entries, UserScope actor, Guid id) => (await entries.GetAsync(actor, id))!.Entry.Version;

    private static async Task<int> RoundVersion(RoundService rounds, UserScope actor, Guid id) => (await rounds.FindAsync(actor, id))!.Version;

    private static async Task Step(Func<UserScope, Guid, int, CancellationToken, Task> transition, RoundService rounds, UserScope actor, Guid round) =>
        await transition(actor, round, await RoundVersion(rounds, actor, round), default);
}
