using KhuyenCong.Showcase.Contests;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Judging;

/// <summary>Why a submitted sheet does not count towards an entry's result.</summary>
public enum SheetExclusion { NotOnJury, Conflict, NotAssigned }

/// <summary>A submitted sheet left out of the results, shown to the chair and staff with its reason.</summary>
public sealed record ExcludedSheet(Guid SheetId, Guid EntryId, string JudgeId, decimal Total, SheetExclusion Reason, string? Detail);

/// <summary>The submitted sheets of a round: those that count and those left out, with why.</summary>
public sealed record SheetTally(IReadOnlyList<SheetTotals> Counted, IReadOnlyList<ExcludedSheet> Excluded);

/// <summary>
/// Submitted sheets of a round reduced to their four group totals by the database itself (one row per sheet, not one
/// per score: 18 000 rows for 2 000 entries × 9 judges instead of 216 000). Points are multiples of 0.5, so summing
/// them as doubles is exact. A sheet counts only if its judge sits on the jury, has no conflict on that entry and
/// (when staff stored a plan, or the round assigns by group) was assigned the entry: a sheet saved before a late
/// declaration, or by a judge taken off the jury, is left out and reported, never silently counted.
/// </summary>
public static class SheetTotalsReader
{
    public static async Task<SheetTally> ReadAsync(Data.ShowcaseDb db, Round round, CancellationToken ct)
    {
        var roundId = round.Id;
        var jury = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId && m.Body == PanelBody.Jury)
            .ToDictionaryAsync(m => m.UserId, m => m, ct);
        var conflicts = new Dictionary<(Guid, string), string?>();
        foreach (var c in await db.Set<ConflictDeclaration>().Where(c => c.RoundId == roundId && c.HasConflict)
                     .Select(c => new { c.EntryId, c.UserId, c.Reason }).ToListAsync(ct))
            conflicts.TryAdd((c.EntryId, c.UserId), c.Reason);
        var stored = (await db.Set<JudgeAssignment>().Where(a => a.RoundId == roundId).Select(a => new { a.EntryId, a.UserId }).ToListAsync(ct))
            .Select(a => (a.EntryId, a.UserId)).ToHashSet();
        var entryGroups = round.Assignment == AssignmentMode.ByGroup && stored.Count == 0
            ? await (from e in db.Set<Entry>() join p in db.Set<Producers.Product>() on e.ProductId equals p.Id
                     where e.RoundId == roundId select new { e.Id, Group = e.DossierGroup ?? p.Group }).ToDictionaryAsync(x => x.Id, x => x.Group, ct)
            : null;
        // One row per submitted sheet: its group points were stored when it was submitted (ScoreSheet.Submit).
        var rows = await db.Set<ScoreSheet>().AsNoTracking()
            .Where(sheet => sheet.RoundId == roundId && sheet.State == SheetState.Submitted)
            .Select(sheet => new
            {
                sheet.Id, sheet.EntryId, sheet.JudgeId,
                Market = sheet.MarketPoints ?? 0, Economic = sheet.EconomicPoints ?? 0, Culture = sheet.CulturePoints ?? 0, Other = sheet.OtherPoints ?? 0,
            }).ToListAsync(ct);

        var counted = new List<SheetTotals>(rows.Count);
        var excluded = new List<ExcludedSheet>();
        foreach (var sheet in rows)
        {
            var byGroup = new Dictionary<CriterionGroup, decimal>(4)
            {
                [CriterionGroup.Market] = sheet.Market,
                [CriterionGroup.EconomicTechnical] = sheet.Economic,
                [CriterionGroup.CultureAesthetics] = sheet.Culture,
                [CriterionGroup.Other] = sheet.Other,
            };
            var total = byGroup.Values.Sum();
            (SheetExclusion Reason, string? Detail)? exclusion =
                !jury.TryGetValue(sheet.JudgeId, out var member) ? (SheetExclusion.NotOnJury, null)
                : conflicts.TryGetValue((sheet.EntryId, sheet.JudgeId), out var why) ? (SheetExclusion.Conflict, why)
                : stored.Count > 0 && !stored.Contains((sheet.EntryId, sheet.JudgeId)) ? (SheetExclusion.NotAssigned, null)
                : entryGroups is not null && entryGroups.TryGetValue(sheet.EntryId, out var g) && !member.CoversGroup(g) ? (SheetExclusion.NotAssigned, null)
                : null;
            if (exclusion is { } x) excluded.Add(new ExcludedSheet(sheet.Id, sheet.EntryId, sheet.JudgeId, total, x.Reason, x.Detail));
            else counted.Add(new SheetTotals(sheet.EntryId, sheet.JudgeId, total, byGroup, sheet.Id));
        }
        return new SheetTally(counted, excluded);
    }
}

