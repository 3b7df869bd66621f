using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

public sealed record CalendarDay(DateOnly Date, string Name, CalendarDayKind Kind, bool Corrected);

/// <summary>The statutory holidays of each year, corrected by staff where the government moved or added days.</summary>
public sealed class CalendarService(IDbContextFactory<ShowcaseDb> dbFactory, TimeProvider clock)
{
    public async Task<WorkingCalendar> CalendarAsync(int fromYear, int toYear, CancellationToken ct = default)
    {
        var days = await DaysAsync(fromYear, toYear, ct);
        return new WorkingCalendar(days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
    }

    /// <summary>Covers every year a deadline starting on <paramref name="from"/> can reach.</summary>
    public Task<WorkingCalendar> CalendarFromAsync(DateOnly from, CancellationToken ct = default) => CalendarAsync(from.Year, from.Year + 1, ct);

    public async Task<IReadOnlyList<CalendarDay>> DaysAsync(int fromYear, int toYear, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear, 12, 31);
        var overrides = await db.Set<CalendarOverride>().AsNoTracking().Where(o => o.Date >= start && o.Date <= end).ToListAsync(ct);
        var byDate = overrides.ToDictionary(o => o.Date);
        var days = new List<CalendarDay>();
        for (var year = fromYear; year <= toYear; year++)
            foreach (var holiday in VietnameseHolidays.Defaults(year).Where(h => !byDate.ContainsKey(h.Date)))
                days.Add(new CalendarDay(holiday.Date, holiday.Name, CalendarDayKind.DayOff, false));
        days.AddRange(overrides.Select(o => new CalendarDay(o.Date, o.Name, o.Kind, true)));
        return [.. days.OrderBy(d => d.Date)];
    }

    public async Task SetAsync(UserScope actor, DateOnly date, CalendarDayKind kind, string name, CancellationToken ct = default)
    {
        if (!actor.IsAdmin && !actor.Roles.Contains(Roles.ProvinceStaff)) throw new AccessDeniedException();
        SensibleDates.Check(date);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<CalendarOverride>().FirstOrDefaultAsync(o => o.Date == date, ct);
        if (existing is not null) db.Remove(existing);
        var entry = new CalendarOverride(date, kind, name);
        db.Add(entry);
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "calendar.set", nameof(CalendarOverride), date.ToString("yyyy-MM-dd"),
            existing is null ? null : new { existing.Kind, existing.Name }, new { entry.Kind, entry.Name }));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(UserScope actor, DateOnly date, CancellationToken ct = default)
    {
        if (!actor.IsAdmin && !actor.Roles.Contains(Roles.ProvinceStaff)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<CalendarOverride>().FirstOrDefaultAsync(o => o.Date == date, ct);
        if (existing is null) return;
        db.Remove(existing);
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "calendar.removed", nameof(CalendarOverride), date.ToString("yyyy-MM-dd"),
            new { existing.Kind, existing.Name }, null));
        await db.SaveChangesAsync(ct);
    }
}
