namespace KhuyenCong.Showcase.Judging;

public sealed record JudgeStats(string JudgeId, int Sheets, double Mean, double StdDev, double Leniency);

public sealed record EntryFairness(Guid EntryId, int Sheets, double RawMean, double? Normalised, double Spread, double StdDev, bool Disputed);

public sealed record FairnessReport(
    IReadOnlyList<JudgeStats> Judges,
    IReadOnlyList<EntryFairness> Entries,
    double? Agreement,
    bool Normalised,
    int MinimumSheetsPerJudge);

/// <summary>
/// Informs the council, never replaces the regulation's mean (TT 26/2014 Điều 17.1): how lenient each judge is
/// against the panel, what the totals look like with each judge's scale taken out (z-scores), how much the judges
/// agree, and which entries they disagree on most.
/// </summary>
public static class FairnessCalculator
{
    /// <summary>Below this many sheets a judge's mean and spread say too little to rescale their scores.</summary>
    public const int MinimumSheetsForNormalisation = 5;

    /// <summary>An entry is flagged when its judges' totals spread this far (standard deviation, points) …</summary>
    public const double DisputedStdDev = 8;

    public static FairnessReport Compute(IReadOnlyList<SheetTotals> sheets, int minimumSheetsPerJudge = MinimumSheetsForNormalisation)
    {
        var byEntry = sheets.GroupBy(s => s.EntryId).ToDictionary(g => g.Key, g => g.Select(s => (double)s.Total).ToArray());
        var entryMean = byEntry.ToDictionary(e => e.Key, e => e.Value.Average());
        var byJudge = sheets.GroupBy(s => s.JudgeId).ToDictionary(g => g.Key, g => g.ToList());

        var judges = byJudge.Select(j =>
        {
            var totals = j.Value.Select(s => (double)s.Total).ToArray();
            var leniency = j.Value.Average(s => (double)s.Total - entryMean[s.EntryId]);
            return new JudgeStats(j.Key, totals.Length, totals.Average(), StdDev(totals), leniency);
        }).OrderBy(j => j.JudgeId, StringComparer.Ordinal).ToList();

        var canNormalise = judges.Count > 1 && judges.All(j => j.Sheets >= minimumSheetsPerJudge && j.StdDev > 0);
        var stats = judges.ToDictionary(j => j.JudgeId);
        var all = sheets.Select(s => (double)s.Total).ToArray();
        double panelMean = all.Length > 0 ? all.Average() : 0, panelStd = StdDev(all);

        var sheetsByEntry = sheets.ToLookup(s => s.EntryId);
        var entries = byEntry.Select(e =>
        {
            double? normalised = null;
            if (canNormalise)
            {
                var z = sheetsByEntry[e.Key].Average(s => ((double)s.Total - stats[s.JudgeId].Mean) / stats[s.JudgeId].StdDev);
                normalised = panelMean + panelStd * z;
            }
            var std = StdDev(e.Value);
            return new EntryFairness(e.Key, e.Value.Length, e.Value.Average(), normalised, e.Value.Max() - e.Value.Min(), std,
                e.Value.Length > 1 && std >= DisputedStdDev);
        }).OrderByDescending(e => e.StdDev).ToList();

        return new FairnessReport(judges, entries, Agreement(byJudge), canNormalise, minimumSheetsPerJudge);
    }

    /// <summary>Mean Pearson correlation over every pair of judges with at least three entries in common.</summary>
    private static double? Agreement(Dictionary<string, List<SheetTotals>> byJudge)
    {
        var ids = byJudge.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var correlations = new List<double>();
        for (var a = 0; a < ids.Count; a++)
            for (var b = a + 1; b < ids.Count; b++)
            {
                var other = byJudge[ids[b]].ToDictionary(s => s.EntryId, s => (double)s.Total);
                var pairs = byJudge[ids[a]].Where(s => other.ContainsKey(s.EntryId)).Select(s => ((double)s.Total, other[s.EntryId])).ToList();
                if (pairs.Count < 3) continue;
                var r = Pearson(pairs);
                if (r is { } value) correlations.Add(value);
            }
        return correlations.Count == 0 ? null : correlations.Average();
    }

    private static double? Pearson(IReadOnlyList<(double X, double Y)> pairs)
    {
        double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Population standard deviation: the sheets are all there is, not a sample of a larger jury.</summary>
    public static double StdDev(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
