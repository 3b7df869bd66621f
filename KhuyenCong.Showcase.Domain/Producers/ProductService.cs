using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Producers;

public sealed record NewPhoto(PhotoView View, StoredPhoto Files)
{
    public IEnumerable<string> Keys => Files.Keys;
}

public sealed record NewDocument(DocumentInfo Info, StoredFile File);

/// <summary>What a save changes besides the details; uploads are already stored and not yet owned.</summary>
public sealed record ProductChanges(
    IReadOnlyList<NewPhoto> AddedPhotos,
    IReadOnlyList<Guid> RemovedPhotoIds,
    IReadOnlyList<NewDocument> AddedDocuments,
    IReadOnlyList<Guid> RemovedDocumentIds)
{
    public static readonly ProductChanges None = new([], [], [], []);

    internal IEnumerable<string> UploadedKeys => AddedPhotos.SelectMany(p => p.Keys).Concat(AddedDocuments.Select(d => d.File.Key));
}

public sealed record ProductCard(Guid Id, Guid ProducerId, string Name, ProductGroup Group, string? ThumbnailKey,
    int PhotoCount, int DocumentCount, bool HasRequiredPhotos, DateTimeOffset UpdatedAt, string ProducerName, string UnitPath);

public sealed record ProductView(Product Product, string ProducerName, Guid ProducerUnitId, string UnitPath);

public sealed record ProductFilter(string? Search = null, ProductGroup? Group = null, Guid? UnitId = null, Guid? ProducerId = null);

public sealed record MediaAccess(string Key, string ContentType, string? DownloadName);

