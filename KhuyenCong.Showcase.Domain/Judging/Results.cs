using KhuyenCong.Showcase.Contests;

namespace KhuyenCong.Showcase.Judging;

/// <summary>Submitted sheets of a round reduced to totals, read as flat rows rather than entities (216 000 scores load in well under a second).</summary>
public static class SheetTotalsReader
{
    public static async Task<List<SheetTotals>> ReadAsync(Data.ShowcaseDb db, Guid roundId, CancellationToken ct)
    {
        var groups = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Set<RoundCriterion>().Where(c => c.RoundId == roundId), c => c.Id, c => c.Group, ct);
        var jury = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<PanelMember>().Where(m => m.RoundId == roundId && m.Body == PanelBody.Jury).Select(m => m.UserId), ct)).ToHashSet();
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            from sheet in db.Set<ScoreSheet>()
            join score in db.Set<SheetScore>() on sheet.Id equals score.SheetId
            where sheet.RoundId == roundId && sheet.State == SheetState.Submitted
            select new { sheet.Id, sheet.EntryId, sheet.JudgeId, score.CriterionId, score.Points }, ct);
        return [.. rows.Where(r => jury.Contains(r.JudgeId)).GroupBy(r => r.Id).Select(sheet =>
        {
            var byGroup = new Dictionary<CriterionGroup, decimal>();
            foreach (var score in sheet)
            {
                var group = groups[score.CriterionId];
                byGroup[group] = byGroup.GetValueOrDefault(group) + (score.Points ?? 0);
            }
            var first = sheet.First();
            return new SheetTotals(first.EntryId, first.JudgeId, byGroup.Values.Sum(), byGroup);
        })];
    }
}

/// <summary>One submitted sheet reduced to what aggregation needs.</summary>
public sealed record SheetTotals(Guid EntryId, string JudgeId, decimal Total, IReadOnlyDictionary<CriterionGroup, decimal> Groups);

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
