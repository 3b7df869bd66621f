using Bunit;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Tests.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The unit picker, on the real geography service over a real SQLite file with sample communes.</summary>
public sealed class UnitPickerTests : MudComponentContext
{
    private ShowcaseHost _host = null!;
    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    public override async Task InitializeAsync()
    {
        _host = await ShowcaseHost.CreateAsync(DbKind.Sqlite);
        await Scenario.CreateAsync(_host);
        Services.AddSingleton(_host.Get<GeographyService>());
        _popovers = Render<MudPopoverProvider>();
    }

    /// <summary>What the commune box offers once the words are typed (it waits for the typing to pause).</summary>
    private static IReadOnlyList<string> Offered(IRenderedComponent<UnitPicker> picker, string typed, IRenderedComponent<MudPopoverProvider> popovers)
    {
        picker.Find("#unit-commune").Input(typed);
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")), TimeSpan.FromSeconds(5));
        return [.. popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())];
    }

    /// <summary>Opens the province box and returns what it offers.</summary>
    private async Task<IReadOnlyList<string>> ProvincesOffered(IRenderedComponent<UnitPicker> picker)
    {
        await picker.InvokeAsync(() => picker.FindComponent<MudSelect<Guid?>>().Instance.OpenMenu());
        _popovers.WaitForAssertion(() => Assert.NotEmpty(_popovers.FindAll(".mud-popover-open .mud-list-item")), TimeSpan.FromSeconds(5));
        return [.. _popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())];
    }

    protected override async ValueTask DisposeOwnAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AProvinceThenACommuneAreChosenAndEachIsReported()
    {
        var chosen = new List<Guid?>();
        var picker = Render<UnitPicker>(p => p.Add(x => x.ValueChanged, v => chosen.Add(v)));
        var provinces = await ProvincesOffered(picker);
        Assert.Equal(35, provinces.Count); // "choose" and the 34 provinces after the 2025 reform
        Assert.Contains("42 — Hà Tĩnh", provinces);
        Assert.DoesNotContain(provinces, p => p.Contains("Hải Dương"));

        await _popovers.InvokeAsync(() => _popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "42 — Hà Tĩnh").Click());
        picker.WaitForAssertion(() => Assert.Equal("42 — Hà Tĩnh", picker.Find("#unit-province").GetAttribute("value")));
        _popovers.WaitForAssertion(() => Assert.Empty(_popovers.FindAll(".mud-popover-open")), TimeSpan.FromSeconds(5));
        var haTinh = Assert.Single(chosen)!.Value.ToString();
        Assert.Equal("Hà Tĩnh", (await _host.Get<GeographyService>().DirectoryAsync()).Find(Guid.Parse(haTinh))!.DisplayName);
        // Typed without diacritics, within the province: its sample communes are offered, another province's are not.
        var communes = Offered(picker, "xa thu", _popovers);
        Assert.Contains("Xã thử Thạch Hà (dữ liệu mẫu)", communes);
        Assert.DoesNotContain(communes, c => c.Contains("Phố Hiến"));

        picker.Find("#unit-commune").Input("thach ha");
        _popovers.WaitForAssertion(() => Assert.Equal("Xã thử Thạch Hà (dữ liệu mẫu)",
            Assert.Single(_popovers.FindAll(".mud-popover-open .mud-list-item")).TextContent.Trim()), TimeSpan.FromSeconds(5));
        await _popovers.InvokeAsync(() => _popovers.FindAll(".mud-popover-open .mud-list-item").Single().Click());
        var units = await _host.Get<GeographyService>().DirectoryAsync();
        var thachHa = units.All.Single(u => u.Code == "T4201").Id;
        picker.WaitForAssertion(() => Assert.Equal([Guid.Parse(haTinh), thachHa], chosen));
    }

    [Fact]
    public async Task ACommuneTypedBeforeAnyProvinceIsFoundAcrossProvincesAndSetsItsProvince()
    {
        var units = await _host.Get<GeographyService>().DirectoryAsync();
        var thachHa = units.All.Single(u => u.Code == "T4201").Id;
        Guid? chosen = null;
        var picker = Render<UnitPicker>(p => p.Add(x => x.ValueChanged, v => chosen = v));
        var offered = Offered(picker, "THACH HA", _popovers);
        Assert.Contains("Xã thử Thạch Hà (dữ liệu mẫu) — Hà Tĩnh", offered);
        await _popovers.InvokeAsync(() => _popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains("Thạch Hà")).Click());
        picker.WaitForAssertion(() => Assert.Equal(thachHa, chosen));
        picker.WaitForAssertion(() => Assert.Equal("42 — Hà Tĩnh", picker.Find("#unit-province").GetAttribute("value")));
    }

    [Fact]
    public async Task AStoredCommuneOpensWithItsProvinceSelected()
    {
        var units = await _host.Get<GeographyService>().DirectoryAsync();
        var thachHa = units.All.Single(u => u.Code == "T4201").Id;
        var picker = Render<UnitPicker>(p => p.Add(x => x.Value, thachHa));
        Assert.Equal($"{units.ProvinceOf(thachHa)!.Code} — {units.ProvinceOf(thachHa)!.DisplayName}", picker.Find("#unit-province").GetAttribute("value"));
        Assert.Equal("Xã thử Thạch Hà (dữ liệu mẫu)", picker.Find("#unit-commune").GetAttribute("value"));
    }
}
