using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// Query-string values are typed by people and by old links: pages take them as text and parse them here, so a
/// wrong value gives the 400 page in Vietnamese (through the page's error boundary) instead of a framework error.
/// </summary>
public static class QueryValues
{
    public static Guid? Guid(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : System.Guid.TryParse(value, out var id) ? id
        : throw DomainException.Of(Messages.BadQueryValue, name);

    public static int? Int(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
        : throw DomainException.Of(Messages.BadQueryValue, name);
}
