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
