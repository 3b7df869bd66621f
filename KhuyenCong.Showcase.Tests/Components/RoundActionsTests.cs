using Bunit;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Contests.Rounds;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Resources;
using KhuyenCong.Showcase.Tests.Data;
using MudBlazor;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The round's one valid next step (TT 26/2014 Điều 13–17 in order), asked in a MudDialog before it is taken.</summary>
public sealed class RoundActionsTests : SignedInComponentContext
{
    private UserScope _staff = null!;
    private Guid _roundId;

    protected override IEnumerable<Type> AppServices => [typeof(RoundService), typeof(ResultsService), typeof(GeographyService)];

    protected override async Task<UserScope> ArrangeAsync()
    {
        _staff = await World.UserAsync(Roles.ProvinceStaff, "42");
        _roundId = await Host.Get<RoundService>().CreateAsync(_staff,
            ContestWorld.Details(ContestLevel.Province, World.Unit("42"), "Kỳ thử hộp thoại", Host.Today), CriteriaTemplates.Regulation);
        return _staff;
    }

    private async Task<Round> RoundAsync() => (await Host.Get<RoundService>().FindAsync(_staff, _roundId))!;

    [Fact]
    public async Task ADraftOffersOnlyOpeningAndTheDialogCancelsOrOpensIt()
    {
        var provider = Render<MudDialogProvider>();
        var changed = 0;
        var round = await RoundAsync();
        var actions = Render<RoundActions>(p => p.Add(x => x.Round, round).Add(x => x.Changed, _ => changed++));
        var button = Assert.Single(actions.FindAll("[data-testid=round-action]"));
        Assert.Contains("Mở nhận hồ sơ", button.TextContent);

        // Cancel: nothing happens to the round. The click's handler waits for the dialog's answer: it is awaited after answering.
        var asking = actions.Find("[data-testid=round-action]").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=confirm-dialog]")));
        Assert.Contains("Mở nhận hồ sơ", provider.Find(".mud-dialog-title").TextContent + provider.Find("#confirm-message").TextContent);
        await provider.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await asking;
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=confirm-dialog]")));
        Assert.Equal((RoundState.Draft, 0), ((await RoundAsync()).State, changed));

        // Confirm: the round opens, once.
        asking = actions.Find("[data-testid=round-action]").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=round-confirm]")));
        await provider.Find("[data-testid=round-confirm]").ClickAsync(new());
        await asking;
        actions.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(RoundState.OpenForRegistration, (await RoundAsync()).State);
    }

    [Fact]
    public async Task EachStateOffersItsOneStep()
    {
        var round = await RoundAsync();
        var expected = new Dictionary<RoundState, string?>
        {
            [RoundState.Draft] = UiText.Round_Open,
            [RoundState.OpenForRegistration] = UiText.Round_StartReview,
            [RoundState.DossierReview] = UiText.Round_StartJudging,
            [RoundState.Judging] = UiText.Round_ProposeResults,
            [RoundState.ResultsProposed] = UiText.Round_GoToDecision,
            [RoundState.DecisionIssued] = UiText.Round_Close,
            [RoundState.Closed] = null,
        };
        foreach (var (state, label) in expected)
        {
            typeof(Round).GetProperty(nameof(Round.State))!.SetValue(round, state);
            var actions = Render<RoundActions>(p => p.Add(x => x.Round, round));
            if (label is null) Assert.Empty(actions.FindAll("[data-testid=round-action]"));
            else Assert.Contains(label, Assert.Single(actions.FindAll("[data-testid=round-action]")).TextContent);
        }
    }
}
