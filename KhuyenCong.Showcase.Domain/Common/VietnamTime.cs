namespace KhuyenCong.Showcase.Common;

/// <summary>
/// The country's clock: every "today" of the contest (registration open, deadlines, certificate validity) is the date
/// in Asia/Ho_Chi_Minh, whatever zone the server runs in. One place over <see cref="TimeProvider"/>, so that tests move
/// time with a fake provider and nothing reads the machine's own zone or <see cref="DateTime.Now"/>.
/// </summary>
public static class VietnamTime
{
    /// <summary>Asia/Ho_Chi_Minh from the system's zone data; UTC+7 without daylight saving (none since 1975) where it lacks it.</summary>
    public static readonly TimeZoneInfo Zone = Find();

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The instant as Vietnamese wall-clock time.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The date the instant falls on in Vietnam.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>Nine in the morning of <paramref name="day"/> in Vietnam: a working moment of that date, for demo data and tests.</summary>
    public static DateTimeOffset MorningOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(9, 0))));

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
