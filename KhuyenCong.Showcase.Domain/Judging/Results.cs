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
/// Submitted sheets of a round reduced to totals, read as flat rows rather than entities (216 000 scores load in well
/// under a second). A sheet counts only if its judge sits on the jury, has no conflict on that entry and (when staff
/// stored a plan, or the round assigns by group) was assigned the entry: a sheet saved before a late declaration, or
/// by a judge taken off the jury, is left out and reported, never silently counted.
/// </summary>
public static class SheetTotalsReader
{
    public static async Task<SheetTally> ReadAsync(Data.ShowcaseDb db, Round round, CancellationToken ct)
    {
        var roundId = round.Id;
        var groups = await db.Set<RoundCriterion>().Where(c => c.RoundId == roundId).ToDictionaryAsync(c => c.Id, c => c.Group, ct);
        var jury = await db.Set<PanelMember>().Where(m => m.RoundId == roundId && m.Body == PanelBody.Jury)
            .ToDictionaryAsync(m => m.UserId, m => m, ct);
        var conflicts = new Dictionary<(Guid, string), string?>();
        foreach (var c in await db.Set<ConflictDeclaration>().Where(c => c.RoundId == roundId && c.HasConflict)
                     .Select(c => new { c.EntryId, c.UserId, c.Reason }).ToListAsync(ct))
            conflicts.TryAdd((c.EntryId, c.UserId), c.Reason);
        var stored = (await db.Set<JudgeAssignment>().Where(a => a.RoundId == roundId).Select(a => new { a.EntryId, a.UserId }).ToListAsync(ct))
            .Select(a => (a.EntryId, a.UserId)).ToHashSet();
        var entryGroups = round.Assignment == AssignmentMode.ByGroup && stored.Count == 0
            ? await (from e in db.Set<Entry>() join p in db.Set<Producers.Product>() on e.ProductId equals p.Id
                     where e.RoundId == roundId select new { e.Id, p.Group }).ToDictionaryAsync(x => x.Id, x => x.Group, ct)
            : null;
        var rows = await (
            from sheet in db.Set<ScoreSheet>()
            join score in db.Set<SheetScore>() on sheet.Id equals score.SheetId
            where sheet.RoundId == roundId && sheet.State == SheetState.Submitted
            select new { sheet.Id, sheet.EntryId, sheet.JudgeId, score.CriterionId, score.Points }).ToListAsync(ct);

        var counted = new List<SheetTotals>();
        var excluded = new List<ExcludedSheet>();
        foreach (var sheet in rows.GroupBy(r => r.Id))
        {
            var byGroup = new Dictionary<CriterionGroup, decimal>();
            foreach (var score in sheet)
            {
                var group = groups[score.CriterionId];
                byGroup[group] = byGroup.GetValueOrDefault(group) + (score.Points ?? 0);
            }
            var first = sheet.First();
            var total = byGroup.Values.Sum();
            (SheetExclusion Reason, string? Detail)? exclusion =
                !jury.TryGetValue(first.JudgeId, out var member) ? (SheetExclusion.NotOnJury, null)
                : conflicts.TryGetValue((first.EntryId, first.JudgeId), out var why) ? (SheetExclusion.Conflict, why)
                : stored.Count > 0 && !stored.Contains((first.EntryId, first.JudgeId)) ? (SheetExclusion.NotAssigned, null)
                : entryGroups is not null && entryGroups.TryGetValue(first.EntryId, out var g) && !member.CoversGroup(g) ? (SheetExclusion.NotAssigned, null)
                : null;
            if (exclusion is { } x) excluded.Add(new ExcludedSheet(first.Id, first.EntryId, first.JudgeId, total, x.Reason, x.Detail));
            else counted.Add(new SheetTotals(first.EntryId, first.JudgeId, total, byGroup, first.Id));
        }
        return new SheetTally(counted, excluded);
    }
}

/// <summary>One submitted sheet reduced to what aggregation needs.</summary>
public sealed record SheetTotals(Guid EntryId, string JudgeId, decimal Total, IReadOnlyDictionary<CriterionGroup, decimal> Groups, Guid SheetId = default);

public sealed record EntryResult(
    Guid EntryId,
    int Sheets,
    decimal? Mean,
    IReadOnlyDictionary<CriterionGroup, decimal> GroupMeans,
    bool Passed,
    bool TooFewSheets,
    int? Rank);

/// <summary>
/// The regulation's result: an entry's score is the mean of its submitted sheets' totals, recognised only at or
/// above the pass mark (TT 26/2014 Điều 17.1). Ties are broken by the round's chain of group means.
/// </summary>
public static class ResultCalculator
{
    public static readonly IReadOnlyList<CriterionGroup> DefaultTieBreak = [CriterionGroup.Market, CriterionGroup.EconomicTechnical];

    public static IReadOnlyList<EntryResult> Compute(IEnumerable<Guid> entryIds, IEnumerable<SheetTotals> submitted, decimal passMark,
        int minimumSheets, IReadOnlyList<CriterionGroup>? tieBreak = null)
    {
        tieBreak ??= DefaultTieBreak;
        var byEntry = submitted.GroupBy(s => s.EntryId).ToDictionary(g => g.Key, g => g.ToList());
        var results = entryIds.Select(id =>
        {
            var sheets = byEntry.GetValueOrDefault(id) ?? [];
            if (sheets.Count == 0) return new EntryResult(id, 0, null, new Dictionary<CriterionGroup, decimal>(), false, true, null);
            var mean = sheets.Average(s => s.Total);
            var groups = Enum.GetValues<CriterionGroup>().ToDictionary(g => g, g => sheets.Average(s => s.Groups.GetValueOrDefault(g)));
            var tooFew = sheets.Count < minimumSheets;
            return new EntryResult(id, sheets.Count, mean, groups, !tooFew && mean >= passMark, tooFew, null);
        }).ToList();

        var ranked = results.Where(r => !r.TooFewSheets).OrderByDescending(r => r.Mean!.Value, Comparer<decimal>.Default);
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
