using KhuyenCong.Showcase.Accounts;
using System.Globalization;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KhuyenCong.Showcase.Geography;

public sealed record UnitImportReport(int Created, int Updated, int SuccessorLinks, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>What the administrator narrows the units by: tier, the province they lie in, words of the name or code, and whether units no longer in force show.</summary>
public sealed record UnitFilter(string? Search = null, UnitTier? Tier = null, Guid? ProvinceId = null, bool IncludeHistory = false);

/// <param name="Children">Units directly below (a province's communes after 2025, its districts before).</param>
public sealed record UnitRow(Guid Id, string Code, string Name, UnitKind Kind, string? ParentPath, DateOnly ValidFrom, DateOnly? ValidTo,
    bool InForce, IReadOnlyList<string> Successors, int Children);

public sealed class GeographyService(IDbContextFactory<ShowcaseDb> dbFactory, IMemoryCache cache, TimeProvider clock)
{
    private const string CacheKey = "geography:directory";

    /// <summary>
    /// Another instance may import units: the snapshot lives a short while, and an import on this instance drops it
    /// at once.
    /// </summary>
    private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMinutes(2);

    public DateOnly Today => clock.Today();

    public async Task<UnitDirectory> DirectoryAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out UnitDirectory? cached) && cached is not null) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var nodes = await db.Set<AdministrativeUnit>().AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.ValidFrom, u.ValidTo, u.IsSample))
            .ToListAsync(ct);
        var links = await db.Set<UnitSuccession>().AsNoTracking().Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct);
        var regions = await db.Set<Region>().AsNoTracking().Select(r => new RegionNode(r.Id, r.Code, r.Name, r.Order)).ToListAsync(ct);
        var members = await db.Set<RegionProvince>().AsNoTracking().Select(m => new { m.ProvinceId, m.RegionId }).ToListAsync(ct);
        var directory = new UnitDirectory(nodes, links.Select(l => (l.PredecessorId, l.SuccessorId)), regions,
            members.Select(m => (m.ProvinceId, m.RegionId)));
        cache.Set(CacheKey, directory, SnapshotLifetime);
        return directory;
    }

    public void Invalidate() => cache.Remove(CacheKey);

    /// <summary>One page of the administrative units (the admin's reference table), filtered, sorted and counted in the database.</summary>
    public async Task<Paged<UnitRow>> PageAsync(UserScope actor, UnitFilter filter, PageRequest page, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) throw new AccessDeniedException();
        var units = await DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<AdministrativeUnit>().AsNoTracking();
        if (filter.Tier is { } tier)
        {
            var kinds = Enum.GetValues<UnitKind>().Where(k => AdministrativeUnit.TierOf(k) == tier).ToList();
            query = query.Where(u => kinds.Contains(u.Kind));
        }
        if (filter.ProvinceId is { } province)
        {
            var within = units.ScopeOf(province).ToList();
            query = query.Where(u => within.Contains(u.Id));
        }
        var today = Today;
        if (!filter.IncludeHistory)
        {
            query = query.Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today));
        }
        if (VietnameseText.SearchKey(filter.Search) is { Length: > 0 } key)
        {
            var code = filter.Search!.Trim();
            query = query.Where(u => u.SearchKey.Contains(key) || u.Code == code);
        }
        var all = db.Set<AdministrativeUnit>();
        var sorts = new SortMap<AdministrativeUnit>(q => q.OrderBy(u => u.Code).ThenBy(u => u.ValidFrom), q => q.ThenBy(u => u.Id))
            .Add(nameof(UnitRow.Code), u => u.Code)
            .Add(nameof(UnitRow.Name), u => u.SearchKey)
            .Add(nameof(UnitRow.ValidFrom), u => u.ValidFrom)
            .Add(nameof(UnitRow.Children), u => all.Count(c => c.ParentId == u.Id));
        return (await query.PageAsync(page, sorts, u => new { u.Id, u.Code, u.Name, u.IsSample, u.Kind, u.ParentId, u.ValidFrom, u.ValidTo,
                Children = all.Count(c => c.ParentId == u.Id) }, ct))
            .Map(u => new UnitRow(u.Id, u.Code, u.IsSample ? $"{u.Name} ({Messages.SampleMark})" : u.Name, u.Kind, u.ParentId is { } parent ? units.PathOf(parent) : null, u.ValidFrom, u.ValidTo,
                u.ValidFrom <= today && (u.ValidTo is null || u.ValidTo >= today), [.. units.SuccessorsOf(u.Id).Select(n => n.DisplayName)], u.Children));
    }

    /// <summary>The 63 provinces before the 2025 reform and the 34 after, shipped with the app. Safe to run again.</summary>
    public async Task<UnitImportReport> ImportReferenceProvincesAsync(CancellationToken ct = default)
    {
        await using var stream = typeof(GeographyService).Assembly.GetManifestResourceStream("KhuyenCong.Showcase.Geography.provinces.csv")
            ?? throw new InvalidOperationException("provinces.csv is not embedded");
        using var reader = new StreamReader(stream);
        return await ImportAsync(reader, isSample: false, ct);
    }

    /// <summary>Creates or updates units (matched by code and start date) and links successors; all or nothing.</summary>
    public async Task<UnitImportReport> ImportAsync(TextReader csv, bool isSample = false, CancellationToken ct = default)
    {
        var (rows, parseErrors) = UnitCsv.Parse(csv);
        if (parseErrors.Count > 0) return new UnitImportReport(0, 0, 0, parseErrors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Set<AdministrativeUnit>().Include(u => u.Successors).ToListAsync(ct);
        var errors = new List<string>();
        int created = 0, updated = 0, links = 0;

        AdministrativeUnit? ValidOn(string code, DateOnly day) =>
            units.Where(u => u.Code == code && u.IsValidOn(day)).OrderByDescending(u => u.ValidFrom).FirstOrDefault();

        void Fail(UnitCsvRow row, string message, params object?[] args) =>
            errors.Add(string.Format(CultureInfo.CurrentCulture, Messages.ImportLineError, row.Line,
                string.Format(CultureInfo.CurrentCulture, message, args)));

        var byTier = rows.OrderBy(r => AdministrativeUnit.TierOf(r.Kind)).ThenBy(r => r.Line).ToList();
        var rowUnits = new Dictionary<UnitCsvRow, AdministrativeUnit>();
        foreach (var row in byTier)
        {
            AdministrativeUnit? parent = null;
            if (row.ParentCode is { } parentCode)
            {
                parent = ValidOn(parentCode, row.ValidFrom);
                if (parent is null)
                {
                    Fail(row, Messages.ImportParentMissing, parentCode, row.ValidFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
                    continue;
                }
            }
            try
            {
                var existing = units.FirstOrDefault(u => u.Code == row.Code && u.ValidFrom == row.ValidFrom);
                if (existing is null)
                {
                    var unit = AdministrativeUnit.Create(row.Code, row.Name, row.Kind, parent, row.ValidFrom, row.ValidTo, isSample);
                    units.Add(unit);
                    db.Add(unit);
                    rowUnits[row] = unit;
                    created++;
                }
                else
                {
                    var before = (existing.Name, existing.ValidTo, existing.ParentId);
                    existing.Update(row.Name, row.ValidFrom, row.ValidTo, parent);
                    if (before != (existing.Name, existing.ValidTo, existing.ParentId)) updated++;
                    rowUnits[row] = existing;
                }
            }
            catch (DomainException e)
            {
                Fail(row, "{0}", e.Message);
            }
        }

        foreach (var (row, unit) in rowUnits)
        {
            foreach (var code in row.SuccessorCodes)
            {
                var day = row.ValidTo?.AddDays(1) ?? row.ValidFrom;
                var successor = row.ValidTo is null ? null : ValidOn(code, day);
                if (successor is null)
                {
                    Fail(row, Messages.ImportSuccessorMissing, code, day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
                    continue;
                }
                try
                {
                    var before = unit.Successors.Count;
                    unit.AddSuccessor(successor);
                    links += unit.Successors.Count - before;
                }
                catch (DomainException e)
                {
                    Fail(row, "{0}", e.Message);
                }
            }
        }

        if (errors.Count > 0) return new UnitImportReport(0, 0, 0, errors);
        await db.SaveChangesAsync(ct);
        Invalidate();
        return new UnitImportReport(created, updated, links, []);
    }
}
