using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

public sealed record RoundRow(Guid Id, string Code, string Name, ContestLevel Level, string UnitPath, int Year, RoundState State,
    RoundSchedule Schedule, int Entries, int AwaitingReview, int Accepted, int Recognised, bool CanManage);

/// <summary>What staff narrow the rounds by: year, level, state, and words of the code or name without diacritics.</summary>
public sealed record RoundFilter(int? Year = null, ContestLevel? Level = null, RoundState? State = null, string? Search = null);

public sealed record CountBy(string Label, int Count);

/// <param name="Warnings">What the regulation does not forbid but staff should know (a second round within two years).</param>
/// <param name="ComplaintWindow">The last day of the complaint window over every notice of the round (Điều 20.1).</param>
/// <param name="Processing">Dossiers still waiting for their result, with the 30-working-day limit of the oldest.</param>
public sealed record RoundDashboard(Round Round, string UnitPath, string? RegionName, bool CanManage, IReadOnlyList<CountBy> ByState,
    IReadOnlyList<CountBy> ByGroup, IReadOnlyList<CountBy> ByUnit, string? NextMilestone, DateOnly? NextMilestoneOn, int? DaysLeft,
    IReadOnlyList<string> Warnings, Deadline? ComplaintWindow, ProcessingSummary Processing);

/// <summary>How many dossiers wait for a result, how many are past their 30 working days, and the nearest limit.</summary>
public sealed record ProcessingSummary(int Waiting, int Overdue, Deadline? Nearest);

