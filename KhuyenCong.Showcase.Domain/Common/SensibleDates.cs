using System.Globalization;
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

    /// <param name="field">The command property the date is entered in (see <see cref="DomainException.Field"/>).</param>
    public static DateOnly Check(DateOnly date, string? field = null) =>
        date < Earliest || date > Latest
            ? throw new DomainException(string.Format(CultureInfo.CurrentCulture, Messages.DateOutOfRange,
                date.ToString("dd/MM/yyyy"), Earliest.ToString("dd/MM/yyyy"), Latest.ToString("dd/MM/yyyy")), field)
            : date;

    public static DateOnly? Check(DateOnly? date, string? field = null) => date is { } d ? Check(d, field) : null;
}
