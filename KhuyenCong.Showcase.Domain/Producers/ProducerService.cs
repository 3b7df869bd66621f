using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Producers;

public sealed record ProducerRow(Guid Id, string Name, LegalForm LegalForm, Guid UnitId, string UnitPath,
    string Representative, string Phone, int ProductCount);

public sealed record ProducerFilter(string? Search = null, LegalForm? LegalForm = null, Guid? UnitId = null);

public sealed class ProducerService(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, TimeProvider clock)
{
    public async Task<Producer?> FindAsync(UserScope actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var producer = await db.Set<Producer>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (producer is null) return null;
        await EnsureCanReadAsync(actor, producer);
        return producer;
    }

    public async Task<Producer?> MineAsync(UserScope actor, CancellationToken ct = default) =>
        actor.ProducerId is { } id ? await FindAsync(actor, id, ct) : null;

    /// <summary>
    /// A producer's first save creates the facility and links the account to it, in one transaction; later saves
    /// update it, refusing if someone else saved since <paramref name="expectedVersion"/>.
    /// </summary>
    public async Task<Producer> SaveProfileAsync(UserScope actor, ProducerDetails details, Guid unitId, int? expectedVersion,
        CancellationToken ct = default)
    {
        if (!actor.IsProducer && !actor.IsStaff) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Set<AdministrativeUnit>().FirstOrDefaultAsync(u => u.Id == unitId, ct)
            ?? throw new DomainException(Messages.ProducerUnitMustBeCurrentCommune);
        var now = clock.GetUtcNow();
        Producer producer;
        if (actor.ProducerId is null)
        {
            if (!actor.IsProducer) throw new AccessDeniedException();
            producer = Producer.Create(details, unit, now);
            db.Add(producer);
            var user = await db.Users.FirstAsync(u => u.Id == actor.UserId, ct);
            user.ProducerId = producer.Id;
            db.Add(AuditEntry.Record(actor, now, "producer.created", nameof(Producer), producer.Id, null, producer.Details));
        }
        else
        {
            producer = await db.Set<Producer>().FirstOrDefaultAsync(p => p.Id == actor.ProducerId, ct)
                ?? throw new NotFoundException();
            var before = producer.Details;
            if (expectedVersion is { } version) db.ExpectVersion(producer, version);
            producer.Update(details, unit, now);
            db.Add(AuditEntry.Record(actor, now, "producer.updated", nameof(Producer), producer.Id, before, producer.Details));
        }
        await db.SaveOrConflictAsync(ct);
        return producer;
    }

    /// <summary>Every producer the person may see, by name (small lists and tests; screens use <see cref="PageAsync"/>).</summary>
    public async Task<IReadOnlyList<ProducerRow>> ListAsync(UserScope actor, ProducerFilter filter, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cells = await Visible(db, actor, units, filter).ToSortedListAsync(Sorts(db), Cells(db), ct);
        return [.. cells.Select(c => c.ToRow(units))];
    }

    /// <summary>One page of the producers the person may see, filtered, sorted and counted in the database.</summary>
    public async Task<Paged<ProducerRow>> PageAsync(UserScope actor, ProducerFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Visible(db, actor, units, filter).PageAsync(page, Sorts(db), Cells(db), ct)).Map(c => c.ToRow(units));
    }

    private static IQueryable<Producer> Visible(ShowcaseDb db, UserScope actor, UnitDirectory units, ProducerFilter filter)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var query = db.Set<Producer>().AsNoTracking();
        if (!actor.SeesAllUnits)
        {
            var scope = actor.VisibleUnits(units);
            query = query.Where(p => scope.Contains(p.UnitId));
        }
        if (filter.UnitId is { } unitId)
        {
            var within = units.ScopeOf(unitId).ToList();
            query = query.Where(p => within.Contains(p.UnitId));
        }
        if (filter.LegalForm is { } form) query = query.Where(p => p.LegalForm == form);
        if (VietnameseText.SearchKey(filter.Search) is { Length: > 0 } key) query = query.Where(p => p.SearchKey.Contains(key));
        return query;
    }

    private static SortMap<Producer> Sorts(ShowcaseDb db)
    {
        var products = db.Set<Product>();
        return new SortMap<Producer>(q => q.OrderBy(p => p.SearchKey), q => q.ThenBy(p => p.Id))
            .Add(nameof(ProducerRow.Name), p => p.SearchKey)
            .Add(nameof(ProducerRow.LegalForm), p => p.LegalForm)
            .Add(nameof(ProducerRow.Representative), p => p.Representative)
            .Add(nameof(ProducerRow.ProductCount), p => products.Count(x => x.ProducerId == p.Id));
    }

    private static System.Linq.Expressions.Expression<Func<Producer, ProducerCells>> Cells(ShowcaseDb db)
    {
        var products = db.Set<Product>();
        return p => new ProducerCells(p.Id, p.Name, p.LegalForm, p.UnitId, p.Representative, p.Phone, products.Count(x => x.ProducerId == p.Id));
    }

    private sealed record ProducerCells(Guid Id, string Name, LegalForm LegalForm, Guid UnitId, string Representative, string Phone, int Products)
    {
        public ProducerRow ToRow(UnitDirectory units) => new(Id, Name, LegalForm, UnitId, units.PathOf(UnitId), Representative, Phone, Products);
    }

    internal async Task EnsureCanReadAsync(UserScope actor, Producer producer)
    {
        if (actor.ActsFor(producer.Id)) return;
        if (actor.IsStaff && actor.CanSeeUnit(await geography.DirectoryAsync(), producer.UnitId)) return;
        throw new AccessDeniedException();
    }
}
