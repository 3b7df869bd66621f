using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace KhuyenCong.Showcase.Components.Layout;

/// <summary>The session's language (Vietnamese unless the person switched) and the link that switches it.</summary>
public static class UiCulture
{
    public static bool IsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";

    /// <summary>The /culture/{culture} endpoint, coming back to the page the person is on.</summary>
    public static string SwitchLink(NavigationManager navigation, string culture) =>
        $"culture/{culture}?returnUrl={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";
}
