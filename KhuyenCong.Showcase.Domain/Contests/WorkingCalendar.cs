namespace KhuyenCong.Showcase.Contests;

public sealed record Holiday(DateOnly Date, string Name);

public static class VietnameseHolidays
{
    /// <summary>
    /// Statutory days off for public bodies under Bộ luật Lao động 2019, Điều 112, as a default table that staff correct
    /// once the government announces the year's actual arrangement:
    /// Tết Dương lịch 1/1; Tết Nguyên đán 5 days (default: the last day of the old lunar year and mùng 1–4);
    /// Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 plus one adjacent day (default 1/9 — the government picks 1/9 or 3/9).
    /// A holiday on a Saturday or Sunday (the weekly rest days of public bodies) gives a compensatory day off, "Nghỉ bù …",
    /// on the next working day (Điều 111.3). Day swaps the government decides (đổi ngày, làm bù) are not predicted.
    /// </summary>
    /// <returns>The holidays and compensatory days of the solar <paramref name="year"/>, in date order.</returns>
    public static IReadOnlyList<Holiday> Defaults(int year)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        var statutory = new List<Holiday> { new(new DateOnly(year, 1, 1), "Tết Dương lịch") };
        for (var offset = -1; offset <= 3; offset++)
            statutory.Add(new(tet.AddDays(offset), "Tết Nguyên đán"));
        statutory.Add(new(VietnameseLunarCalendar.ToSolar(10, 3, year), "Giỗ Tổ Hùng Vương"));
        statutory.Add(new(new DateOnly(year, 4, 30), "Ngày Chiến thắng 30/4"));
        statutory.Add(new(new DateOnly(year, 5, 1), "Quốc tế Lao động 1/5"));
        statutory.Add(new(new DateOnly(year, 9, 1), "Quốc khánh 2/9"));
        statutory.Add(new(new DateOnly(year, 9, 2), "Quốc khánh 2/9"));
        statutory.Sort((x, y) => x.Date.CompareTo(y.Date));

        var daysOff = statutory.Select(h => h.Date).ToHashSet();
        var result = new List<Holiday>(statutory);
        // In date order, so that a later weekend holiday's day off lands after the earlier ones' (29/4–3/5/2023).
        foreach (var holiday in statutory.Where(h => IsWeekend(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || daysOff.Contains(day))
                day = day.AddDays(1);
            daysOff.Add(day);
            result.Add(new(day, $"Nghỉ bù {holiday.Name}"));
        }

        result.Sort((x, y) => x.Date.CompareTo(y.Date));
        return result;
    }

    internal static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

/// <summary>
/// Counts deadlines in working days, as the contest regulation does (complaints within 15 working days of the results,
/// resolution within 10): Saturdays, Sundays and the given holidays are not working days, except the weekend days
/// the government has made working days (làm bù).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _extraWorkingDays;

    /// <param name="holidays">The days off: the defaults as corrected by staff.</param>
    /// <param name="extraWorkingDays">Saturdays and Sundays the government made working days (làm bù).</param>
    /// <exception cref="ArgumentException">A day is both a holiday and an extra working day.</exception>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly>? extraWorkingDays = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [.. holidays];
        _extraWorkingDays = extraWorkingDays is null ? [] : [.. extraWorkingDays];
        var both = _holidays.Intersect(_extraWorkingDays).Order().ToList();
        if (both.Count > 0)
            throw new ArgumentException(
                $"Ngày vừa là ngày nghỉ vừa là ngày làm bù: {string.Join(", ", both.Select(d => d.ToString("dd/MM/yyyy")))}.",
                nameof(extraWorkingDays));
    }

    /// <remarks>Days outside <paramref name="fromYear"/>–<paramref name="toYear"/> know no holidays, only weekends:
    /// cover every year a deadline can reach.</remarks>
    public static WorkingCalendar WithDefaults(int fromYear, int toYear)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromYear, toYear);
        var holidays = Enumerable.Range(fromYear, toYear - fromYear + 1)
            .SelectMany(VietnameseHolidays.Defaults)
            .Select(h => h.Date);
        return new WorkingCalendar(holidays);
    }

    public bool IsWorkingDay(DateOnly day) =>
        _extraWorkingDays.Contains(day) || (!VietnameseHolidays.IsWeekend(day) && !_holidays.Contains(day));

    /// <summary>The day that is <paramref name="days"/> working days after <paramref name="start"/>, which itself is not counted,
    /// so <paramref name="days"/> = 0 gives <paramref name="start"/> even when it is not a working day.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                days--;
        }

        return day;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: <paramref name="from"/> excluded,
    /// <paramref name="to"/> included; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }

        return count;
    }
}
