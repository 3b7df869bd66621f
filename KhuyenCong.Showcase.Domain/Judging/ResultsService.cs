using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Judging;

/// <param name="ShortReason">Why an entry has fewer sheets than it needs, for the council; null when it has them all.</param>
/// <param name="Decision">The decision that concluded the entry (each entry keeps its own, Điều 17.2).</param>
public sealed record ResultRow(Guid EntryId, string? Code, string ProductName, ProductGroup Group, string ProducerName, Guid ProducerUnitId,
    EntryState State, EntryResult Result, string? ShortReason, DecisionRef? Decision, bool Supplementary, DateOnly? ValidUntil,
    ResultNotice? Notice = null, int EntryVersion = 0);

public sealed record FairnessView(FairnessReport Report, IReadOnlyDictionary<string, string> JudgeNames,
    IReadOnlyDictionary<Guid, (string? Code, string Product)> Entries);

public sealed record ExcludedSheetRow(Guid SheetId, Guid EntryId, string? EntryCode, string JudgeName, decimal Total, SheetExclusion Reason, string? Detail);

/// <summary>
/// From the jury's sheets to the council's decision: the results (mean and rank, TT 26/2014 Điều 17.1), the fairness
/// panel, the minutes the Trưởng ban signs (Điều 16.3), and the recognition decisions (Điều 17.2), one per entry.
/// Points stay hidden from whoever scores while judging is open (Điều 16.2).
/// </summary>
public sealed class ResultsService(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, CalendarService calendar,
    DossierReaders readers, TimeProvider clock)
{
    private static readonly EntryState[] Judged = [EntryState.Accepted, EntryState.Recognised, EntryState.NotRecognised, EntryState.Revoked];

    public async Task<IReadOnlyList<ResultRow>> ResultsAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        if (!await readers.MaySeeRoundAsync(db, units, actor, round, ct)) throw new AccessDeniedException();
        await JudgingAccess.EnsurePointsVisibleAsync(db, units, actor, round, ct);
        // Ranks are the round's; the rows shown are those of the facilities the actor may read (all for the round's staff and jury chair).
        var visible = DossierReaders.ListFilter(actor, units, round) ?? (_ => true);
        return [.. (await ComputeAsync(db, round, ct)).Where(r => visible(r.ProducerUnitId))];
    }

    internal static async Task<IReadOnlyList<ResultRow>> ComputeAsync(ShowcaseDb db, Round round, CancellationToken ct)
    {
        var entries = await (from e in db.Set<Entry>()
                             join p in db.Set<Product>() on e.ProductId equals p.Id
                             join f in db.Set<Producer>() on e.ProducerId equals f.Id
                             where e.RoundId == round.Id && Judged.Contains(e.State)
                             select new
                             {
                                 Entry = new
                                 {
                                     e.Id, e.Code, e.State, e.Decision, e.SupplementaryDecision, e.CertificateIssuedOn, e.Notice, e.Version,
                                 },
                                 Product = e.DossierProductName ?? p.Name, Group = e.DossierGroup ?? p.Group, Producer = f.Name, f.UnitId,
                             })
            .AsNoTracking().ToListAsync(ct);
        var tally = await SheetTotalsReader.ReadAsync(db, round, ct);
        // Needed: the round's number, or every assigned juror without a conflict on the entry (planned only then).
        Dictionary<Guid, int> assigned = [];
        if (round.MinimumSheets is null)
        {
            var conflicts = await JudgeAssignments.ConflictSetAsync(db, round.Id, ct);
            assigned = (await JudgeAssignments.EffectiveAsync(db, round, ct)).Where(a => !conflicts.Contains((a.EntryId, a.UserId)))
                .GroupBy(a => a.EntryId).ToDictionary(g => g.Key, g => g.Count());
        }
        // The plan covers the entries still awaiting a decision; a decided entry's sheets were judged complete or
        // flagged when the results were proposed, so it needs what it has.
        var pending = entries.Where(e => e.Entry.State == EntryState.Accepted).Select(e => e.Entry.Id).ToHashSet();
        var counted = tally.Counted.GroupBy(t => t.EntryId).ToDictionary(g => g.Key, g => g.Count());
        int Needed(Guid entry) => round.MinimumSheets
            ?? (assigned.TryGetValue(entry, out var planned) || pending.Contains(entry) ? planned : counted.GetValueOrDefault(entry));
        var results = ResultCalculator.Compute(entries.Select(e => e.Entry.Id), tally.Counted, round.PassMark, Needed);
        var excludedBy = tally.Excluded.GroupBy(x => x.EntryId).ToDictionary(g => g.Key, g => g.Count());
        var byId = entries.ToDictionary(e => e.Entry.Id);
        return [.. results.Select(r =>
        {
            var e = byId[r.EntryId];
            string? reason = null;
            if (r.Short)
            {
                var missing = Math.Max(0, r.Needed - r.Sheets - excludedBy.GetValueOrDefault(r.EntryId));
                reason = r.Needed == 0 ? Messages.Result_NoJuror
                    : string.Format(Messages.Result_Short, r.Sheets, r.Needed, missing, excludedBy.GetValueOrDefault(r.EntryId));
            }
            var validUntil = Entry.ValidUntilOf(e.Entry.State, e.Entry.CertificateIssuedOn);
            return new ResultRow(e.Entry.Id, e.Entry.Code, e.Product, e.Group, e.Producer, e.UnitId, e.Entry.State, r, reason, e.Entry.Decision,
                e.Entry.SupplementaryDecision, validUntil, e.Entry.Notice, e.Entry.Version);
        })];
    }

    /// <summary>
    /// Writes each judged entry's mean and rank and hands the results to the council. Entries short of their sheets
    /// are flagged with the reason and do not hold the round back (the count is the round's setting, not Điều 17.1's).
    /// </summary>
    public Task ProposeResultsAsync(UserScope actor, Guid roundId, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, roundId, version, "round.results-proposed", async (db, round) =>
        {
            var results = (await ComputeAsync(db, round, ct)).ToDictionary(r => r.EntryId);
            round.ProposeResults();
            var entries = await db.Set<Entry>().Where(e => e.RoundId == roundId && e.State == EntryState.Accepted).ToListAsync(ct);
            foreach (var entry in entries)
            {
                var result = results[entry.Id].Result;
                entry.SetResult(result.Mean is { } mean ? Math.Round(mean, 3) : null, result.Rank);
            }
        }, ct);

    /// <summary>
    /// Records a recognition decision for the entries that wait for one: the listed entries are recognised, the other
    /// judged ones are not, each keeps the decision, the facilities are told in the app today (the notice of results
    /// from which the complaint clock counts, Điều 20.1). The first decision is the round's; after a complaint's
    /// re-scoring it is a supplementary decision for the re-scored entries only. None may be below the pass mark
    /// (Điều 17.1); the quota counts every entry recognised in the round.
    /// </summary>
    public Task IssueDecisionAsync(UserScope actor, Guid roundId, int version, DecisionRef decision, IReadOnlyCollection<Guid> recognised,
        CancellationToken ct = default) =>
        ChangeAsync(actor, roundId, version, "round.decision-issued", async (db, round) =>
        {
            var results = (await ComputeAsync(db, round, ct)).ToDictionary(r => r.EntryId);
            var pending = await db.Set<Entry>().Include(e => e.Events).Where(e => e.RoundId == roundId && e.State == EntryState.Accepted).ToListAsync(ct);
            var pendingIds = pending.Select(e => e.Id).ToHashSet();
            if (recognised.Any(id => !pendingIds.Contains(id))) throw new DomainException(Messages.DecisionEntryNotPending);
            // TT 26/2014 Điều 17.1: "điểm bình quân đạt từ 70 điểm trở lên" (the round's pass mark, never below 70).
            if (recognised.Any(id => !results[id].Result.Passed)) throw DomainException.Of(Messages.DecisionBelowPassMark, round.PassMark.ToString("0.##"));
            var earlier = await db.Set<Entry>().CountAsync(e => e.RoundId == roundId && (e.State == EntryState.Recognised || e.State == EntryState.Revoked), ct);
            var supplementary = round.IssueDecision(decision, earlier + recognised.Count);
            var today = clock.Today();
            var now = clock.GetUtcNow();
            var cal = await calendar.ForRoundAsync(round, today, ct);
            var names = await db.Set<Product>().Where(p => pending.Select(e => e.ProductId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            db.Add(AuditEntry.Record(actor, now, "decision.recorded", nameof(Round), roundId, null, new
            {
                Decision = decision, Supplementary = supplementary, Recognised = recognised,
                NotRecognised = pending.Where(e => !recognised.Contains(e.Id)).Select(e => e.Id).ToList(), NoticeOn = today,
            }));
            foreach (var entry in pending)
            {
                var yes = recognised.Contains(entry.Id);
                entry.Decide(decision, supplementary, yes, today, Actor.From(actor), now);
                var deadline = entry.ComplaintDeadline(cal)?.ToString("dd/MM/yyyy");
                var product = entry.DossierProductName ?? names[entry.ProductId];
                await Notifications.Notify.ProducerAsync(db, entry.ProducerId, yes
                        ? string.Format(Messages.Notify_Recognised, product, round.Name, decision.Number, deadline)
                        : string.Format(Messages.Notify_NotRecognised, product, round.Name, deadline),
                    $"/producer/entries/{entry.Id}", now, ct);
            }
        }, ct);

    public async Task<FairnessView> FairnessAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await JudgingAccess.ChairOrStaffAsync(db, units, actor, roundId, ct);
        await JudgingAccess.EnsurePointsVisibleAsync(db, units, actor, round, ct);
        var jury = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId && m.Body == PanelBody.Jury)
            .Select(m => new { m.UserId, m.FullName }).ToListAsync(ct);
        var tally = await SheetTotalsReader.ReadAsync(db, round, ct);
        var entries = await (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id
                             where e.RoundId == roundId select new { e.Id, e.Code, Name = e.DossierProductName ?? p.Name }).AsNoTracking()
            .ToDictionaryAsync(e => e.Id, e => ((string?)e.Code, e.Name), ct);
        return new FairnessView(FairnessCalculator.Compute(tally.Counted), jury.ToDictionary(j => j.UserId, j => j.FullName), entries);
    }

    /// <summary>Submitted sheets that do not count, and why: the chair and staff must see what was left out of the results.</summary>
    public async Task<IReadOnlyList<ExcludedSheetRow>> ExcludedSheetsAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await JudgingAccess.ChairOrStaffAsync(db, units, actor, roundId, ct);
        var pointsShown = await JudgingAccess.PointsVisibleAsync(db, units, actor, round, ct);
        var excluded = (await SheetTotalsReader.ReadAsync(db, round, ct)).Excluded;
        if (excluded.Count == 0) return [];
        var byUser = (await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).Select(m => new { m.UserId, m.FullName }).ToListAsync(ct))
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().FullName);
        var codes = await db.Set<Entry>().AsNoTracking().Where(e => e.RoundId == roundId).ToDictionaryAsync(e => e.Id, e => e.Code, ct);
        return [.. excluded.Select(x => new ExcludedSheetRow(x.SheetId, x.EntryId, codes.GetValueOrDefault(x.EntryId), byUser.GetValueOrDefault(x.JudgeId, x.JudgeId),
            pointsShown ? x.Total : 0, x.Reason, x.Detail)).OrderBy(x => x.EntryCode).ThenBy(x => x.JudgeName)];
    }

    /// <summary>The scores file (canonical JSON) whose SHA-256 the minutes carry; for the chair and staff.</summary>
    public async Task<byte[]> ScoresFileAsync(UserScope actor, Guid roundId, CancellationToken ct = default) =>
        (await MinutesDataAsync(actor, roundId, ct)).Json;

    /// <summary>The minutes the Trưởng ban signs, with the fingerprint of the scores file; for the chair and staff.</summary>
    public async Task<byte[]> MinutesPdfAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var data = await MinutesDataAsync(actor, roundId, ct);
        var units = await geography.DirectoryAsync(ct);
        return Minutes.Pdf(data.Round, units.PathOf(data.Round.UnitId), data.Jury, data.Sheets, data.Excluded, data.Entries, Minutes.Fingerprint(data.Json),
            clock.GetUtcNow());
    }

    public static string ExclusionText(SheetExclusion reason, string? detail) => reason switch
    {
        SheetExclusion.Conflict => detail is { Length: > 0 } ? string.Format(Messages.Excluded_ConflictBecause, detail) : Messages.Excluded_Conflict,
        SheetExclusion.NotOnJury => Messages.Excluded_NotOnJury,
        _ => Messages.Excluded_NotAssigned,
    };

    private sealed record MinutesData(Round Round, List<PanelMember> Jury, List<MinutesSheet> Sheets, List<MinutesExcluded> Excluded, List<MinutesEntry> Entries,
        byte[] Json);

    private async Task<MinutesData> MinutesDataAsync(UserScope actor, Guid roundId, CancellationToken ct)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await JudgingAccess.ChairOrStaffAsync(db, units, actor, roundId, ct, withCriteria: true);
        await JudgingAccess.EnsurePointsVisibleAsync(db, units, actor, round, ct);
        var jury = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId && m.Body == PanelBody.Jury).ToListAsync(ct);
        var names = jury.ToDictionary(j => j.UserId, j => j.FullName);
        var results = await ComputeAsync(db, round, ct);
        var codes = results.ToDictionary(r => r.EntryId, r => r.Code ?? r.EntryId.ToString("N")[..8]);
        var tally = await SheetTotalsReader.ReadAsync(db, round, ct);
        var counted = tally.Counted.Select(t => t.SheetId).ToHashSet();
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Include(s => s.Scores)
            .Where(s => s.RoundId == roundId && s.State == SheetState.Submitted).ToListAsync(ct);
        var criteria = round.Criteria.OrderBy(c => c.Order).ToList();
        var lines = sheets.Where(s => counted.Contains(s.Id) && codes.ContainsKey(s.EntryId)).Select(s => new MinutesSheet(codes[s.EntryId], names[s.JudgeId],
            criteria.ToDictionary(c => c.Code, c => s.Scores.FirstOrDefault(x => x.CriterionId == c.Id)?.Points), s.Total, s.Comments)).ToList();
        var left = tally.Excluded.Where(x => codes.ContainsKey(x.EntryId)).Select(x => new MinutesExcluded(codes[x.EntryId],
            names.GetValueOrDefault(x.JudgeId, x.JudgeId), x.Total, ExclusionText(x.Reason, x.Detail))).ToList();
        var entries = results.Select(r => new MinutesEntry(codes[r.EntryId], r.ProductName, r.Result, r.ShortReason)).ToList();
        return new MinutesData(round, jury, lines, left, entries, Minutes.ScoresJson(round, criteria, lines, left, entries));
    }

    private async Task ChangeAsync(UserScope actor, Guid roundId, int version, string action, Func<ShowcaseDb, Round, Task> change, CancellationToken ct)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct, tracked: true, withCriteria: true);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        db.ExpectVersion(round, version);
        var before = new { round.State, round.Recognition };
        await change(db, round);
        db.Entry(round).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), action, nameof(Round), round.Id, before, new { round.State, round.Recognition }));
        await db.SaveOrConflictAsync(ct);
    }
}
