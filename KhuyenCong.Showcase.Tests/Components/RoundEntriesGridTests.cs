using Bunit;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Contests.Rounds;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Tests.Data;
using MudBlazor;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>
/// The round's dossier table on MudDataGrid over the real services and SQLite file: a page of 20 of the round's 22
/// dossiers with the total, the search without diacritics, and an empty result that says it is the filter's doing
/// and offers to clear it (not the "no dossier yet" of an empty round).
/// </summary>
public sealed class RoundEntriesGridTests : SignedInComponentContext
{
    private Round _round = null!;

    protected override IEnumerable<Type> AppServices => [typeof(EntryService), typeof(GeographyService)];

    protected override async Task<UserScope> ArrangeAsync()
    {
        var contest = new ContestWorld(World);
        var staff = await World.UserAsync(Roles.ProvinceStaff, "42");
        var roundId = await contest.OpenRoundAsync(staff, ContestLevel.Province, "42");
        for (var i = 1; i <= 21; i++)
        {
            var producer = await World.ProducerAsync("T4201", $"Cơ sở {i:00}");
            await contest.SubmittedEntryAsync(producer, roundId, await World.ProductAsync(producer, $"Sản phẩm {i:00}"));
        }
        var carpenter = await World.ProducerAsync("T4202", "Cơ sở Thái Yên");
        await contest.SubmittedEntryAsync(carpenter, roundId, await World.ProductAsync(carpenter, "Đồ gỗ mỹ nghệ"));
        _round = (await Host.Get<RoundService>().FindAsync(staff, roundId))!;
        return staff;
    }

    [Fact]
    public async Task TheFirstPageComesFromTheDatabaseAndAFilterThatMatchesNothingSaysSo()
    {
        Render<MudPopoverProvider>();
        var section = Render<RoundEntriesSection>(p => p.Add(s => s.Round, _round));
        IReadOnlyList<AngleSharp.Dom.IElement> Rows() => section.FindAll("[data-testid=entry-table] tbody tr.mud-table-row");
        section.WaitForAssertion(() => Assert.Equal(20, Rows().Count));
        Assert.Contains("1–20 trong 22", section.Markup);

        // Debounced search, then a database query: room for a busy machine.
        section.Find("#entry-search").Input("do go");
        section.WaitForAssertion(() => Assert.Single(Rows()), TimeSpan.FromSeconds(10));
        Assert.Contains("Đồ gỗ mỹ nghệ", Rows()[0].TextContent);

        section.Find("#entry-search").Input("khong co");
        section.WaitForAssertion(() => Assert.NotNull(section.Find("[data-testid=no-matching-entries]")), TimeSpan.FromSeconds(10));
        Assert.Empty(section.FindAll("[data-testid=no-entries]"));
        // Found and clicked in one go on the renderer: the grid may render again between a Find and a Click.
        await section.InvokeAsync(() => section.Find("[data-testid=no-matching-entries] button").Click());
        section.WaitForAssertion(() => Assert.Equal(20, Rows().Count), TimeSpan.FromSeconds(10));
    }
}
