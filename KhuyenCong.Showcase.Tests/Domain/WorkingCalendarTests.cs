using System.Globalization;
using KhuyenCong.Showcase.Contests;
using LunarDate = KhuyenCong.Showcase.Contests.VietnameseLunarCalendar.LunarDate;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    // Not 3/2, the Chinese date: that new moon falls shortly before midnight Hanoi time on 2/2/2030.
    [InlineData(2030, "2030-02-02")]
    public void NewYearShouldFallOnTheKnownTetDate(int lunarYear, string expected)
    {
        var tet = VietnameseLunarCalendar.NewYear(lunarYear);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), tet);
        Assert.Equal(new LunarDate(1, 1, lunarYear, false), VietnameseLunarCalendar.ToLunar(tet));
    }

    [Theory]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void HungKingsCommemorationShouldFallOnTheKnownDate(int lunarYear, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.ToSolar(10, 3, lunarYear));

    [Theory]
    // A new moon between 23:00 and 24:00 Hanoi time starts the month a day earlier in Vietnam than in China.
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    [InlineData(2053, "2053-02-18", "2053-02-19")]
    // The hour's difference around the December 1984 new moon and solstice set the two calendars a whole month apart.
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    public void TetShouldFollowHanoiTimeNotTheChineseCalendar(int year, string vietnamese, string chinese)
    {
        var chineseNewYear = new ChineseLunisolarCalendar().ToDateTime(year, 1, 1, 0, 0, 0, 0);
        Assert.Equal(DateOnly.Parse(chinese, CultureInfo.InvariantCulture), DateOnly.FromDateTime(chineseNewYear));
        Assert.Equal(DateOnly.Parse(vietnamese, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));
    }

    [Theory]
    [InlineData(2020, 4, "2020-05-23", "2020-06-21")]
    [InlineData(2023, 2, "2023-03-22", "2023-04-20")]
    [InlineData(2025, 6, "2025-07-25", "2025-08-23")]
    public void LeapMonthShouldRepeatTheKnownMonth(int lunarYear, int month, string firstDay, string dayAfterLastDay)
    {
        var start = DateOnly.Parse(firstDay, CultureInfo.InvariantCulture);
        var next = DateOnly.Parse(dayAfterLastDay, CultureInfo.InvariantCulture);
        Assert.Equal(start, VietnameseLunarCalendar.ToSolar(1, month, lunarYear, leapMonth: true));
        Assert.Equal(new LunarDate(1, month, lunarYear, true), VietnameseLunarCalendar.ToLunar(start));
        Assert.Equal(new LunarDate(1, month + 1, lunarYear, false), VietnameseLunarCalendar.ToLunar(next));
        Assert.Equal(month, LeapMonthOf(lunarYear));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    public void CommonYearShouldHaveNoLeapMonth(int lunarYear) => Assert.Null(LeapMonthOf(lunarYear));

    [Fact]
    public void LeapMonthElevenOf2033ShouldBeRecognised() => Assert.Equal(11, LeapMonthOf(2033));

    [Fact]
    public void DayBeforeTet2025ShouldBeTheTwentyNinthOfTheTwelfthMonth() =>
        // Tháng Chạp of Giáp Thìn had 29 days: there was no "30 Tết" in 2025.
        Assert.Equal(new LunarDate(29, 12, 2024, false), VietnameseLunarCalendar.ToLunar(new DateOnly(2025, 1, 28)));

    [Fact]
    public void EveryDayFrom2000To2040ShouldRoundTripAndAdvanceTheLunarDateByOne()
    {
        var previous = VietnameseLunarCalendar.ToLunar(new DateOnly(1999, 12, 31));
        for (var day = new DateOnly(2000, 1, 1); day.Year <= 2040; day = day.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(day);
            Assert.Equal(day, VietnameseLunarCalendar.ToSolar(lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth));

            // Checked independently of ToSolar, so a wrong ToLunar cannot hide behind a matching wrong inverse.
            if (lunar.Day > 1)
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }
            else
            {
                Assert.InRange(previous.Day, 29, 30);
                if (lunar.IsLeapMonth)
                    Assert.Equal(new LunarDate(1, previous.Month, previous.Year, true), lunar);
                else if (previous.Month == 12)
                    Assert.Equal(new LunarDate(1, 1, previous.Year + 1, false), lunar);
                else
                    Assert.Equal(new LunarDate(1, previous.Month + 1, previous.Year, false), lunar);
            }

            previous = lunar;
        }
    }

    [Fact]
    public void LeapFlagOnAMonthThatIsNotLeapShouldBeRejected() =>
        Assert.Throws<ArgumentException>("leapMonth", () => VietnameseLunarCalendar.ToSolar(1, 3, 2023, leapMonth: true));

    [Fact]
    public void ThirtiethDayOfATwentyNineDayMonthShouldBeRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>("lunarDay", () => VietnameseLunarCalendar.ToSolar(30, 12, 2024));

    [Fact]
    public void YearsOutsideTheSupportedRangeShouldBeRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("lunarYear", () => VietnameseLunarCalendar.NewYear(1899));
        Assert.Throws<ArgumentOutOfRangeException>("solar", () => VietnameseLunarCalendar.ToLunar(new DateOnly(2200, 1, 1)));
    }

    private static int? LeapMonthOf(int lunarYear)
    {
        var end = VietnameseLunarCalendar.NewYear(lunarYear + 1);
        for (var day = VietnameseLunarCalendar.NewYear(lunarYear); day < end; day = day.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(day);
            if (lunar.IsLeapMonth)
                return lunar.Month;
        }

        return null;
    }
}

