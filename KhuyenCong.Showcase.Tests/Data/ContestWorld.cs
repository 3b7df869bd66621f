using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>Rounds, judges and sheets made through the services, on top of a <see cref="Scenario"/>.</summary>
public sealed class ContestWorld(Scenario world)
{
    public Scenario World => world;
    public ShowcaseHost Host => world.Host;

    /// <summary>Today in Vietnam on the host's <see cref="ShowcaseHost.Clock"/>.</summary>
    public DateOnly Today => Host.Today;

    public static RoundDetails Details(ContestLevel level, Guid unit, string name, DateOnly today, Guid? region = null) => new(level, unit, today.Year, name, "UBND",
        new DecisionRef("12/QĐ-UBND", today.AddDays(-30), "Chủ tịch UBND"),
        new RoundSchedule(today.AddDays(-10), today.AddDays(30), today.AddDays(40), today.AddDays(41), today.AddDays(50), today.AddDays(60)),
        70, null, false, 3, level == ContestLevel.Region ? region : null);

    public RoundDetails Details(ContestLevel level, Guid unit, string name) => Details(level, unit, name, Today);

    public async Task<Guid> OpenRoundAsync(UserScope staff, ContestLevel level, string unitCode, string name = "Kỳ thử", Guid? region = null)
    {
        var rounds = Host.Get<RoundService>();
        var id = await rounds.CreateAsync(staff, Details(level, world.Unit(unitCode), name, Today, region), CriteriaTemplates.Regulation);
        await rounds.OpenAsync(staff, id, (await rounds.FindAsync(staff, id))!.Version);
        return id;
    }

    public async Task<int> VersionOfRoundAsync(UserScope staff, Guid id) => (await Host.Get<RoundService>().FindAsync(staff, id))!.Version;

    public async Task<int> VersionOfEntryAsync(UserScope actor, Guid id) => (await Host.Get<EntryService>().GetAsync(actor, id))!.Entry.Version;

    /// <summary>Starts, fills and submits a complete dossier.</summary>
    public async Task<Guid> SubmittedEntryAsync(UserScope producer, Guid roundId, Guid productId)
    {
        var entries = Host.Get<EntryService>();
        var id = await entries.StartAsync(producer, roundId, productId);
        await entries.SaveFormsAsync(producer, id, await VersionOfEntryAsync(producer, id), new RegistrationForm(true, true, true, "2.000 sản phẩm", 12, 900_000_000),
            new DescriptionForm("Hoa văn truyền thống", "Doanh thu ổn định", "Việc làm cho 12 lao động", "Mang bản sắc địa phương"));
        await entries.SubmitAsync(producer, id, await VersionOfEntryAsync(producer, id));
        return id;
    }

    /// <summary>Accepts the entries, opens judging, has a jury of three score each entry with the same points, and decides.</summary>
    public async Task<IReadOnlyList<UserScope>> JudgeAndDecideAsync(UserScope staff, Guid roundId, string juryUnit, Guid[] entries, Guid[] recognised,
        params decimal[] points)
    {
        foreach (var id in entries) await AcceptAsync(staff, id);
        await AdvanceToJudgingAsync(staff, roundId);
        var jury = await JuryAsync(staff, roundId, unitCode: juryUnit);
        foreach (var id in entries)
            foreach (var judge in jury) await ScoreAsync(judge, id, points.Length > 0 ? points : [35, 35, 8, 8]);
        await DecideAsync(staff, roundId, recognised);
        return jury;
    }

    public async Task AcceptAsync(UserScope staff, Guid entryId) =>
        await Host.Get<EntryService>().AcceptAsync(staff, entryId, await VersionOfEntryAsync(staff, entryId));

    public async Task<IReadOnlyList<UserScope>> JuryAsync(UserScope staff, Guid roundId, int size = 3, string unitCode = "42")
    {
        var judges = new List<UserScope>();
        for (var i = 0; i < size; i++)
        {
            var judge = await world.UserAsync(Roles.Judge, unitCode);
            await Host.Get<PanelService>().AddMemberAsync(staff, roundId, judge.UserId, PanelBody.Jury, i == 0 ? PanelRole.Chair : PanelRole.Member);
            judges.Add(judge);
        }
        return judges;
    }

    /// <summary>Each judge scores the four groups of the regulation's sheet and submits.</summary>
    public async Task ScoreAsync(UserScope judge, Guid entryId, params decimal[] points)
    {
        var judging = Host.Get<ScoringService>();
        var panel = Host.Get<PanelService>();
        var roundId = (await Host.Get<EntryService>().GetAsync(judge, entryId))!.Round.Id;
        if (!(await panel.DeclarationFormAsync(judge, roundId)).Declared) await panel.DeclareAsync(judge, roundId, new Dictionary<Guid, string?>());
        var sheet = await judging.SheetAsync(judge, entryId);
        var round = await Host.Get<RoundService>().FindAsync(judge, sheet.RoundId);
        var version = sheet.Version;
        foreach (var (criterion, p) in round!.Criteria.OrderBy(c => c.Order).Zip(points))
            version = await judging.SetScoreAsync(judge, sheet.Id, version, criterion.Id, p);
        await judging.SubmitAsync(judge, sheet.Id, version);
    }

    public async Task AdvanceToJudgingAsync(UserScope staff, Guid roundId)
    {
        var rounds = Host.Get<RoundService>();
        await rounds.StartReviewAsync(staff, roundId, await VersionOfRoundAsync(staff, roundId));
        await rounds.StartJudgingAsync(staff, roundId, await VersionOfRoundAsync(staff, roundId));
    }

    public async Task DecideAsync(UserScope staff, Guid roundId, params Guid[] recognised)
    {
        var results = Host.Get<ResultsService>();
        await results.ProposeResultsAsync(staff, roundId, await VersionOfRoundAsync(staff, roundId));
        await IssueAsync(staff, roundId, "45/QĐ-UBND", recognised);
    }

    /// <summary>Records a (first or supplementary) decision for the entries given, dated today.</summary>
    public async Task IssueAsync(UserScope staff, Guid roundId, string number, params Guid[] recognised) =>
        await Host.Get<ResultsService>().IssueDecisionAsync(staff, roundId, await VersionOfRoundAsync(staff, roundId),
            new DecisionRef(number, Today, "Chủ tịch UBND"), recognised);

    /// <summary>Nominates entries of one or more lower rounds, one proposal letter per source round.</summary>
    public async Task<int> NominateAsync(UserScope actor, Guid targetRoundId, params Guid[] entryIds)
    {
        var sources = await world.QueryAsync(db => db.Set<Entry>().Where(e => entryIds.Contains(e.Id)).Select(e => new { e.Id, e.RoundId }).ToListAsync());
        var count = 0;
        foreach (var group in sources.GroupBy(s => s.RoundId))
            count += await Host.Get<NominationService>().NominateAsync(actor, targetRoundId, group.Key, Letter(), [.. group.Select(g => g.Id)]);
        return count;
    }

    /// <summary>The proposal letter a lower authority sends with its short list (Điều 10.2, 12.2.c).</summary>
    public DecisionRef Letter(string number = "52/UBND-KT") => new(number, Today, "Chủ tịch UBND");
}
