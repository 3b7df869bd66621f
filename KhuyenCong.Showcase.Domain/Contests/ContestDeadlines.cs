namespace KhuyenCong.Showcase.Contests;

/// <summary>
/// The time limits of the contest, counted in working days on the calendar of the round's province (national holidays,
/// compensatory days, and the province's own days off or make-up days). Computed from the calendar as it stands, so a
/// correction to the holiday table moves a deadline that has not passed yet.
/// </summary>
public static class ContestDeadlines
{
    /// <summary>"Thời hạn xử lý hồ sơ 30 ngày làm việc" (DESIGN.md, dossier), counted from a complete dossier.</summary>
    public const int ProcessingWorkingDays = 30;

    /// <summary>"15 (mười lăm) ngày làm việc kể từ ngày thông báo kết quả bình chọn" (TT 26/2014 Điều 20.1).</summary>
    public const int ComplaintWorkingDays = 15;

    /// <summary>"10 (mười) ngày làm việc kể từ ngày nhận đơn" (TT 26/2014 Điều 20.2).</summary>
    public const int ResolutionWorkingDays = 10;

    /// <summary>The last day a complaint about a result notified on <paramref name="noticeOn"/> is received in time.</summary>
    public static DateOnly Complaint(DateOnly noticeOn, WorkingCalendar calendar) => calendar.AddWorkingDays(noticeOn, ComplaintWorkingDays);

    /// <summary>The day the council must have resolved a complaint received on <paramref name="receivedOn"/>.</summary>
    public static DateOnly Resolution(DateOnly receivedOn, WorkingCalendar calendar) => calendar.AddWorkingDays(receivedOn, ResolutionWorkingDays);

    /// <summary>The day a dossier completed on <paramref name="completedOn"/> should have its result.</summary>
    public static DateOnly Processing(DateOnly completedOn, WorkingCalendar calendar) => calendar.AddWorkingDays(completedOn, ProcessingWorkingDays);
}

/// <summary>A deadline as people read it: the day, the working days left after today (0 on the day itself), and whether it passed.</summary>
public sealed record Deadline(DateOnly Due, int WorkingDaysLeft, bool Passed)
{
    public static Deadline On(DateOnly due, DateOnly today, WorkingCalendar calendar) =>
        new(due, today >= due ? 0 : calendar.WorkingDaysBetween(today, due), today > due);
}