public sealed class ProductService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    MediaService media,
    GeographyService geography,
    ProducerService producers,
    Contests.DossierReaders readers,
    TimeProvider clock)
{
    /// <summary>
    /// Rules are checked before anything is written, so a rejected form keeps its uploads for the next try; once the
    /// save itself fails the uploads are deleted (the form must upload again).
    /// </summary>
    public async Task<Guid> CreateAsync(UserScope actor, ProductDetails details, ProductChanges changes, CancellationToken ct = default)
    {
        if (actor.ProducerId is not { } producerId || !actor.IsProducer) throw new DomainException(Messages.ProducerProfileMissing);
        await EnsureUploadsExistAsync(changes, ct);
        var now = clock.GetUtcNow();
        var product = Product.Create(producerId, details, now);
        Apply(product, changes, now);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Add(product);
            db.Add(AuditEntry.Record(actor, now, "product.created", nameof(Product), product.Id, null, Snapshot(product)));
            await db.SaveOrConflictAsync(ct);
            return product.Id;
        }
        catch
        {
            await media.DiscardAsync(changes.UploadedKeys);
            throw;
        }
    }

    public async Task UpdateAsync(UserScope actor, Guid productId, int expectedVersion, ProductDetails details, ProductChanges changes,
        CancellationToken ct = default)
    {
        await EnsureUploadsExistAsync(changes, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Set<Product>().Include(p => p.Photos).Include(p => p.Documents)
            .FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException();
        if (!actor.ActsFor(product.ProducerId)) throw new AccessDeniedException();
        var before = Snapshot(product);
        var now = clock.GetUtcNow();
        db.ExpectVersion(product, expectedVersion);
        product.Update(details, now);
        var removedKeys = new List<string>();
        foreach (var id in changes.RemovedPhotoIds)
        {
            var photo = product.RemovePhoto(id);
            removedKeys.AddRange([photo.LargeKey, photo.ThumbnailKey, photo.LargeWebpKey, photo.ThumbnailWebpKey]);
        }
        foreach (var id in changes.RemovedDocumentIds) removedKeys.Add(product.RemoveDocument(id).BlobKey);
        Apply(product, changes, now);
        // Child changes alone do not mark the product modified; the version must still move for other editors.
        db.Entry(product).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, now, "product.updated", nameof(Product), product.Id, before, Snapshot(product)));
        try
        {
            await db.SaveOrConflictAsync(ct);
        }
        catch
        {
            await media.DiscardAsync(changes.UploadedKeys);
            throw;
        }
        // A file a submitted dossier refers to stays for that dossier (TT 26/2014 Điều 13); the rest goes now.
        var kept = await MediaService.OwnedKeysAsync(db, removedKeys.Where(k => k.Length > 0).ToList(), ct);
        await media.DiscardAsync(removedKeys.Where(k => k.Length > 0 && !kept.Contains(k)));
    }

    public async Task<ProductView?> GetAsync(UserScope actor, Guid productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Set<Product>().AsNoTracking().Include(p => p.Photos).Include(p => p.Documents)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return null;
        var producer = await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == product.ProducerId, ct);
        await producers.EnsureCanReadAsync(actor, producer);
        var units = await geography.DirectoryAsync(ct);
        return new ProductView(product, producer.Name, producer.UnitId, units.PathOf(producer.UnitId));
    }

    /// <summary>For a dossier the caller already may read (its round's staff, its judges): no unit check here.</summary>
    internal async Task<ProductView> GetForDossierAsync(Guid productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Set<Product>().AsNoTracking().Include(p => p.Photos).Include(p => p.Documents)
            .AsSplitQuery().FirstAsync(p => p.Id == productId, ct);
        var producer = await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == product.ProducerId, ct);
        var units = await geography.DirectoryAsync(ct);
        return new ProductView(product, producer.Name, producer.UnitId, units.PathOf(producer.UnitId));
    }

    /// <summary>Every product the person may see, newest change first (small lists: a producer's own; screens of staff use <see cref="PageAsync"/>).</summary>
    public async Task<IReadOnlyList<ProductCard>> ListAsync(UserScope actor, ProductFilter filter, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cells = await Visible(db, units, actor, filter).ToSortedListAsync(CardSorts, CardCellsOf, ct);
        return [.. cells.Select(c => c.ToCard(units))];
    }

    /// <summary>One page of the products the person may see, filtered, sorted and counted in the database.</summary>
    public async Task<Paged<ProductCard>> PageAsync(UserScope actor, ProductFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Visible(db, units, actor, filter).PageAsync(page, CardSorts, CardCellsOf, ct)).Map(c => c.ToCard(units));
    }

    /// <summary>Staff: the products of facilities in their units; a producer: their own; anyone else nothing.</summary>
    private static IQueryable<ProductJoin> Visible(ShowcaseDb db, UnitDirectory units, UserScope actor, ProductFilter filter)
    {
        var producersQuery = db.Set<Producer>().AsNoTracking();
        if (actor.IsStaff)
        {
            if (!actor.SeesAllUnits)
            {
                var scope = actor.VisibleUnits(units);
                producersQuery = producersQuery.Where(p => scope.Contains(p.UnitId));
            }
            if (filter.ProducerId is { } producerId) producersQuery = producersQuery.Where(p => p.Id == producerId);
        }
        else if (actor.ProducerId is { } mine && actor.IsProducer)
        {
            producersQuery = producersQuery.Where(p => p.Id == mine);
        }
        else
        {
            throw new AccessDeniedException();
        }
        if (filter.UnitId is { } unitId)
        {
            var within = units.ScopeOf(unitId).ToList();
            producersQuery = producersQuery.Where(p => within.Contains(p.UnitId));
        }

        var query = from product in db.Set<Product>().AsNoTracking()
                    join producer in producersQuery on product.ProducerId equals producer.Id
                    select new ProductJoin { Product = product, Producer = producer };
        if (filter.Group is { } group) query = query.Where(x => x.Product.Group == group);
        if (VietnameseText.SearchKey(filter.Search) is { Length: > 0 } key)
            query = query.Where(x => x.Product.SearchKey.Contains(key) || x.Producer.SearchKey.Contains(key));
        return query;
    }

    /// <summary>Newest change first by default; names by their folded key, so Đ sorts with D.</summary>
    private static readonly SortMap<ProductJoin> CardSorts =
        new SortMap<ProductJoin>(q => q.OrderByDescending(x => x.Product.UpdatedAt), q => q.ThenBy(x => x.Product.Id))
            .Add(nameof(ProductCard.Name), x => x.Product.SearchKey)
            .Add(nameof(ProductCard.ProducerName), x => x.Producer.SearchKey)
            .Add(nameof(ProductCard.PhotoCount), x => x.Product.Photos.Count)
            .Add(nameof(ProductCard.DocumentCount), x => x.Product.Documents.Count)
            .Add(nameof(ProductCard.UpdatedAt), x => x.Product.UpdatedAt);

    private static readonly System.Linq.Expressions.Expression<Func<ProductJoin, ProductCells>> CardCellsOf = x => new ProductCells(
        x.Product.Id, x.Product.ProducerId, x.Product.Name, x.Product.Group,
        x.Product.Photos.OrderBy(p => p.View).Select(p => p.ThumbnailKey).FirstOrDefault(), x.Product.Photos.Count,
        x.Product.Photos.Where(p => Product.RequiredViews.Contains(p.View)).Select(p => p.View).Distinct().Count(),
        x.Product.Documents.Count, x.Product.UpdatedAt, x.Producer.Name, x.Producer.UnitId);

    private sealed class ProductJoin
    {
        public Product Product { get; init; } = default!;
        public Producer Producer { get; init; } = default!;
    }

    private sealed record ProductCells(Guid Id, Guid ProducerId, string Name, ProductGroup Group, string? Thumbnail, int Photos, int RequiredViews,
        int Documents, DateTimeOffset UpdatedAt, string ProducerName, Guid UnitId)
    {
        public ProductCard ToCard(UnitDirectory units) => new(Id, ProducerId, Name, Group, Thumbnail, Photos, Documents,
            RequiredViews == Product.RequiredViews.Count, UpdatedAt, ProducerName, units.PathOf(UnitId));
    }

    /// <summary>
    /// Only keys a saved row owns are served, and only to people who may read that row: the producer, staff in
    /// scope, the jury of a round the product is judged in, and for complaint files the round's staff.
    /// </summary>
    public async Task<MediaAccess?> AuthorizeMediaAsync(UserScope actor, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var photo = await db.Set<ProductPhoto>().AsNoTracking()
            .Where(p => p.LargeKey == key || p.ThumbnailKey == key || p.LargeWebpKey == key || p.ThumbnailWebpKey == key)
            .Select(p => new { p.ProductId, p.ContentType }).FirstOrDefaultAsync(ct);
        var document = photo is null
            ? await db.Set<ProductDocument>().AsNoTracking().Where(d => d.BlobKey == key)
                .Select(d => new { d.ProductId, d.ContentType, d.FileName }).FirstOrDefaultAsync(ct)
            : null;
        var productId = photo?.ProductId ?? document?.ProductId;
        if (productId is null) return await AuthorizeDossierFileAsync(db, actor, key, ct) ?? await AuthorizeComplaintFileAsync(db, actor, key, ct);
        var producer = await (from product in db.Set<Product>() join p in db.Set<Producer>() on product.ProducerId equals p.Id
                              where product.Id == productId select p).AsNoTracking().FirstAsync(ct);
        var needed = photo is not null ? Contests.DossierAccess.Blind : Contests.DossierAccess.Read;
        if (!await ReadsThroughDossierAsync(db, actor, productId.Value, producer.UnitId, needed, ct)) await producers.EnsureCanReadAsync(actor, producer);
        return photo is not null
            ? new MediaAccess(key, key.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : photo.ContentType, null)
            : new MediaAccess(key, document!.ContentType, document.FileName);
    }

    /// <summary>
    /// Panel members and staff above the facility's unit see a product's files only through a dossier they may read
    /// (<see cref="Contests.DossierReaders"/>); a blind round's juror gets the photos, never the documents.
    /// </summary>
    private async Task<bool> ReadsThroughDossierAsync(ShowcaseDb db, UserScope actor, Guid productId, Guid producerUnitId, Contests.DossierAccess needed,
        CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return false;
        var entries = await (from e in db.Set<Contests.Entry>() join r in db.Set<Contests.Round>() on e.RoundId equals r.Id
                             where e.ProductId == productId select new { e, r }).AsNoTracking().ToListAsync(ct);
        if (entries.Count == 0) return false;
        var units = await geography.DirectoryAsync(ct);
        foreach (var x in entries)
            if (await readers.ForAsync(db, units, actor, x.r, x.e, producerUnitId, ct) >= needed) return true;
        return false;
    }

    /// <summary>A file only a frozen dossier still refers to (the product has moved on): served to the dossier's readers.</summary>
    private async Task<MediaAccess?> AuthorizeDossierFileAsync(ShowcaseDb db, UserScope actor, string key, CancellationToken ct)
    {
        var owners = await (from f in db.Set<Contests.DossierFile>()
                            join v in db.Set<Contests.DossierVersion>() on f.DossierVersionId equals v.Id
                            join e in db.Set<Contests.Entry>() on v.EntryId equals e.Id
                            join r in db.Set<Contests.Round>() on e.RoundId equals r.Id
                            join p in db.Set<Producer>() on e.ProducerId equals p.Id
                            where f.BlobKey == key
                            select new { f.Kind, f.ContentType, f.FileName, Entry = e, Round = r, p.UnitId }).AsNoTracking().ToListAsync(ct);
        if (owners.Count == 0) return null;
        if (!actor.IsAuthenticated) throw new AccessDeniedException();
        var units = await geography.DirectoryAsync(ct);
        foreach (var owner in owners)
        {
            var needed = owner.Kind == Contests.DossierFileKind.Photo ? Contests.DossierAccess.Blind : Contests.DossierAccess.Read;
            if (await readers.ForAsync(db, units, actor, owner.Round, owner.Entry, owner.UnitId, ct) >= needed)
                return new MediaAccess(key, owner.ContentType, owner.Kind == Contests.DossierFileKind.Document ? owner.FileName : null);
        }
        throw new AccessDeniedException();
    }

    private async Task<MediaAccess?> AuthorizeComplaintFileAsync(ShowcaseDb db, UserScope actor, string key, CancellationToken ct)
    {
        var file = await (from a in db.Set<Contests.ComplaintAttachment>()
                          join c in db.Set<Contests.Complaint>() on a.ComplaintId equals c.Id
                          join e in db.Set<Contests.Entry>() on c.EntryId equals e.Id
                          join r in db.Set<Contests.Round>() on c.RoundId equals r.Id
                          where a.BlobKey == key
                          select new { a.ContentType, a.FileName, e.ProducerId, Round = r }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (file is null) return null;
        if (!actor.ActsFor(file.ProducerId) && !Contests.ContestPolicy.CanManage(actor, await geography.DirectoryAsync(ct), file.Round))
            throw new AccessDeniedException();
        return new MediaAccess(key, file.ContentType, file.FileName);
    }

    private static void Apply(Product product, ProductChanges changes, DateTimeOffset now)
    {
        foreach (var photo in changes.AddedPhotos) product.AddPhoto(photo.View, photo.Files, now);
        foreach (var document in changes.AddedDocuments) product.AddDocument(document.Info, document.File, now);
    }

    private async Task EnsureUploadsExistAsync(ProductChanges changes, CancellationToken ct)
    {
        if (!await media.AllExistAsync(changes.UploadedKeys, ct)) throw new DomainException(Messages.ProductPhotoExpired);
    }

    private static object Snapshot(Product product) => new
    {
        product.Details,
        Photos = product.Photos.Select(p => new { p.Id, p.View, p.LargeKey }).ToList(),
        Documents = product.Documents.Select(d => new { d.Id, d.Type, d.Number, d.BlobKey }).ToList(),
    };
}
