using System.Globalization;
using System.Runtime.CompilerServices;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

internal static class TestCulture
{
    /// <summary>The product speaks Vietnamese by default; tests read its messages as a Vietnamese user would.</summary>
    [ModuleInitializer]
    internal static void UseVietnamese()
    {
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        CultureInfo.DefaultThreadCurrentCulture = vietnamese;
        CultureInfo.DefaultThreadCurrentUICulture = vietnamese;
        CultureInfo.CurrentCulture = vietnamese;
        CultureInfo.CurrentUICulture = vietnamese;
    }
}
