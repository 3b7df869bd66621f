using Bunit;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The score sheet's line checks what the judge types against the domain's rule (TT 26/2014 Phụ lục 4).</summary>
public sealed class ScoreRowTests : BunitContext
{
    private static readonly RoundCriterion Market = new(Guid.NewGuid(), CriterionGroup.Market, "1", "Thị trường", 40, 0);

    private (IRenderedComponent<ScoreRow> Row, List<decimal?> Saved) RenderRow(decimal? loaded = null)
    {
        var saved = new List<decimal?>();
        var row = Render<ScoreRow>(p => p.Add(x => x.Criterion, Market).Add(x => x.Loaded, loaded).Add(x => x.OnScore, v => saved.Add(v)));
        return (row, saved);
    }

    [Fact]
    public void AScoreAboveTheMaximumIsRefusedWithTheRuleAndNotSaved()
    {
        var (row, saved) = RenderRow();
        row.Find("input").Input("41");
        Assert.Equal("Tiêu chí 1: điểm từ 0 đến 40, bước 0,5.", row.Find("[data-testid=score-error-1]").TextContent);
        Assert.Equal("true", row.Find("input").GetAttribute("aria-invalid"));
        Assert.Empty(saved);
    }

    [Theory]
    [InlineData("8,5", 8.5)]
    [InlineData("8.5", 8.5)]
    [InlineData(" 40 ", 40)]
    [InlineData("0", 0)]
    public void AValidScoreIsSavedWithACommaOrAPoint(string typed, double expected)
    {
        var (row, saved) = RenderRow();
        row.Find("input").Input("abc");
        row.Find("input").Input(typed);
        Assert.Equal([(decimal)expected], saved);
        Assert.Empty(row.FindAll("[data-testid=score-error-1]"));
    }

    [Theory]
    [InlineData("7,3")]
    [InlineData("-1")]
    [InlineData("1e2")]
    [InlineData("mười")]
    public void AnythingElseIsRefused(string typed)
    {
        var (row, saved) = RenderRow();
        row.Find("input").Input(typed);
        Assert.NotEmpty(row.FindAll("[data-testid=score-error-1]"));
        Assert.Empty(saved);
    }

    [Fact]
    public void ClearingTheBoxClearsTheScore()
    {
        var (row, saved) = RenderRow(loaded: 30);
        Assert.Equal("30", row.Find("input").GetAttribute("value"));
        row.Find("input").Input("");
        Assert.Equal([(decimal?)null], saved);
    }
}
