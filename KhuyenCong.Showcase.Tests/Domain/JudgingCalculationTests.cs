using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class JudgingCalculationTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static SheetTotals Sheet(Guid entry, string judge, decimal market, decimal econ, decimal culture = 8, decimal other = 8) =>
        new(entry, judge, market + econ + culture + other, new Dictionary<CriterionGroup, decimal>
        {
            [CriterionGroup.Market] = market, [CriterionGroup.EconomicTechnical] = econ,
            [CriterionGroup.CultureAesthetics] = culture, [CriterionGroup.Other] = other,
        });

    [Fact]
    public void TheScoreShouldBeTheMeanOfSubmittedSheetsAndPassAtTheMark()
    {
        // A: 76, 79, 70 → 225 / 3 = 75.00 (passes 70). B: 60, 72, 69 → 201 / 3 = 67.00 (fails).
        var sheets = new[]
        {
            Sheet(A, "j1", 30, 30), Sheet(A, "j2", 31, 32), Sheet(A, "j3", 27, 27),
            Sheet(B, "j1", 22, 22), Sheet(B, "j2", 28, 28), Sheet(B, "j3", 26, 27),
        };
        var results = ResultCalculator.Compute([A, B], sheets, 70, 3);
        Assert.Equal((75m, true, 1), (results[0].Mean, results[0].Passed, results[0].Rank));
        Assert.Equal((67m, false, 2), (results[1].Mean, results[1].Passed, results[1].Rank));
    }

    [Fact]
    public void AMeanExactlyAtThePassMarkShouldPass()
    {
        var results = ResultCalculator.Compute([A], [Sheet(A, "j1", 27, 27), Sheet(A, "j2", 27, 27), Sheet(A, "j3", 27, 27)], 70, 3);
        Assert.Equal(70m, results[0].Mean);
        Assert.True(results[0].Passed);
    }

    [Fact]
    public void TiesShouldBeBrokenByTheMarketGroupThenTheEconomicGroup()
    {
        // All three total 80 on average. Market means: A 34, B 32, C 32; economic means: B 34, C 32.
        var sheets = new[]
        {
            Sheet(A, "j1", 34, 30), Sheet(A, "j2", 34, 30),
            Sheet(B, "j1", 32, 32), Sheet(B, "j2", 32, 32),
            Sheet(C, "j1", 32, 30, 10, 8), Sheet(C, "j2", 32, 30, 10, 8),
        };
        var results = ResultCalculator.Compute([C, B, A], sheets, 70, 2);
        Assert.Equal([A, B, C], results.Select(r => r.EntryId));
        Assert.Equal([1, 2, 3], results.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void ACompleteTieShouldShareTheRank()
    {
        var sheets = new[] { Sheet(A, "j1", 30, 30), Sheet(B, "j1", 30, 30), Sheet(C, "j1", 20, 20) };
        var results = ResultCalculator.Compute([A, B, C], sheets, 70, 1);
        Assert.Equal([1, 1, 3], results.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void AnEntryShortOfSheetsShouldBeFlaggedToTheCouncilNotMadeNotPassed()
    {
        // The sheet count is a round setting, not the regulation's (DESIGN "no invented rules"): the entry keeps its
        // mean and rank and is flagged with the reason; the council decides.
        var results = ResultCalculator.Compute([A, B], [Sheet(A, "j1", 35, 35), Sheet(B, "j1", 30, 30), Sheet(B, "j2", 30, 30)], 70, 2);
        var a = results.Single(r => r.EntryId == A);
        Assert.Equal((true, 1, 2), (a.Short, a.Sheets, a.Needed));
        Assert.True(a.Passed);
        Assert.Equal(1, a.Rank);
        Assert.Equal((false, 2), (results.Single(r => r.EntryId == B).Short, results.Single(r => r.EntryId == B).Rank!.Value));
    }

    [Fact]
    public void LeniencyShouldMeasureEachJudgeAgainstThePanel()
    {
        // Entry means: A = (80+70+60)/3 = 70, B = (90+80+70)/3 = 80. Judge j1 is 10 above both, j3 10 below.
        var sheets = new[]
        {
            Sheet(A, "j1", 32, 32, 8, 8), Sheet(A, "j2", 27, 27, 8, 8), Sheet(A, "j3", 22, 22, 8, 8),
            Sheet(B, "j1", 37, 37, 8, 8), Sheet(B, "j2", 32, 32, 8, 8), Sheet(B, "j3", 27, 27, 8, 8),
        };
        var report = FairnessCalculator.Compute(sheets);
        Assert.Equal([10.0, 0.0, -10.0], report.Judges.Select(j => Math.Round(j.Leniency, 6)));
        Assert.Equal([85.0, 75.0, 65.0], report.Judges.Select(j => j.Mean));
        Assert.Equal([5.0, 5.0, 5.0], report.Judges.Select(j => j.StdDev));
        // Two entries in common are too few to measure agreement (three needed).
        Assert.Null(report.Agreement);
        // Two sheets a judge: too few to rescale.
        Assert.False(report.Normalised);
        Assert.All(report.Entries, e => Assert.Null(e.Normalised));
        Assert.Equal(20, report.Entries.Single(e => e.EntryId == A).Spread);
        Assert.Equal(Math.Sqrt(200.0 / 3), report.Entries.Single(e => e.EntryId == A).StdDev, 9);
    }

    [Fact]
    public void ZScoresShouldTakeOutEachJudgesScaleWhenThereAreEnoughSheets()
    {
        // Two judges, five entries: j1 scores 60, 65, 70, 75, 80 and j2 always 20 more, so both give the same z-scores
        // and each normalised total is the panel mean + the panel's standard deviation × z.
        var entries = Enumerable.Range(1, 5).Select(i => Guid.Parse($"00000000-0000-0000-0000-00000000000{i}")).ToArray();
        var j1 = new decimal[] { 60, 65, 70, 75, 80 };
        var sheets = entries.SelectMany((e, i) => new[]
        {
            new SheetTotals(e, "j1", j1[i], new Dictionary<CriterionGroup, decimal>()),
            new SheetTotals(e, "j2", j1[i] + 20, new Dictionary<CriterionGroup, decimal>()),
        }).ToList();
        var report = FairnessCalculator.Compute(sheets);
        Assert.True(report.Normalised);
        // Panel: 10 totals, mean 80, population std = sqrt(150) (j1 var 50 + between-judge var 100).
        // Entry 1: z = (60-70)/√50 = -√2 for both judges → 80 + √150 × (-√2) = 80 - √300.
        var first = report.Entries.Single(e => e.EntryId == entries[0]);
        Assert.Equal(80 - Math.Sqrt(300), first.Normalised!.Value, 9);
        Assert.Equal(70.0, first.RawMean);
        Assert.Equal(1.0, report.Agreement!.Value, 9);
        // Entry means are j1 + 10: j1 is the harsher judge by 10 points, j2 the more lenient.
        Assert.Equal([-10.0, 10.0], report.Judges.Select(j => j.Leniency));
    }

    [Fact]
    public void EntriesWithAWideSpreadShouldBeFlaggedForDiscussion()
    {
        var sheets = new[]
        {
            Sheet(A, "j1", 38, 38), Sheet(A, "j2", 20, 20), Sheet(A, "j3", 30, 30),
            Sheet(B, "j1", 30, 30), Sheet(B, "j2", 31, 30), Sheet(B, "j3", 30, 31),
        };
        var report = FairnessCalculator.Compute(sheets);
        Assert.Equal(A, report.Entries[0].EntryId);
        Assert.True(report.Entries[0].Disputed);
        Assert.False(report.Entries[1].Disputed);
    }
}
