using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>Rounds, judges and sheets made through the services, on top of a <see cref="Scenario"/>.</summary>
public sealed class ContestWorld(Scenario world)
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    public Scenario World => world;
    public ShowcaseHost Host => world.Host;

    public static RoundDetails Details(ContestLevel level, Guid unit, string name) => new(level, unit, Today.Year, name, "UBND",
        new DecisionRef("12/QĐ-UBND", Today.AddDays(-30), "Chủ tịch UBND"),
        new RoundSchedule(Today.AddDays(-10), Today.AddDays(30), Today.AddDays(40), Today.AddDays(41), Today.AddDays(50), Today.AddDays(60)),
        70, null, false, 3);

    public async Task<Guid> OpenRoundAsync(UserScope staff, ContestLevel level, string unitCode, string name = "Kỳ thử")
    {
        var rounds = Host.Get<RoundService>();
        var id = await rounds.CreateAsync(staff, Details(level, world.Unit(unitCode), name), CriteriaTemplates.Regulation);
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

    public async Task AcceptAsync(UserScope staff, Guid entryId) =>
        await Host.Get<EntryService>().AcceptAsync(staff, entryId, await VersionOfEntryAsync(staff, entryId));

    public async Task<IReadOnlyList<UserScope>> JuryAsync(UserScope staff, Guid roundId, int size = 3)
    {
        var judges = new List<UserScope>();
        for (var i = 0; i < size; i++)
        {
            var judge = await world.UserAsync(Roles.Judge, "42");
            await Host.Get<JudgingService>().AddMemberAsync(staff, roundId, judge.UserId, PanelBody.Jury, i == 0 ? PanelRole.Chair : PanelRole.Member);
            judges.Add(judge);
        }
        return judges;
    }

    /// <summary>Each judge scores the four groups of the regulation's sheet and submits.</summary>
    public async Task ScoreAsync(UserScope judge, Guid entryId, params decimal[] points)
    {
        var judging = Host.Get<JudgingService>();
        var roundId = (await Host.Get<EntryService>().GetAsync(judge, entryId))!.Round.Id;
        if (!(await judging.DeclarationFormAsync(judge, roundId)).Declared) await judging.DeclareAsync(judge, roundId, new Dictionary<Guid, string?>());
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
        var rounds = Host.Get<RoundService>();
        await rounds.ProposeResultsAsync(staff, roundId, await VersionOfRoundAsync(staff, roundId));
        await rounds.IssueDecisionAsync(staff, roundId, await VersionOfRoundAsync(staff, roundId),
            new DecisionRef("45/QĐ-UBND", Today, "Chủ tịch UBND"), recognised);
    }
}
