using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Geography;

public sealed record RegionProvinceRow(Guid ProvinceId, string Code, string Name, DateOnly ValidFrom, DateOnly? ValidTo, Guid? RegionId);

/// <summary>The contest's regions and which provinces they group; the ministry's staff (or an administrator) regroup them.</summary>
public sealed class RegionService(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, TimeProvider clock)
{
    /// <summary>Creates the three regions if missing and gives every province without a region its default one. Safe to run again.</summary>
    public async Task<int> EnsureDefaultsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Set<Region>().ToListAsync(ct);
        var order = regions.Count;
        foreach (var (code, name) in DefaultRegions.All.Where(d => regions.All(r => r.Code != d.Code)))
        {
            var region = new Region(code, name, ++order);
            db.Add(region);
            regions.Add(region);
        }
        var assigned = await db.Set<RegionProvince>().Select(m => m.ProvinceId).ToListAsync(ct);
        var provinces = await db.Set<AdministrativeUnit>()
            .Where(u => (u.Kind == UnitKind.Province || u.Kind == UnitKind.CentralCity) && !assigned.Contains(u.Id))
            .Select(u => new { u.Id, u.Code }).ToListAsync(ct);
        var added = 0;
        foreach (var province in provinces)
            if (DefaultRegions.Of(province.Code) is { } code && regions.FirstOrDefault(r => r.Code == code) is { } region)
            {
                db.Add(new RegionProvince(province.Id, region.Id));
                added++;
            }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
            geography.Invalidate();
        }
        return added;
    }

    /// <summary>Every province-tier unit (before and after the 2025 merger) with its region, for the regrouping page.</summary>
    public async Task<IReadOnlyList<RegionProvinceRow>> ProvincesAsync(UserScope actor, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from u in db.Set<AdministrativeUnit>()
                          where u.Kind == UnitKind.Province || u.Kind == UnitKind.CentralCity
                          join m in db.Set<RegionProvince>() on u.Id equals m.ProvinceId into ms
                          from m in ms.DefaultIfEmpty()
                          select new RegionProvinceRow(u.Id, u.Code, u.Name, u.ValidFrom, u.ValidTo, m == null ? null : m.RegionId))
            .AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ValidTo is null ? 0 : 1).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.ValidFrom)];
    }

    /// <summary>Moves a province to another region (or to none), audited: the ministry decides the grouping, not the code.</summary>
    public async Task MoveAsync(UserScope actor, Guid provinceId, Guid? regionId, CancellationToken ct = default)
    {
        if (!actor.SeesAllUnits) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var province = await db.Set<AdministrativeUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == provinceId, ct) ?? throw new NotFoundException();
        if (province.Tier != UnitTier.Province) throw new DomainException(Messages.RegionOnlyProvinces);
        if (regionId is { } id && !await db.Set<Region>().AnyAsync(r => r.Id == id, ct)) throw new NotFoundException();
        var existing = await db.Set<RegionProvince>().FirstOrDefaultAsync(m => m.ProvinceId == provinceId, ct);
        var before = existing?.RegionId;
        if (existing is not null && regionId is { } target) existing.RegionId = target;
        else if (existing is not null) db.Remove(existing);
        else if (regionId is { } target2) db.Add(new RegionProvince(provinceId, target2));
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "region.province-moved", nameof(RegionProvince), provinceId, new { Region = before }, new { Region = regionId }));
        await db.SaveChangesAsync(ct);
        geography.Invalidate();
    }
}
