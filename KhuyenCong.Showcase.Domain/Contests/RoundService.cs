using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

public sealed record RoundRow(Guid Id, string Code, string Name, ContestLevel Level, string UnitPath, int Year, RoundState State,
    RoundSchedule Schedule, int Entries, int AwaitingReview, int Accepted, int Recognised, bool CanManage);

public sealed record CountBy(string Label, int Count);

public sealed record RoundDashboard(Round Round, string UnitPath, bool CanManage, IReadOnlyList<CountBy> ByState, IReadOnlyList<CountBy> ByGroup,
    IReadOnlyList<CountBy> ByUnit, string? NextMilestone, DateOnly? NextMilestoneOn, int? DaysLeft);

public sealed record ResultRow(Guid EntryId, string? Code, string ProductName, ProductGroup Group, string ProducerName, Guid ProducerUnitId,
    EntryState State, EntryResult Result);

public sealed class RoundService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    CalendarService calendar,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Guid> CreateAsync(UserScope actor, RoundDetails details, IReadOnlyList<CriterionTemplate> criteria, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        var unit = units.Find(details.UnitId) ?? throw new NotFoundException();
        if (!ContestPolicy.LevelFitsUnit(details.Level, unit)) throw new DomainException(Messages.RoundLevelUnitMismatch);
        if (!ContestPolicy.CanManage(actor, units, details.Level, details.UnitId)) throw new AccessDeniedException();
        var now = clock.GetUtcNow();
        var round = Round.Create(details, unit.Code, criteria, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        round.NumberCode(await db.Set<Round>().CountAsync(r => r.Level == round.Level && r.UnitId == round.UnitId && r.Year == round.Year, ct));
        db.Add(round);
        db.Add(AuditEntry.Record(actor, now, "round.created", nameof(Round), round.Id, null, new { round.Details, Criteria = criteria }));
        await db.SaveOrConflictAsync(ct);
        return round.Id;
    }

    public Task UpdateAsync(UserScope actor, Guid id, int version, RoundDetails details, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.updated", async (db, round, units) =>
        {
            var unit = units.Find(details.UnitId) ?? throw new NotFoundException();
            if (!ContestPolicy.LevelFitsUnit(details.Level, unit)) throw new DomainException(Messages.RoundLevelUnitMismatch);
            if (!ContestPolicy.CanManage(actor, units, details.Level, details.UnitId)) throw new AccessDeniedException();
            round.Update(details, unit.Code);
            await Task.CompletedTask;
        }, ct);

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

    /// <summary>Writes each accepted entry's mean and rank; refuses while any entry lacks enough submitted sheets.</summary>
    public Task ProposeResultsAsync(UserScope actor, Guid id, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.results-proposed", async (db, round, _) =>
        {
            var results = await ComputeAsync(db, round, ct);
            round.ProposeResults(results.Count(r => r.Result.TooFewSheets));
            var entries = await db.Set<Entry>().Where(e => e.RoundId == id && e.State == EntryState.Accepted).ToListAsync(ct);
            foreach (var entry in entries)
            {
                var result = results.Single(r => r.EntryId == entry.Id).Result;
                entry.SetResult(result.Mean is { } mean ? Math.Round(mean, 3) : null, result.Rank);
            }
        }, ct);

    /// <summary>
    /// Records the recognition decision: the listed entries become Recognised, every other judged entry Not
    /// recognised, producers see it on their timeline, and the complaint window starts.
    /// </summary>
    public Task IssueDecisionAsync(UserScope actor, Guid id, int version, DecisionRef decision, IReadOnlyCollection<Guid> recognised,
        CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.decision-issued", async (db, round, _) =>
        {
            var results = await ComputeAsync(db, round, ct);
            var passed = results.Where(r => r.Result.Passed).Select(r => r.EntryId).ToHashSet();
            var refused = recognised.Where(e => !passed.Contains(e)).ToList();
            if (refused.Count > 0) throw new DomainException(Messages.DecisionBelowPassMark);
            round.IssueDecision(decision, recognised.Count, await calendar.CalendarFromAsync(decision.Date, ct));
            var judged = await db.Set<Entry>().Include(e => e.Events).Where(e => e.RoundId == id && e.State == EntryState.Accepted).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var names = await db.Set<Product>().Where(p => judged.Select(e => e.ProductId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            foreach (var entry in judged)
            {
                var yes = recognised.Contains(entry.Id);
                entry.Decide(yes, Actor.From(actor), now);
                await Notifications.Notify.ProducerAsync(db, entry.ProducerId, yes
                        ? string.Format(Messages.Notify_Recognised, names[entry.ProductId], round.Name, decision.Number)
                        : string.Format(Messages.Notify_NotRecognised, names[entry.ProductId], round.Name, round.ComplaintDeadline?.ToString("dd/MM/yyyy")),
                    $"/producer/entries/{entry.Id}", now, ct);
            }
        }, ct);

    public Task CloseAsync(UserScope actor, Guid id, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.closed", async (db, round, _) =>
        {
            var open = await db.Set<Complaint>().CountAsync(c => c.RoundId == id && c.State == ComplaintState.Open, ct);
            round.Close(Today, open);
        }, ct);

    public Task SetJudgingRulesAsync(UserScope actor, Guid id, int version, bool conflictSameCommune, AssignmentMode assignment, int? judgeCap,
        CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.judging-rules", (_, round, _) =>
        {
            round.SetJudgingRules(conflictSameCommune, assignment, judgeCap);
            return Task.CompletedTask;
        }, ct);

    public Task LinkFundingAsync(UserScope actor, Guid id, int version, Guid? fundingLineId, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "round.funding-linked", (_, round, _) => { round.LinkFunding(fundingLineId); return Task.CompletedTask; }, ct);

    public async Task<Round?> FindAsync(UserScope actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return null;
        var units = await geography.DirectoryAsync(ct);
        if (!ContestPolicy.CanView(actor, units, round) && !await IsPanelMemberAsync(db, actor, id, ct)) throw new AccessDeniedException();
        return round;
    }

    /// <summary>The round for its own staff to change: following it from below is not enough.</summary>
    public async Task<Round?> FindToManageAsync(UserScope actor, Guid id, CancellationToken ct = default)
    {
        var round = await FindAsync(actor, id, ct);
        if (round is not null && !ContestPolicy.CanManage(actor, await geography.DirectoryAsync(ct), round)) throw new AccessDeniedException();
        return round;
    }

    public async Task<IReadOnlyList<RoundRow>> ListAsync(UserScope actor, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.Set<Round>().AsNoTracking().ToListAsync(ct);
        var visible = rounds.Where(r => ContestPolicy.CanView(actor, units, r)).ToList();
        var ids = visible.Select(r => r.Id).ToList();
        var counts = await db.Set<Entry>().Where(e => ids.Contains(e.RoundId)).GroupBy(e => new { e.RoundId, e.State })
            .Select(g => new { g.Key.RoundId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid round, params EntryState[] states) => counts.Where(c => c.RoundId == round && states.Contains(c.State)).Sum(c => c.Count);
        return [.. visible.OrderByDescending(r => r.Year).ThenBy(r => r.Level).ThenBy(r => r.Name)
            .Select(r => new RoundRow(r.Id, r.Code, r.Name, r.Level, units.PathOf(r.UnitId), r.Year, r.State, r.Schedule,
                Count(r.Id, Enum.GetValues<EntryState>().Where(s => s != EntryState.Draft).ToArray()),
                Count(r.Id, EntryState.Submitted), Count(r.Id, EntryState.Accepted, EntryState.Recognised, EntryState.NotRecognised),
                Count(r.Id, EntryState.Recognised), ContestPolicy.CanManage(actor, units, r)))];
    }

    /// <summary>Rounds a producer may enter today: accepting registrations, and whose unit contains the facility.</summary>
    public async Task<IReadOnlyList<Round>> OpenForAsync(Guid producerUnitId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<Round>().AsNoTracking().Where(r => r.State == RoundState.OpenForRegistration).ToListAsync(ct);
        return [.. open.Where(r => r.AcceptsRegistrations(Today) && units.ScopeOf(r.UnitId).Contains(producerUnitId))];
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
                             select new { e.State, p.Group, f.UnitId }).ToListAsync(ct);
        var (milestone, on) = NextMilestone(round);
        return new RoundDashboard(round, units.PathOf(round.UnitId), ContestPolicy.CanManage(actor, units, round),
            [.. entries.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => new CountBy(EnumText.Of(g.Key), g.Count()))],
            [.. entries.GroupBy(e => e.Group).OrderBy(g => g.Key).Select(g => new CountBy(EnumText.Of(g.Key), g.Count()))],
            [.. entries.GroupBy(e => e.UnitId).Select(g => new CountBy(units.Find(g.Key)?.DisplayName ?? "?", g.Count())).OrderByDescending(c => c.Count)],
            milestone, on, on is { } date ? date.DayNumber - Today.DayNumber : null);
    }

    public async Task<IReadOnlyList<ResultRow>> ResultsAsync(UserScope actor, Guid id, CancellationToken ct = default)
    {
        var round = await FindAsync(actor, id, ct) ?? throw new NotFoundException();
        var units = await geography.DirectoryAsync(ct);
        // Ranks are the round's; the rows shown are those of the facilities the actor may read (all for the round's staff and jury chair).
        var visible = DossierReaders.ListFilter(actor, units, round) ?? (_ => true);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await ComputeAsync(db, round, ct)).Where(r => visible(r.ProducerUnitId))];
    }

    internal static async Task<IReadOnlyList<ResultRow>> ComputeAsync(ShowcaseDb db, Round round, CancellationToken ct)
    {
        var judged = new[] { EntryState.Accepted, EntryState.Recognised, EntryState.NotRecognised };
        var entries = await (from e in db.Set<Entry>()
                             join p in db.Set<Product>() on e.ProductId equals p.Id
                             join f in db.Set<Producer>() on e.ProducerId equals f.Id
                             where e.RoundId == round.Id && judged.Contains(e.State)
                             select new { e.Id, e.Code, Product = p.Name, p.Group, Producer = f.Name, f.UnitId, e.State }).AsNoTracking().ToListAsync(ct);
        var totals = (await SheetTotalsReader.ReadAsync(db, round, ct)).Counted;
        var results = ResultCalculator.Compute(entries.Select(e => e.Id), totals, round.PassMark, round.MinimumSheets);
        var byId = entries.ToDictionary(e => e.Id);
        return [.. results.Select(r =>
        {
            var e = byId[r.EntryId];
            return new ResultRow(e.Id, e.Code, e.Product, e.Group, e.Producer, e.UnitId, e.State, r);
        })];
    }

    private (string?, DateOnly?) NextMilestone(Round round) => round.State switch
    {
        RoundState.Draft => (Messages.Milestone_RegistrationOpens, round.Schedule.RegistrationOpens),
        RoundState.OpenForRegistration => (Messages.Milestone_RegistrationCloses, round.Schedule.RegistrationCloses),
        RoundState.DossierReview => (Messages.Milestone_ReviewUntil, round.Schedule.ReviewUntil),
        RoundState.Judging => (Messages.Milestone_JudgingTo, round.Schedule.JudgingTo),
        RoundState.ResultsProposed => (Messages.Milestone_Announcement, round.Schedule.AnnouncementOn),
        RoundState.DecisionIssued => (Messages.Milestone_ComplaintDeadline, round.ComplaintDeadline),
        _ => (null, null),
    };

    internal static Task<bool> IsPanelMemberAsync(ShowcaseDb db, UserScope actor, Guid roundId, CancellationToken ct) =>
        db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == actor.UserId, ct);

    /// <summary>Loads the round for change, checks the actor manages it and the version they saw, audits the state before and after.</summary>
    private async Task ChangeAsync(UserScope actor, Guid id, int version, string action, Func<ShowcaseDb, Round, UnitDirectory, Task> change,
        CancellationToken ct)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException();
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        db.ExpectVersion(round, version);
        var before = new { round.State, round.Details };
        await change(db, round, units);
        db.Entry(round).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), action, nameof(Round), round.Id, before, new { round.State, round.Details, round.Recognition }));
        await db.SaveOrConflictAsync(ct);
    }
}
