using Bunit;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Contests.Dossiers;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Tests.Data;
using MudBlazor;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>Returning or rejecting a dossier (TT 26/2014 Điều 12) is asked in a MudDialog that names the dossier and the reason.</summary>
public sealed class ReviewPanelTests : SignedInComponentContext
{
    private UserScope _staff = null!;
    private Guid _entryId;

    protected override IEnumerable<Type> AppServices => [typeof(EntryService), typeof(GeographyService)];

    protected override async Task<UserScope> ArrangeAsync()
    {
        var contest = new ContestWorld(World);
        _staff = await World.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(_staff, ContestLevel.Commune, "T4201");
        var producer = await World.ProducerAsync("T4201", "HTX Hộp Thoại");
        _entryId = await contest.SubmittedEntryAsync(producer, round, await World.ProductAsync(producer, "Chổi đót hộp thoại"));
        return _staff;
    }

    private async Task<Entry> EntryAsync() => (await Host.Get<EntryService>().GetAsync(_staff, _entryId))!.Entry;

    [Fact]
    public async Task ARejectionIsAskedInRedWithItsReasonAndCancellingChangesNothing()
    {
        var provider = Render<MudDialogProvider>();
        var changed = new List<string>();
        var view = (await Host.Get<EntryService>().GetAsync(_staff, _entryId))!;
        var panel = Render<ReviewPanel>(p => p.Add(x => x.View, view).Add(x => x.OnChanged, m => changed.Add(m)));
        panel.Find("#reject-reason").Change(nameof(IneligibilityReason.NotSelfMade));

        var asking = panel.Find("[data-testid=reject]").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=reject-confirm]")));
        Assert.Contains("Chổi đót hộp thoại", provider.Find("#confirm-message").TextContent);
        Assert.Contains(EnumText.Of(IneligibilityReason.NotSelfMade), provider.Find("[data-testid=confirm-dialog]").TextContent);
        Assert.Contains("mud-button-filled-error", provider.Find("[data-testid=reject-confirm]").ClassName);
        await provider.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await asking;
        Assert.Equal((EntryState.Submitted, 0), ((await EntryAsync()).State, changed.Count));

        asking = panel.Find("[data-testid=reject]").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=reject-confirm]")));
        await provider.Find("[data-testid=reject-confirm]").ClickAsync(new());
        await asking;
        panel.WaitForAssertion(() => Assert.Single(changed));
        var entry = await EntryAsync();
        Assert.Equal((EntryState.Rejected, IneligibilityReason.NotSelfMade), (entry.State, entry.RejectionReason));
    }
}
