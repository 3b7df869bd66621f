using Bunit;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Contests.Rounds;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The criteria editor keeps the groups' sums in view: 40/40/10/10 (TT 26/2014 Phụ lục 4), sub-criteria free.</summary>
public sealed class CriteriaEditorTests : BunitContext
{
    private IRenderedComponent<CriteriaEditor> RenderEditor(List<CriterionLine> lines) => Render<CriteriaEditor>(p => p.Add(x => x.Lines, lines));

    private static string Subtotal(IRenderedComponent<CriteriaEditor> editor, int group) =>
        editor.FindAll("[data-testid=criteria-subtotals] li")[group - 1].QuerySelector("strong")!.TextContent;

    [Fact]
    public void TheRegulationsSheetShowsEveryGroupAtItsSum()
    {
        var editor = RenderEditor(CriterionLine.From(CriteriaTemplates.Regulation));
        Assert.Equal(["40 / 40", "40 / 40", "10 / 10", "10 / 10"], Enumerable.Range(1, 4).Select(g => Subtotal(editor, g)));
        Assert.Equal("100 / 100", editor.Find("[data-testid=criteria-subtotals] li.total strong").TextContent);
        Assert.Empty(editor.FindAll(".badge-bad"));
        Assert.True(editor.Find("[data-testid=template-regulation]").HasAttribute("checked"));
    }

    [Fact]
    public void AGroupOffItsSumIsFlaggedAsTheNumberIsTyped()
    {
        var lines = CriterionLine.From(CriteriaTemplates.Regulation);
        var editor = RenderEditor(lines);
        editor.Find("input[aria-label='Điểm tối đa 1']").Change("35");
        Assert.Equal("35 / 40", Subtotal(editor, 1));
        Assert.Equal("95 / 100", editor.Find("[data-testid=criteria-subtotals] li.total strong").TextContent);
        Assert.Single(editor.FindAll(".badge-bad"));
        Assert.False(editor.Find("[data-testid=template-regulation]").HasAttribute("checked"));

        // A sub-criterion of 5 in the market group brings it back to 40.
        editor.Find("[data-testid=add-criterion]").Click();
        var added = lines.Last();
        Assert.Equal((CriterionGroup.Other, 5m), (added.Group, added.MaxPoints));
        editor.FindAll("select")[^1].Change(nameof(CriterionGroup.Market));
        Assert.Equal("40 / 40", Subtotal(editor, 1));
        Assert.Empty(editor.FindAll(".badge-bad"));
    }

    [Fact]
    public void ChoosingTheDetailedTemplateReplacesTheLines()
    {
        var lines = CriterionLine.From(CriteriaTemplates.Regulation);
        var editor = RenderEditor(lines);
        editor.Find("[data-testid=template-detailed]").Change(true);
        Assert.Equal(CriteriaTemplates.Detailed.Select(c => c.Code), lines.Select(l => l.Code));
        Assert.Equal("100 / 100", editor.Find("[data-testid=criteria-subtotals] li.total strong").TextContent);
    }

    [Fact]
    public void AFrozenSheetIsReadOnly()
    {
        var editor = Render<CriteriaEditor>(p => p.Add(x => x.Lines, CriterionLine.From(CriteriaTemplates.Regulation)).Add(x => x.ReadOnly, true));
        Assert.Empty(editor.FindAll("input"));
        Assert.Contains("đã chốt", editor.Markup);
    }
}