public sealed class RoundService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    CalendarService calendar,
    DossierReaders readers,
    TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<Guid> CreateAsync(UserScope actor, RoundDetails details, IReadOnlyList<CriterionTemplate> criteria, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        var areaCode = AreaCode(units, details);
        if (!ContestPolicy.CanManage(actor, units, details.Level, details.UnitId)) throw new AccessDeniedException();
        var now = clock.GetUtcNow();
        var round = Round.Create(details, areaCode, criteria, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        round.NumberCode(await db.Set<Round>().CountAsync(r => r.Level == round.Level && r.UnitId == round.UnitId && r.RegionId == round.RegionId
            && r.Year == round.Year, ct));
        db.Add(round);
        db.Add(AuditEntry.Record(actor, now, "round.created", nameof(Round), round.Id, null, new { round.Details, Criteria = criteria }));
        await db.SaveOrConflictAsync(ct);
        return round.Id;
    }

    public Task UpdateAsync(UserScope actor, Guid id, int version, RoundDetails details, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.updated", (db, round, units) =>
        {
            var areaCode = AreaCode(units, details);
            if (!ContestPolicy.CanManage(actor, units, details.Level, details.UnitId)) throw new AccessDeniedException();
            round.Update(details, areaCode);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The unit (or region) a round's code is made from, checked against the level.</summary>
    private static string AreaCode(UnitDirectory units, RoundDetails details)
    {
        var unit = units.Find(details.UnitId) ?? throw new NotFoundException();
        if (!ContestPolicy.LevelFitsUnit(details.Level, unit)) throw new DomainException(Messages.RoundLevelUnitMismatch);
        if (details.Level != ContestLevel.Region) return unit.Code;
        var region = details.RegionId is { } id ? units.FindRegion(id) : null;
        return region?.Code ?? throw new DomainException(Messages.RoundRegionRequired);
    }

    public Task SetCriteriaAsync(UserScope actor, Guid id, int version, IReadOnlyList<CriterionTemplate> criteria, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.criteria", (db, round, _) =>
        {
            db.RemoveRange(round.Criteria);
            round.SetCriteria(criteria);
            return Task.CompletedTask;
        }, ct);

    public Task OpenAsync(UserScope actor, Guid id, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.opened", (_, round, _) => { round.Open(); return Task.CompletedTask; }, ct);

    public Task StartReviewAsync(UserScope actor, Guid id, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.review-started", (_, round, _) => { round.StartReview(); return Task.CompletedTask; }, ct);

    public Task StartJudgingAsync(UserScope actor, Guid id, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.judging-started", async (db, round, _) =>
        {
            var states = await db.Set<Entry>().Where(e => e.RoundId == id).Select(e => e.State).ToListAsync(ct);
            round.StartJudging(states.Count(s => s == EntryState.Submitted), states.Count(s => s == EntryState.Accepted), clock.GetUtcNow());
        }, ct);

    /// <summary>Closes the round once every complaint window has passed and every complaint is resolved (Điều 20).</summary>
    public Task CloseAsync(UserScope actor, Guid id, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.closed", async (db, round, _) =>
        {
            var open = await db.Set<Complaint>().CountAsync(c => c.RoundId == id && c.State == ComplaintState.Open, ct);
            round.Close(Today, open, await LastComplaintDayAsync(db, round, ct));
        }, ct);

    /// <summary>The last day of the complaint window over every notice of the round's results, on today's calendar.</summary>
    internal async Task<DateOnly?> LastComplaintDayAsync(ShowcaseDb db, Round round, CancellationToken ct)
    {
        var notices = await db.Set<Entry>().Where(e => e.RoundId == round.Id && e.Notice != null).Select(e => e.Notice!.On).Distinct().ToListAsync(ct);
        if (notices.Count == 0) return null;
        var last = notices.Max();
        return ContestDeadlines.Complaint(last, await calendar.ForRoundAsync(round, last, ct));
    }

    public Task SetJudgingRulesAsync(UserScope actor, Guid id, int version, JudgingRules rules, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.judging-rules", (_, round, _) =>
        {
            round.SetJudgingRules(rules);
            return Task.CompletedTask;
        }, ct);

    public Task LinkFundingAsync(UserScope actor, Guid id, int version, Guid? fundingLineId, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.funding-linked", (_, round, _) => { round.LinkFunding(fundingLineId); return Task.CompletedTask; }, ct);

    public async Task<Round?> FindAsync(UserScope actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return null;
        if (!await readers.MaySeeRoundAsync(db, await geography.DirectoryAsync(ct), actor, round, ct)) throw new AccessDeniedException();
        return round;
    }

    /// <summary>The round for its own staff to change: following it from below is not enough.</summary>
    public async Task<Round?> FindToManageAsync(UserScope actor, Guid id, CancellationToken ct = default)
    {
        var round = await FindAsync(actor, id, ct);
        if (round is not null && !ContestPolicy.CanManage(actor, await geography.DirectoryAsync(ct), round)) throw new AccessDeniedException();
        return round;
    }

    /// <summary>Every round the person may see, newest year first (small lists and tests; the rounds page uses <see cref="PageAsync"/>).</summary>
    public async Task<IReadOnlyList<RoundRow>> ListAsync(UserScope actor, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cells = await Visible(db, actor, units, new RoundFilter()).ToSortedListAsync(RoundSorts, Cells(db), ct);
        return [.. cells.Select(c => c.ToRow(actor, units))];
    }

    /// <summary>One page of the rounds the person may see, filtered, sorted and counted in the database.</summary>
    public async Task<Paged<RoundRow>> PageAsync(UserScope actor, RoundFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Visible(db, actor, units, filter).PageAsync(page, RoundSorts, Cells(db), ct)).Map(c => c.ToRow(actor, units));
    }

    /// <summary>The years of the rounds the person may see, newest first (the year filter's choices).</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(UserScope actor, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Visible(db, actor, units, new RoundFilter()).Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    private static IQueryable<Round> Visible(ShowcaseDb db, UserScope actor, UnitDirectory units, RoundFilter filter)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var query = db.Set<Round>().AsNoTracking().Where(ContestPolicy.Viewable(actor, units));
        if (filter.Year is { } year) query = query.Where(r => r.Year == year);
        if (filter.Level is { } level) query = query.Where(r => r.Level == level);
        if (filter.State is { } state) query = query.Where(r => r.State == state);
        if (VietnameseText.SearchKey(filter.Search) is { Length: > 0 } key) query = query.Where(r => r.SearchKey.Contains(key));
        return query;
    }

    /// <summary>Levels from the commune up (stored by name, they would sort alphabetically).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Round, int>> LevelOrder = r =>
        r.Level == ContestLevel.Commune ? 0 : r.Level == ContestLevel.District ? 1 : r.Level == ContestLevel.Province ? 2 : r.Level == ContestLevel.Region ? 3 : 4;

    private static readonly SortMap<Round> RoundSorts =
        new SortMap<Round>(q => q.OrderByDescending(r => r.Year).ThenBy(LevelOrder).ThenBy(r => r.SearchKey), q => q.ThenBy(r => r.Id))
            .Add(nameof(RoundRow.Code), r => r.Code)
            .Add(nameof(RoundRow.Name), r => r.SearchKey)
            .Add(nameof(RoundRow.Level), LevelOrder)
            .Add(nameof(RoundRow.Year), r => r.Year)
            .Add(nameof(RoundRow.Schedule), r => r.Schedule.RegistrationOpens);

    private static System.Linq.Expressions.Expression<Func<Round, RoundCells>> Cells(ShowcaseDb db)
    {
        var entries = db.Set<Entry>();
        return r => new RoundCells(r.Id, r.Code, r.Name, r.Level, r.UnitId, r.RegionId, r.Year, r.State, r.Schedule,
            entries.Count(e => e.RoundId == r.Id && e.State != EntryState.Draft),
            entries.Count(e => e.RoundId == r.Id && e.State == EntryState.Submitted),
            entries.Count(e => e.RoundId == r.Id && (e.State == EntryState.Accepted || e.State == EntryState.Recognised
                || e.State == EntryState.NotRecognised || e.State == EntryState.Revoked)),
            entries.Count(e => e.RoundId == r.Id && e.State == EntryState.Recognised));
    }

    private sealed record RoundCells(Guid Id, string Code, string Name, ContestLevel Level, Guid UnitId, Guid? RegionId, int Year,
        RoundState State, RoundSchedule Schedule, int Entries, int AwaitingReview, int Accepted, int Recognised)
    {
        public RoundRow ToRow(UserScope actor, UnitDirectory units) =>
            new(Id, Code, Name, Level, AreaName(units, Level, UnitId, RegionId), Year, State, Schedule, Entries, AwaitingReview, Accepted,
                Recognised, ContestPolicy.CanManage(actor, units, Level, UnitId));
    }

    /// <summary>"Khu vực phía Bắc (tổ chức tại Hà Tĩnh)" for a region round; the unit's path otherwise.</summary>
    public static string AreaName(UnitDirectory units, Round round) => AreaName(units, round.Level, round.UnitId, round.RegionId);

    private static string AreaName(UnitDirectory units, ContestLevel level, Guid unitId, Guid? regionId) =>
        level == ContestLevel.Region && regionId is { } region && units.FindRegion(region) is { } r
            ? string.Format(Messages.Round_RegionHeldIn, r.Name, units.Find(unitId)?.DisplayName)
            : level == ContestLevel.National ? string.Format(Messages.Round_NationalHeldIn, units.Find(unitId)?.DisplayName)
            : units.PathOf(unitId);

    /// <summary>
    /// Rounds a producer may enter today: accepting registrations, whose area contains the facility, and taking direct
    /// entries (region and national rounds take only the province's and the region's proposals, Điều 12.3–12.4).
    /// </summary>
    public async Task<IReadOnlyList<Round>> OpenForAsync(Guid producerUnitId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<Round>().AsNoTracking().Where(r => r.State == RoundState.OpenForRegistration).ToListAsync(ct);
        return [.. open.Where(r => r.AcceptsRegistrations(Today) && ContestPolicy.TakesDirectEntries(r.Level) && ContestPolicy.InArea(units, r, producerUnitId))];
    }

    public async Task<RoundDashboard> DashboardAsync(UserScope actor, Guid id, CancellationToken ct = default)
    {
        var round = await FindAsync(actor, id, ct) ?? throw new NotFoundException();
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await (from e in db.Set<Entry>()
                             join p in db.Set<Product>() on e.ProductId equals p.Id
                             join f in db.Set<Producer>() on e.ProducerId equals f.Id
                             where e.RoundId == id && e.State != EntryState.Draft
                             select new { e.State, Group = e.DossierGroup ?? p.Group, f.UnitId, e.SubmittedAt }).ToListAsync(ct);
        var cal = await calendar.ForRoundAsync(round, Today, ct);
        var waiting = entries.Where(e => e.State is EntryState.Submitted or EntryState.Accepted && e.SubmittedAt is not null)
            .Select(e => Deadline.On(ContestDeadlines.Processing(VietnamTime.DateOf(e.SubmittedAt!.Value), cal), Today, cal)).ToList();
        var lastComplaintDay = await LastComplaintDayAsync(db, round, ct);
        var (milestone, on) = round.State switch
        {
            RoundState.Draft => (Messages.Milestone_RegistrationOpens, round.Schedule.RegistrationOpens),
            RoundState.OpenForRegistration => (Messages.Milestone_RegistrationCloses, round.Schedule.RegistrationCloses),
            RoundState.DossierReview => (Messages.Milestone_ReviewUntil, round.Schedule.ReviewUntil),
            RoundState.Judging => (Messages.Milestone_JudgingTo, round.Schedule.JudgingTo),
            RoundState.ResultsProposed => (Messages.Milestone_Announcement, round.Schedule.AnnouncementOn),
            RoundState.DecisionIssued => (Messages.Milestone_ComplaintDeadline, lastComplaintDay),
            _ => ((string?)null, (DateOnly?)null),
        };
        return new RoundDashboard(round, AreaName(units, round), round.RegionId is { } r ? units.FindRegion(r)?.Name : null,
            ContestPolicy.CanManage(actor, units, round),
            [.. entries.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => new CountBy(EnumText.Of(g.Key), g.Count()))],
            [.. entries.GroupBy(e => e.Group).OrderBy(g => g.Key).Select(g => new CountBy(EnumText.Of(g.Key), g.Count()))],
            [.. entries.GroupBy(e => e.UnitId).Select(g => new CountBy(units.Find(g.Key)?.DisplayName ?? "?", g.Count())).OrderByDescending(c => c.Count)],
            milestone, on, on is { } date ? date.DayNumber - Today.DayNumber : null,
            await CycleWarningsAsync(db, units, round.Details, round.Id, ct),
            lastComplaintDay is { } last ? Deadline.On(last, Today, cal) : null,
            new ProcessingSummary(waiting.Count, waiting.Count(d => d.Passed), waiting.OrderBy(d => d.Due).FirstOrDefault(d => !d.Passed)));
    }

    /// <summary>Warnings for a round as staff are about to save it (the same the round page shows).</summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(UserScope actor, RoundDetails details, Guid? roundId, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CycleWarningsAsync(db, await geography.DirectoryAsync(ct), details, roundId, ct);
    }

    /// <summary>
    /// TT 26/2014 Điều 14 (as amended) holds each level every two years, "trường hợp khác theo quy định của cấp có thẩm
    /// quyền": another round of the same level in the same unit (or region) within two years is a warning, never a refusal.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CycleWarningsAsync(ShowcaseDb db, UnitDirectory units, RoundDetails details, Guid? roundId,
        CancellationToken ct)
    {
        var others = await db.Set<Round>().AsNoTracking()
            .Where(r => r.Id != roundId && r.Level == details.Level && r.Year > details.Year - 2 && r.Year < details.Year + 2)
            .ToListAsync(ct);
        var same = others.Where(r => details.Level switch
        {
            ContestLevel.Region => r.RegionId == details.RegionId,
            ContestLevel.National => true,
            _ => r.UnitId == details.UnitId || units.ScopeOf(details.UnitId).Contains(r.UnitId) && units.Find(r.UnitId)?.Tier == units.Find(details.UnitId)?.Tier,
        });
        return [.. same.OrderBy(r => r.Year).Select(r => string.Format(Messages.RoundCycleWarning, r.Code, r.Year, EnumText.Of(details.Level)))];
    }

    /// <summary>Loads the round for change, checks the actor manages it and the version they saw, audits the state before and after.</summary>
    private async Task ChangeAsync(UserScope actor, Guid id, int version, string action, Func<ShowcaseDb, Round, UnitDirectory, Task> change,
        CancellationToken ct)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(id, ct, tracked: true, withCriteria: true);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        db.ExpectVersion(round, version);
        var before = new { round.State, round.Details, round.Rules };
        await change(db, round, units);
        db.Entry(round).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), action, nameof(Round), round.Id, before, new { round.State, round.Details, round.Rules, round.Recognition }));
        await db.SaveOrConflictAsync(ct);
    }
}
