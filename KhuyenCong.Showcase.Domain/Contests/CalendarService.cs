using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

/// <param name="ProvinceId">The province whose own correction this is; null for a national day or correction.</param>
public sealed record CalendarDay(DateOnly Date, string Name, CalendarDayKind Kind, bool Corrected, Guid? ProvinceId = null);

/// <summary>
/// The statutory holidays of each year, corrected where the government moved or added days (the national table, edited
/// by administrators only) and where a province gave its own units extra days off or make-up days (edited by that
/// province's staff). A province's correction wins over the national table for that province.
/// </summary>
public sealed class CalendarService(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, TimeProvider clock)
{
    /// <param name="provinceId">The province whose units the calendar is for; null for the national table alone.</param>
    public async Task<WorkingCalendar> CalendarAsync(int fromYear, int toYear, Guid? provinceId = null, CancellationToken ct = default)
    {
        var days = await DaysAsync(fromYear, toYear, provinceId, ct);
        return new WorkingCalendar(days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
    }

    /// <summary>Covers every year a deadline starting on <paramref name="from"/> can reach.</summary>
    public Task<WorkingCalendar> CalendarFromAsync(DateOnly from, Guid? provinceId = null, CancellationToken ct = default) =>
        CalendarAsync(from.Year, from.Year + 1, provinceId, ct);

    /// <summary>
    /// The calendar a round's deadlines are counted on: its province's for commune, district and province rounds; the
    /// national table for region and national rounds, which the ministry runs.
    /// </summary>
    /// <param name="around">A day the deadlines are counted near: the calendar covers the year before it to the year after.</param>
    public async Task<WorkingCalendar> ForRoundAsync(Round round, DateOnly around, CancellationToken ct = default) =>
        await CalendarAsync(around.Year - 1, around.Year + 1, await ProvinceForAsync(round, ct), ct);

    public async Task<Guid?> ProvinceForAsync(Round round, CancellationToken ct = default) =>
        round.Level is ContestLevel.Region or ContestLevel.National ? null : (await geography.DirectoryAsync(ct)).ProvinceOf(round.UnitId)?.Id;

    public async Task<IReadOnlyList<CalendarDay>> DaysAsync(int fromYear, int toYear, Guid? provinceId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear, 12, 31);
        var overrides = await db.Set<CalendarOverride>().AsNoTracking()
            .Where(o => o.Date >= start && o.Date <= end && (o.UnitId == null || o.UnitId == provinceId)).ToListAsync(ct);
        // The province's own correction of a day wins over the national one.
        var byDate = overrides.GroupBy(o => o.Date).ToDictionary(g => g.Key, g => g.OrderBy(o => o.UnitId is null ? 1 : 0).First());
        var days = new List<CalendarDay>();
        for (var year = fromYear; year <= toYear; year++)
            foreach (var holiday in VietnameseHolidays.Defaults(year).Where(h => !byDate.ContainsKey(h.Date)))
                days.Add(new CalendarDay(holiday.Date, holiday.Name, CalendarDayKind.DayOff, false));
        days.AddRange(byDate.Values.Select(o => new CalendarDay(o.Date, o.Name, o.Kind, true, o.UnitId)));
        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>
    /// Sets a day: nationally (administrators only) or for a province's units (its own staff, or an administrator).
    /// Deadlines are counted from the calendar as it stands, so those not yet passed move with the correction.
    /// </summary>
    public async Task SetAsync(UserScope actor, DateOnly date, CalendarDayKind kind, string name, Guid? provinceId = null, CancellationToken ct = default)
    {
        await EnsureMayEditAsync(actor, provinceId, ct);
        SensibleDates.Check(date);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<CalendarOverride>().FirstOrDefaultAsync(o => o.Date == date && o.UnitId == provinceId, ct);
        if (existing is not null) db.Remove(existing);
        var entry = new CalendarOverride(date, kind, name, provinceId);
        db.Add(entry);
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "calendar.set", nameof(CalendarOverride), Key(date, provinceId),
            existing is null ? null : new { existing.Kind, existing.Name }, new { entry.Kind, entry.Name, Province = provinceId }));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(UserScope actor, DateOnly date, Guid? provinceId = null, CancellationToken ct = default)
    {
        await EnsureMayEditAsync(actor, provinceId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<CalendarOverride>().FirstOrDefaultAsync(o => o.Date == date && o.UnitId == provinceId, ct);
        if (existing is null) return;
        db.Remove(existing);
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "calendar.removed", nameof(CalendarOverride), Key(date, provinceId),
            new { existing.Kind, existing.Name, Province = provinceId }, null));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The provinces whose calendar the actor may edit (their own, or every current one for an administrator).</summary>
    public async Task<IReadOnlyList<UnitNode>> EditableProvincesAsync(UserScope actor, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        var today = clock.Today();
        if (actor.IsAdmin) return units.ProvincesOn(today);
        if (!actor.Roles.Contains(Roles.ProvinceStaff) || actor.UnitId is not { } own) return [];
        return units.Find(own) is { Tier: UnitTier.Province } province ? [province] : [];
    }

    private async Task EnsureMayEditAsync(UserScope actor, Guid? provinceId, CancellationToken ct)
    {
        if (provinceId is null)
        {
            // The national table follows the government's announcements: the system's administrators keep it.
            if (!actor.IsAdmin) throw new AccessDeniedException();
            return;
        }
        var units = await geography.DirectoryAsync(ct);
        if (units.Find(provinceId.Value) is not { Tier: UnitTier.Province }) throw new NotFoundException();
        if (actor.IsAdmin) return;
        if (!actor.Roles.Contains(Roles.ProvinceStaff) || actor.UnitId != provinceId) throw new AccessDeniedException();
    }

    private static string Key(DateOnly date, Guid? provinceId) => provinceId is { } p ? $"{date:yyyy-MM-dd}@{p}" : date.ToString("yyyy-MM-dd");
}
