using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Common;

/// <summary>
/// Dates people type — a registration, a paper's issue or expiry, a decision, a schedule — are kept within sense:
/// 01/01/0001 is a slip of the date picker, not a date. The bounds are generous on purpose (no rule of the
/// regulation is implied): the oldest cooperatives date from the 1950s, and nothing here plans beyond 2100.
/// </summary>
public static class SensibleDates
{
    public static readonly DateOnly Earliest = new(1950, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static DateOnly Check(DateOnly date) =>
        date < Earliest || date > Latest
            ? throw DomainException.Of(Messages.DateOutOfRange, date.ToString("dd/MM/yyyy"), Earliest.ToString("dd/MM/yyyy"), Latest.ToString("dd/MM/yyyy"))
            : date;

    public static DateOnly? Check(DateOnly? date) => date is { } d ? Check(d) : null;
}