/// <summary>One submitted sheet reduced to what aggregation needs.</summary>
public sealed record SheetTotals(Guid EntryId, string JudgeId, decimal Total, IReadOnlyDictionary<CriterionGroup, decimal> Groups, Guid SheetId = default);

/// <param name="Sheets">Sheets that count.</param>
/// <param name="Needed">Sheets the round expects for this entry (its setting, or every assigned juror without a conflict).</param>
/// <param name="Passed">A mean at or above the pass mark (Điều 17.1), whatever the count of sheets.</param>
/// <param name="Short">Fewer sheets than <paramref name="Needed"/>: flagged to the council, never turned into "not passed".</param>
public sealed record EntryResult(
    Guid EntryId,
    int Sheets,
    int Needed,
    decimal? Mean,
    IReadOnlyDictionary<CriterionGroup, decimal> GroupMeans,
    bool Passed,
    bool Short,
    int? Rank)
{
    public bool HasMean => Mean is not null;
}

/// <summary>
/// The regulation's result: an entry's score is the mean of its submitted sheets' totals, recognised only at or above
/// the pass mark (TT 26/2014 Điều 17.1: "điểm bình quân đạt từ 70 điểm trở lên"). How many sheets make a complete
/// result is the round's setting, not the regulation's: an entry short of it keeps its mean and is flagged, so the
/// council decides with the reason in front of it. Ties are broken by the round's chain of group means.
/// </summary>
public static class ResultCalculator
{
    public static readonly IReadOnlyList<CriterionGroup> DefaultTieBreak = [CriterionGroup.Market, CriterionGroup.EconomicTechnical];

    public static IReadOnlyList<EntryResult> Compute(IEnumerable<Guid> entryIds, IEnumerable<SheetTotals> submitted, decimal passMark,
        int minimumSheets, IReadOnlyList<CriterionGroup>? tieBreak = null) =>
        Compute(entryIds, submitted, passMark, _ => minimumSheets, tieBreak);

    /// <param name="needed">The sheets each entry needs.</param>
    public static IReadOnlyList<EntryResult> Compute(IEnumerable<Guid> entryIds, IEnumerable<SheetTotals> submitted, decimal passMark,
        Func<Guid, int> needed, IReadOnlyList<CriterionGroup>? tieBreak = null)
    {
        tieBreak ??= DefaultTieBreak;
        var byEntry = submitted.GroupBy(s => s.EntryId).ToDictionary(g => g.Key, g => g.ToList());
        var results = entryIds.Select(id =>
        {
            var sheets = byEntry.GetValueOrDefault(id) ?? [];
            var need = needed(id);
            if (sheets.Count == 0) return new EntryResult(id, 0, need, null, new Dictionary<CriterionGroup, decimal>(), false, true, null);
            var mean = sheets.Average(s => s.Total);
            var groups = Enum.GetValues<CriterionGroup>().ToDictionary(g => g, g => sheets.Average(s => s.Groups.GetValueOrDefault(g)));
            return new EntryResult(id, sheets.Count, need, mean, groups, mean >= passMark, sheets.Count < need, null);
        }).ToList();

        var ranked = results.Where(r => r.HasMean).OrderByDescending(r => r.Mean!.Value, Comparer<decimal>.Default);
        IOrderedEnumerable<EntryResult> ordered = ranked;
        foreach (var group in tieBreak) ordered = ordered.ThenByDescending(r => r.GroupMeans[group]);
        var list = ordered.ToList();
        var ranks = new Dictionary<Guid, int>();
        for (var i = 0; i < list.Count; i++)
        {
            var tied = i > 0 && Key(list[i], tieBreak).SequenceEqual(Key(list[i - 1], tieBreak));
            ranks[list[i].EntryId] = tied ? ranks[list[i - 1].EntryId] : i + 1;
        }
        return [.. results.Select(r => r with { Rank = ranks.TryGetValue(r.EntryId, out var rank) ? rank : null })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.EntryId)];
    }

    private static IEnumerable<decimal> Key(EntryResult r, IReadOnlyList<CriterionGroup> tieBreak) =>
        tieBreak.Select(g => r.GroupMeans[g]).Prepend(r.Mean!.Value);
}
