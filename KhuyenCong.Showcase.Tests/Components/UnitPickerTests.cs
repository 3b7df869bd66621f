using Bunit;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Tests.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The unit picker, on the real geography service over a real SQLite file with sample communes.</summary>
public sealed class UnitPickerTests : BunitContext, IAsyncLifetime
{
    private ShowcaseHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ShowcaseHost.CreateAsync(DbKind.Sqlite);
        await Scenario.CreateAsync(_host);
        Services.AddSingleton(_host.Get<GeographyService>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void AProvinceThenACommuneAreChosenAndEachIsReported()
    {
        var chosen = new List<Guid?>();
        var picker = Render<UnitPicker>(p => p.Add(x => x.ValueChanged, v => chosen.Add(v)));
        var provinces = picker.FindAll("#unit-province option").Select(o => o.TextContent).ToList();
        Assert.Equal(35, provinces.Count); // "choose" and the 34 provinces after the 2025 reform
        Assert.Contains("42 — Hà Tĩnh", provinces);
        Assert.DoesNotContain(provinces, p => p.Contains("Hải Dương"));

        var haTinh = picker.FindAll("#unit-province option").Single(o => o.TextContent == "42 — Hà Tĩnh").GetAttribute("value")!;
        picker.Find("#unit-province").Change(haTinh);
        var communes = picker.FindAll("#unit-commune option").Select(o => o.TextContent).ToList();
        Assert.Contains("Xã thử Thạch Hà (dữ liệu mẫu)", communes);
        Assert.DoesNotContain("Xã thử Phố Hiến (dữ liệu mẫu)", communes);

        var thachHa = picker.FindAll("#unit-commune option").Single(o => o.TextContent.StartsWith("Xã thử Thạch Hà")).GetAttribute("value")!;
        picker.Find("#unit-commune").Change(thachHa);
        Assert.Equal([Guid.Parse(haTinh), Guid.Parse(thachHa)], chosen);
    }

    [Fact]
    public async Task AStoredCommuneOpensWithItsProvinceSelected()
    {
        var units = await _host.Get<GeographyService>().DirectoryAsync();
        var thachHa = units.All.Single(u => u.Code == "T4201").Id;
        var picker = Render<UnitPicker>(p => p.Add(x => x.Value, thachHa));
        Assert.Equal(units.ProvinceOf(thachHa)!.Id.ToString(), picker.Find("#unit-province").GetAttribute("value"));
        Assert.Equal(thachHa.ToString(), picker.Find("#unit-commune").GetAttribute("value"));
    }
}