public sealed class WorkingCalendarTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void DefaultsFor2026ShouldListTheStatutoryDaysAndTheCompensatoryMonday()
    {
        Holiday[] expected =
        [
            new(D(2026, 1, 1), "Tết Dương lịch"),
            // Mùng 1 is Tue 17/2, so the last day of Ất Tỵ is Mon 16/2 and mùng 4 is Fri 20/2: no weekend day, no nghỉ bù.
            new(D(2026, 2, 16), "Tết Nguyên đán"),
            new(D(2026, 2, 17), "Tết Nguyên đán"),
            new(D(2026, 2, 18), "Tết Nguyên đán"),
            new(D(2026, 2, 19), "Tết Nguyên đán"),
            new(D(2026, 2, 20), "Tết Nguyên đán"),
            // 10/3 Bính Ngọ is Sun 26/4, so Mon 27/4 is off instead.
            new(D(2026, 4, 26), "Giỗ Tổ Hùng Vương"),
            new(D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương"),
            new(D(2026, 4, 30), "Ngày Chiến thắng 30/4"),
            new(D(2026, 5, 1), "Quốc tế Lao động 1/5"),
            new(D(2026, 9, 1), "Quốc khánh 2/9"),
            new(D(2026, 9, 2), "Quốc khánh 2/9"),
        ];
        Assert.Equal(expected, VietnameseHolidays.Defaults(2026));
    }

    [Fact]
    public void WeekendHolidaysIn2023ShouldEachGetTheirOwnCompensatoryDay()
    {
        var defaults = VietnameseHolidays.Defaults(2023);

        // Sun 1/1 → Mon 2/1.
        Assert.Contains(new Holiday(D(2023, 1, 2), "Nghỉ bù Tết Dương lịch"), defaults);
        // Tết runs Sat 21/1 – Wed 25/1; its Saturday and Sunday are made up on Thu 26/1 and Fri 27/1.
        Assert.Contains(new Holiday(D(2023, 1, 26), "Nghỉ bù Tết Nguyên đán"), defaults);
        Assert.Contains(new Holiday(D(2023, 1, 27), "Nghỉ bù Tết Nguyên đán"), defaults);
        // Giỗ Tổ Sat 29/4 and 30/4 Sun, then 1/5 Mon is itself a holiday: the two nghỉ bù are Tue 2/5 and Wed 3/5,
        // the 29/4–3/5 break the government did announce for 2023.
        Assert.Contains(new Holiday(D(2023, 5, 2), "Nghỉ bù Giỗ Tổ Hùng Vương"), defaults);
        Assert.Contains(new Holiday(D(2023, 5, 3), "Nghỉ bù Ngày Chiến thắng 30/4"), defaults);
        // 1/9 Fri, 2/9 Sat → Mon 4/9.
        Assert.Contains(new Holiday(D(2023, 9, 4), "Nghỉ bù Quốc khánh 2/9"), defaults);
        Assert.Equal(11 + 6, defaults.Count);
    }

    [Fact]
    public void EveryYearShouldHaveElevenStatutoryDaysAndOneWeekdayOffPerWeekendHoliday()
    {
        for (var year = 2000; year <= 2100; year++)
        {
            var defaults = VietnameseHolidays.Defaults(year);
            var compensatory = defaults.Where(h => h.Name.StartsWith("Nghỉ bù ", StringComparison.Ordinal)).ToList();
            var statutory = defaults.Except(compensatory).ToList();

            Assert.Equal(11, statutory.Count);
            Assert.Equal(statutory.Count(h => IsWeekend(h.Date)), compensatory.Count);
            Assert.All(compensatory, h => Assert.False(IsWeekend(h.Date)));
            Assert.Equal(defaults.Count, defaults.Select(h => h.Date).Distinct().Count());
            Assert.All(defaults, h => Assert.Equal(year, h.Date.Year));
            Assert.Equal(defaults.OrderBy(h => h.Date), defaults);
        }
    }

    [Fact]
    public void FifteenWorkingDaysAfterAnnouncementShouldSkipTet()
    {
        var calendar = WorkingCalendar.WithDefaults(2026, 2026);
        var announced = D(2026, 2, 6); // Friday

        // Mon 9 – Fri 13/2 are days 1–5; Sat 14 – Sun 22/2 is weekend + Tết (16–20/2) + weekend;
        // Mon 23 – Fri 27/2 are days 6–10; Mon 2 – Fri 6/3 are days 11–15.
        Assert.Equal(D(2026, 3, 6), calendar.AddWorkingDays(announced, 15));
        Assert.Equal(15, calendar.WorkingDaysBetween(announced, D(2026, 3, 6)));
        Assert.False(calendar.IsWorkingDay(D(2026, 2, 16)));
        Assert.False(calendar.IsWorkingDay(D(2026, 2, 20)));
        Assert.True(calendar.IsWorkingDay(D(2026, 2, 23)));
    }

    [Fact]
    public void OneWorkingDayAfterTheFridayBeforeVictoryDayShouldBeTheNextMonday()
    {
        var calendar = WorkingCalendar.WithDefaults(2025, 2025);

        // Sat 26 and Sun 27/4 are weekend; Mon 28/4 is an ordinary working day. The holidays only start on Wed 30/4.
        Assert.Equal(D(2025, 4, 28), calendar.AddWorkingDays(D(2025, 4, 25), 1));
        // Wed 30/4 and Thu 1/5 are off; the default table keeps Fri 2/5 a working day.
        Assert.Equal(D(2025, 5, 2), calendar.AddWorkingDays(D(2025, 4, 29), 1));
    }

    [Fact]
    public void TenWorkingDaysShouldSkipVictoryDayAndLabourDay()
    {
        var calendar = WorkingCalendar.WithDefaults(2025, 2025);

        // From Fri 25/4: Mon 28 (1), Tue 29 (2), [Wed 30/4, Thu 1/5 off], Fri 2/5 (3), Mon 5 – Fri 9/5 (4–8), Mon 12 (9), Tue 13/5 (10).
        Assert.Equal(D(2025, 5, 13), calendar.AddWorkingDays(D(2025, 4, 25), 10));
        Assert.Equal(10, calendar.WorkingDaysBetween(D(2025, 4, 25), D(2025, 5, 13)));
    }

    [Fact]
    public void ExtraWorkingDaysFromTheGovernmentSwapShouldBeHonoured()
    {
        // 2025: Fri 2/5 given off in exchange for working Sat 26/4.
        var calendar = new WorkingCalendar(
            VietnameseHolidays.Defaults(2025).Select(h => h.Date).Append(D(2025, 5, 2)),
            [D(2025, 4, 26)]);

        Assert.True(calendar.IsWorkingDay(D(2025, 4, 26)));
        Assert.False(calendar.IsWorkingDay(D(2025, 5, 2)));
        Assert.Equal(D(2025, 4, 26), calendar.AddWorkingDays(D(2025, 4, 25), 1));
        // Wed 30/4 – Sun 4/5 are all off now.
        Assert.Equal(D(2025, 5, 5), calendar.AddWorkingDays(D(2025, 4, 29), 1));
        // Sat 26 (1), Mon 28 (2), Tue 29 (3), Mon 5 – Fri 9/5 (4–8), Mon 12 (9), Tue 13/5 (10): the swap moves no deadline here.
        Assert.Equal(D(2025, 5, 13), calendar.AddWorkingDays(D(2025, 4, 25), 10));
    }

    [Fact]
    public void ExtraWorkingSaturdayIn2024ShouldCountAsADay()
    {
        // 2024: Mon 29/4 given off in exchange for working Sat 4/5.
        var calendar = new WorkingCalendar(
            VietnameseHolidays.Defaults(2024).Select(h => h.Date).Append(D(2024, 4, 29)),
            [D(2024, 5, 4)]);

        // From Fri 26/4: Sat 27 – Wed 1/5 are off, Thu 2/5 is the first working day.
        Assert.Equal(D(2024, 5, 2), calendar.AddWorkingDays(D(2024, 4, 26), 1));
        // From Fri 3/5 the next working day is the Saturday itself, then Mon 6/5.
        Assert.Equal(D(2024, 5, 4), calendar.AddWorkingDays(D(2024, 5, 3), 1));
        Assert.Equal(D(2024, 5, 6), calendar.AddWorkingDays(D(2024, 5, 3), 2));
        Assert.Equal(2, calendar.WorkingDaysBetween(D(2024, 5, 3), D(2024, 5, 6)));
    }

    [Fact]
    public void NationalDayShouldTakeMondayAndTuesdayOffIn2025()
    {
        var calendar = WorkingCalendar.WithDefaults(2025, 2025);

        // Fri 29/8, then Sat 30, Sun 31/8, Mon 1/9, Tue 2/9 off: Wed 3/9 is the first working day.
        Assert.Equal(D(2025, 9, 3), calendar.AddWorkingDays(D(2025, 8, 29), 1));
        // Wed 3 (1), Thu 4 (2), Fri 5 (3), Mon 8 – Fri 12 (4–8), Mon 15 (9), Tue 16/9 (10).
        Assert.Equal(D(2025, 9, 16), calendar.AddWorkingDays(D(2025, 8, 29), 10));
    }

    [Fact]
    public void StaffCorrectionMovingTheAdjacentDayToThirdSeptemberShouldBeHonoured()
    {
        var holidays = VietnameseHolidays.Defaults(2025).Select(h => h.Date)
            .Where(d => d != D(2025, 9, 1))
            .Append(D(2025, 9, 3));
        var calendar = new WorkingCalendar(holidays);

        // Mon 1/9 is worked, Tue 2 and Wed 3/9 are off.
        Assert.Equal(D(2025, 9, 1), calendar.AddWorkingDays(D(2025, 8, 29), 1));
        Assert.Equal(D(2025, 9, 4), calendar.AddWorkingDays(D(2025, 8, 29), 2));
    }

    [Fact]
    public void NewYearOnASundayShouldGiveTheMondayOff()
    {
        var calendar = WorkingCalendar.WithDefaults(2022, 2023);

        Assert.False(calendar.IsWorkingDay(D(2023, 1, 2)));
        // Fri 30/12/2022, then Sat 31/12, Sun 1/1 (Tết Dương lịch), Mon 2/1 (nghỉ bù): Tue 3/1 is next.
        Assert.Equal(D(2023, 1, 3), calendar.AddWorkingDays(D(2022, 12, 30), 1));
    }

    [Theory]
    [InlineData(2026, 3, 4)] // Wednesday
    [InlineData(2026, 3, 7)] // Saturday
    [InlineData(2026, 2, 17)] // mùng 1 Tết
    public void AddingZeroWorkingDaysShouldReturnTheStartItself(int year, int month, int day)
    {
        var calendar = WorkingCalendar.WithDefaults(2026, 2026);
        Assert.Equal(D(year, month, day), calendar.AddWorkingDays(D(year, month, day), 0));
    }

    [Fact]
    public void NegativeWorkingDaysShouldBeRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>("days", () => WorkingCalendar.WithDefaults(2026, 2026).AddWorkingDays(D(2026, 3, 4), -1));

    [Fact]
    public void DayThatIsBothHolidayAndExtraWorkingDayShouldBeRejected() =>
        Assert.Throws<ArgumentException>("extraWorkingDays", () => new WorkingCalendar([D(2025, 4, 26)], [D(2025, 4, 26)]));

    [Fact]
    public void WorkingDaysBetweenShouldExcludeFromAndIncludeTo()
    {
        var calendar = WorkingCalendar.WithDefaults(2026, 2026);

        Assert.Equal(0, calendar.WorkingDaysBetween(D(2026, 3, 4), D(2026, 3, 4)));
        Assert.Equal(1, calendar.WorkingDaysBetween(D(2026, 3, 4), D(2026, 3, 5)));
        Assert.Equal(0, calendar.WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 8))); // Fri → Sun
        Assert.Equal(1, calendar.WorkingDaysBetween(D(2026, 3, 7), D(2026, 3, 9))); // Sat → Mon
        Assert.Equal(-1, calendar.WorkingDaysBetween(D(2026, 3, 5), D(2026, 3, 4)));
    }

    [Fact]
    public void WorkingDaysBetweenShouldAgreeWithAddWorkingDaysForRandomPairs()
    {
        var calendar = WorkingCalendar.WithDefaults(2024, 2028);
        var random = new Random(20260217);
        var first = D(2024, 1, 1).DayNumber;

        for (var i = 0; i < 500; i++)
        {
            var start = DateOnly.FromDayNumber(first + random.Next(3 * 365));
            var days = random.Next(0, 60);
            var end = calendar.AddWorkingDays(start, days);
            Assert.Equal(days, calendar.WorkingDaysBetween(start, end));
            if (days > 0)
                Assert.True(calendar.IsWorkingDay(end));

            var other = DateOnly.FromDayNumber(start.DayNumber + random.Next(0, 90));
            var between = calendar.WorkingDaysBetween(start, other);
            Assert.True(calendar.AddWorkingDays(start, between) <= other);
            Assert.True(calendar.AddWorkingDays(start, between + 1) > other);
            Assert.Equal(-between, calendar.WorkingDaysBetween(other, start));
        }
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
