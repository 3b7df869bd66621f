namespace KhuyenCong.Showcase.Contests;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm.
/// New moons and solar terms are reckoned at UTC+7, the meridian Vietnam has used for its lunar calendar since 1968;
/// China reckons at UTC+8, so <see cref="System.Globalization.ChineseLunisolarCalendar"/> is wrong for Vietnam whenever a
/// new moon falls between 23:00 and 24:00 Hanoi time (Tết 1985: Vietnam 21/1, China 20/2; Tết 2007: Vietnam 17/2, China 18/2).
/// Lunar years are numbered by the solar year in which their mùng 1 Tết falls.
/// </summary>
public static class VietnameseLunarCalendar
{
    public sealed record LunarDate(int Day, int Month, int Year, bool IsLeapMonth);

    // The series below are truncated; outside these years their error can move a new moon across midnight.
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    private const double TimeZone = 7.0;
    private const double SynodicMonth = 29.530588853;
    // Julian day of the mean new moon of 1900-01-01, the origin from which new moons are numbered.
    private const double NewMoonEpoch = 2415021.076998695;
    // DateOnly.DayNumber counts from 0001-01-01 (proleptic Gregorian), which is Julian day 1721426.
    private const int JulianDayOfDayNumberZero = 1721426;

    public static LunarDate ToLunar(DateOnly solar)
    {
        CheckYear(solar.Year, nameof(solar));
        var dayNumber = JulianDay(solar);
        var k = (int)Math.Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1);
        if (monthStart > dayNumber)
            monthStart = NewMoonDay(k);

        // The year is anchored on month 11, the month holding the winter solstice; find the two month-11s around the day.
        var a11 = LunarMonth11(solar.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = solar.Year;
            a11 = LunarMonth11(solar.Year - 1);
        }
        else
        {
            lunarYear = solar.Year + 1;
            b11 = LunarMonth11(solar.Year + 1);
        }

        var day = dayNumber - monthStart + 1;
        var monthsSinceA11 = (monthStart - a11) / 29;
        var month = monthsSinceA11 + 11;
        var isLeap = false;
        // Thirteen new moons between two month-11s (more than 365 days) means one of them is a leap month.
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            if (monthsSinceA11 >= leapOffset)
            {
                month = monthsSinceA11 + 10;
                isLeap = monthsSinceA11 == leapOffset;
            }
        }

        if (month > 12)
            month -= 12;
        // Months 11 and 12 just after a11 still belong to the lunar year that began before it.
        if (month >= 11 && monthsSinceA11 < 4)
            lunarYear--;
        return new LunarDate(day, month, lunarYear, isLeap);
    }

    /// <exception cref="ArgumentOutOfRangeException">The day, month or year is out of range, or the month has only 29 days.</exception>
    /// <exception cref="ArgumentException"><paramref name="leapMonth"/> is set but that month is not leap in that year.</exception>
    public static DateOnly ToSolar(int lunarDay, int lunarMonth, int lunarYear, bool leapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        CheckYear(lunarYear, nameof(lunarYear));

        // Months 11 and 12 of lunar year Y follow the month 11 of solar year Y; months 1–10 precede the one of solar year Y.
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarMonth11(lunarYear - 1);
            b11 = LunarMonth11(lunarYear);
        }
        else
        {
            a11 = LunarMonth11(lunarYear);
            b11 = LunarMonth11(lunarYear + 1);
        }

        var k = (int)Math.Floor(0.5 + (a11 - NewMoonEpoch) / SynodicMonth);
        var offset = lunarMonth - 11;
        if (offset < 0)
            offset += 12;

        var leapOffset = b11 - a11 > 365 ? LeapMonthOffset(a11) : 0;
        if (leapMonth)
        {
            // Offset o from month 11 is month (o + 10) % 12 + 1, and a leap month repeats the number of the month before it.
            var leapMonthNumber = leapOffset == 0 ? 0 : (leapOffset - 1 + 10) % 12 + 1;
            if (leapMonthNumber != lunarMonth)
                throw new ArgumentException(
                    $"Tháng {lunarMonth} năm {lunarYear} âm lịch không phải tháng nhuận.", nameof(leapMonth));
        }

        if (leapOffset > 0 && (leapMonth || offset >= leapOffset))
            offset++;

        var monthStart = NewMoonDay(k + offset);
        var monthLength = NewMoonDay(k + offset + 1) - monthStart;
        if (lunarDay > monthLength)
            throw new ArgumentOutOfRangeException(
                nameof(lunarDay), lunarDay, $"Tháng {lunarMonth} năm {lunarYear} âm lịch chỉ có {monthLength} ngày.");
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    public static DateOnly NewYear(int lunarYear) => ToSolar(1, 1, lunarYear);

    private static void CheckYear(int year, string paramName)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(paramName, year, $"Chỉ hỗ trợ các năm {MinYear}–{MaxYear}.");
    }

    private static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    // Jean Meeus's new-moon series (1900 epoch) truncated to the terms that matter at day resolution, corrected from TT to UT.
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr);
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    // The local civil day (UTC+7) on which the k-th new moon after the epoch occurs: that day is mùng 1.
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZone / 24);

    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    // Which 30° sector (0–11) the sun is in at the start of the local day; a month whose start and end share a sector has no major term.
    private static int SunLongitudeSector(int julianDay) =>
        (int)Math.Floor(SunLongitude(julianDay - 0.5 - TimeZone / 24) / Math.PI * 6);

    // Start (Julian day) of the lunar month 11 — the one containing the winter solstice — that begins in or before December of the year.
    private static int LunarMonth11(int year)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        // Sector 9 starts at 270°, the winter solstice: a new moon already past it starts month 12, so month 11 is the one before.
        return SunLongitudeSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    // Months after a11 until the first one without a major solar term (trung khí); that month is the leap month.
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - NewMoonEpoch) / SynodicMonth + 0.5);
        var i = 1;
        var sector = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = sector;
            i++;
            sector = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (sector != last && i < 14);
        return i - 1;
    }
}
