using System.Globalization;
using KhuyenCong.Showcase.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// MudBlazor's own texts (rows per page, filters, the date picker's buttons, dialogs' close) from the app's
/// resources under their MudBlazor key: Vietnamese by default, MudBlazor's own English once the person switched.
/// Month and day names come from the culture itself (vi-VN or en-US), not from here.
/// </summary>
public sealed class ShowcaseMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            if (!Layout.UiCulture.IsVietnamese) return new(key, key, resourceNotFound: true);
            var value = UiText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);
            return value is null ? new(key, key, resourceNotFound: true) : new(key, value);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound || arguments.Length == 0 ? text : new(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments));
        }
    }
}
