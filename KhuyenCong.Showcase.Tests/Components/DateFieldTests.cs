using System.Globalization;
using Bunit;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Resources;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The one date input of the signed-in pages (a MudDatePicker): dd/MM/yyyy typed and shown, in either language.</summary>
public sealed class DateFieldTests : MudComponentContext
{
    public override Task InitializeAsync()
    {
        Render<MudPopoverProvider>();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("en-US")]
    public void ATypedDayIsReadDayFirst(string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            DateOnly? chosen = null;
            var field = Render<DateField>(p => p.Add(x => x.Id, "decision-date").Add(x => x.ValueChanged, v => chosen = v));
            field.Find("#decision-date").Change("05/03/2026");
            Assert.Equal(new DateOnly(2026, 3, 5), chosen);
            field.Find("#decision-date").Change("5/3/2026");
            Assert.Equal(new DateOnly(2026, 3, 5), chosen);
            Assert.Equal("05/03/2026", field.Find("#decision-date").GetAttribute("value"));

            // Impossible text changes nothing and says so.
            field.Find("#decision-date").Change("31/02/2026");
            Assert.Equal(new DateOnly(2026, 3, 5), chosen);
            // The picker validates after the change (MudBlazor runs it off the event), so the mark may come a moment later.
            field.WaitForAssertion(() => Assert.Equal("true", field.Find("#decision-date").GetAttribute("aria-invalid")), TimeSpan.FromSeconds(5));
            Assert.Contains(UiText.Date_Invalid, field.Markup);

            var shown = Render<DateField>(p => p.Add(x => x.Id, "shown").Add(x => x.Value, new DateOnly(2026, 12, 31)));
            Assert.Equal("31/12/2026", shown.Find("#shown").GetAttribute("value"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
