using Bunit;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Data;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>
/// The staff's producer list on MudDataGrid, over the real services and a real SQLite file: the grid's state
/// becomes one <c>PageRequest</c> (page, size, sort column), the page and its total come from the database, and the
/// pager speaks Vietnamese through the app's MudLocalizer.
/// </summary>
public sealed class ProducerGridTests : SignedInComponentContext
{
    protected override IEnumerable<Type> AppServices => [typeof(ProducerService), typeof(GeographyService)];

    protected override async Task<UserScope> ArrangeAsync()
    {
        for (var i = 1; i <= 23; i++) await World.ProducerAsync("T4201", $"Cơ sở {i:00}");
        await World.ProducerAsync("T4201", "Đồ gỗ Thái Yên");
        return await World.UserAsync(Roles.ProvinceStaff, "42");
    }

    [Fact]
    public void TheFirstPageComesFromTheDatabaseWithTheTotalAndSortsOnTheServer()
    {
        Render<MudPopoverProvider>();
        var page = Render<ProducersPage>();
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("[data-testid=producer-grid] tbody tr.mud-table-row").Count));
        Assert.Contains("1–20 trong 24", page.Markup);
        Assert.Contains("Số dòng mỗi trang", page.Markup);
        Assert.Equal("Cơ sở 01", FirstName(page));

        // The name column sorts by the folded key in the database: "Đồ gỗ" with the D's, after "Cơ sở …" either way round.
        page.FindAll("th .column-header .sortable-column-header").First().Click();
        page.WaitForAssertion(() => Assert.Equal("Cơ sở 01", FirstName(page)));
        page.FindAll("th .column-header .sortable-column-header").First().Click();
        page.WaitForAssertion(() => Assert.Equal("Đồ gỗ Thái Yên", FirstName(page)));

        // The search waits out a 250 ms debounce and then a database query: 10 s leaves room for a machine busy with the
        // browser tests running beside this one (3 s was once not enough there), and the assertion is the same.
        page.Find("#producer-search").Input("do go");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=producer-grid] tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        Assert.Equal("Đồ gỗ Thái Yên", FirstName(page));

        page.Find("#producer-search").Input("khong co");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-producers]")), TimeSpan.FromSeconds(10));
    }

    /// <summary>Prerendered (no circuit yet), the grid already holds the first page's rows, without a pager.</summary>
    [Fact]
    public void ThePrerenderedPageAlreadyHoldsTheFirstPageOfRows()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        Render<MudPopoverProvider>();
        var page = Render<ProducersPage>();
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("[data-testid=producer-grid] tbody tr.mud-table-row").Count));
        Assert.Equal("Cơ sở 01", FirstName(page));
        Assert.DoesNotContain("trong 24", page.Markup); // the pager and its total come with the circuit
    }

    private static string FirstName(IRenderedComponent<ProducersPage> page) =>
        page.FindAll("[data-testid=producer-grid] tbody tr.mud-table-row").First().QuerySelector("td")!.TextContent.Trim();
}
