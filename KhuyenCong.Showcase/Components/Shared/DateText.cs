using KhuyenCong.Showcase.Contests;
using System.Globalization;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>Dates as Vietnamese officials write them: dd/MM/yyyy, whatever the UI language.</summary>
public static class DateText
{
    public const string Format = "dd/MM/yyyy";

    public static string Day(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "—";

    /// <summary>Typed text read day first (05/03/2026 or 5/3/2026) with the invariant calendar, whatever the languages.</summary>
    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), [Format, "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The date an instant falls on in Vietnam, whatever the server's zone.</summary>
    public static string Day(DateTimeOffset at) => Common.VietnamTime.Local(at).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>"31/12/2026 (còn 5 ngày làm việc)": a deadline and how far it is.</summary>
    public static string Deadline(Deadline deadline) =>
        $"{Day(deadline.Due)} ({(deadline.Passed ? Resources.UiText.Deadline_Passed : deadline.WorkingDaysLeft == 0 ? Resources.UiText.Deadline_Today
            : string.Format(Resources.UiText.Deadline_DaysLeft, deadline.WorkingDaysLeft))})";

    public static string DeadlineClass(Deadline deadline) =>
        deadline.Passed ? "badge badge-bad" : deadline.WorkingDaysLeft <= 3 ? "badge badge-warning" : "badge badge-info";

    public static string Range(DateOnly from, DateOnly to) => $"{Day(from)} – {Day(to)}";
}
