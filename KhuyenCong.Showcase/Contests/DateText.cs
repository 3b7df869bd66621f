using System.Globalization;

namespace KhuyenCong.Showcase.Contests;

/// <summary>Dates as Vietnamese officials write them: dd/MM/yyyy, whatever the UI language.</summary>
public static class DateText
{
    public const string Format = "dd/MM/yyyy";

    public static string Day(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "—";

    public static string Day(DateTimeOffset at, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString(Format, CultureInfo.InvariantCulture);

    public static string Range(DateOnly from, DateOnly to) => $"{Day(from)} – {Day(to)}";
}
