using System.IO.Compression;
using System.Text.Json;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

public sealed record NominationCandidate(Guid EntryId, string? Code, string ProductName, ProductGroup Group, string ProducerName,
    string RoundName, decimal? Score, DecisionRef Decision);

/// <summary>
/// Liên thông: recognised local products move to the province round with the same dossier and the local result;
/// a province's recognised products leave for the region as a package.
/// </summary>
public sealed class NominationService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    EntryService entries,
    MediaService media,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<NominationCandidate>> CandidatesAsync(UserScope actor, Guid provinceRoundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await TargetAsync(db, provinceRoundId, ct);
        var province = units.ScopeOf(target.UnitId);
        var localRounds = (await db.Set<Round>().AsNoTracking()
                .Where(r => (r.Level == ContestLevel.Commune || r.Level == ContestLevel.District)
                            && (r.State == RoundState.DecisionIssued || r.State == RoundState.Closed)).ToListAsync(ct))
            .Where(r => province.Contains(r.UnitId) && ContestPolicy.CanManage(actor, units, r)).ToDictionary(r => r.Id);
        var ids = localRounds.Keys.ToList();
        var already = await db.Set<Entry>().Where(e => e.RoundId == provinceRoundId && e.NominatedFromEntryId != null)
            .Select(e => e.NominatedFromEntryId!.Value).ToListAsync(ct);
        var rows = await (from e in db.Set<Entry>()
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          where ids.Contains(e.RoundId) && e.State == EntryState.Recognised && !already.Contains(e.Id)
                          select new { e.Id, e.RoundId, e.ProductId, e.Code, Product = p.Name, p.Group, Producer = f.Name, e.Score }).AsNoTracking().ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        // A product that already holds a valid province certificate does not enter the province round again.
        var provinceHolders = (await (from e in db.Set<Entry>() join r in db.Set<Round>() on e.RoundId equals r.Id
                                      where r.Level == ContestLevel.Province && e.State == EntryState.Recognised && r.Recognition != null
                                      select new { e.ProductId, r.Recognition }).AsNoTracking().ToListAsync(ct))
            .Where(x => Round.CertificateValidUntil(x.Recognition!.Date) >= today).Select(x => x.ProductId).ToHashSet();
        return [.. rows.Select(r => (Row: r, Round: localRounds[r.RoundId]))
            .Where(x => Round.CertificateValidUntil(x.Round.Recognition!.Date) >= today && !provinceHolders.Contains(x.Row.ProductId))
            .Select(x => new NominationCandidate(x.Row.Id, x.Row.Code, x.Row.Product, x.Row.Group, x.Row.Producer, x.Round.Name, x.Row.Score, x.Round.Recognition!))];
    }

    public async Task<int> NominateAsync(UserScope actor, Guid provinceRoundId, IReadOnlyCollection<Guid> entryIds, CancellationToken ct = default)
    {
        var candidates = (await CandidatesAsync(actor, provinceRoundId, ct)).ToDictionary(c => c.EntryId);
        if (entryIds.Any(id => !candidates.ContainsKey(id))) throw new DomainException(Messages.EntryNominateOnlyRecognised);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await TargetAsync(db, provinceRoundId, ct);
        var sources = await db.Set<Entry>().AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var source in sources)
        {
            var c = candidates[source.Id];
            var result = new LowerLevelResult(c.Score ?? 0, c.Decision.Number, c.Decision.Date, c.RoundName);
            var nominated = Entry.Nominate(target, source, result, Actor.From(actor), now);
            db.Add(nominated);
            db.Add(AuditEntry.Record(actor, now, "entry.nominated", nameof(Entry), nominated.Id, null, new { From = source.Id, To = provinceRoundId }));
        }
        await db.SaveOrConflictAsync(ct);
        return sources.Count;
    }

    /// <summary>Phụ lục 5 for the entries nominated into a province round.</summary>
    public async Task<byte[]> ShortListAsync(UserScope actor, Guid provinceRoundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TargetAsync(db, provinceRoundId, ct, anyState: true);
        var visible = DossierReaders.ListFilter(actor, units, round) ?? throw new AccessDeniedException();
        var rows = await (from e in db.Set<Entry>()
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          where e.RoundId == provinceRoundId && e.NominatedFromEntryId != null
                          select new { e, Product = p.Name, p.Group, f.Name, f.Address, f.UnitId, f.Phone }).AsNoTracking().ToListAsync(ct);
        var list = rows.Where(r => visible(r.UnitId)).OrderBy(r => r.Group).ThenBy(r => r.Product)
            .Select(r => new ShortListRow(r.Product, r.Group, r.Name, $"{r.Address}, {units.PathOf(r.UnitId)}", r.Phone, r.e.LowerLevel?.Score,
                r.e.LowerLevel is { } l ? $"{l.DecisionNumber} ({l.DecisionDate:dd/MM/yyyy})" : null)).ToList();
        return ContestDocuments.ShortList(round, round.Organiser, list, clock.GetUtcNow());
    }

    /// <summary>
    /// A province round's recognised products for the region level: forms as PDF, photos, documents and a JSON
    /// summary anyone can read without this system.
    /// </summary>
    public async Task<byte[]> RegionPackageAsync(UserScope actor, Guid provinceRoundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        List<Guid> recognised;
        Round round;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == provinceRoundId, ct) ?? throw new NotFoundException();
            if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
            if (round.Level != ContestLevel.Province || round.State is not (RoundState.DecisionIssued or RoundState.Closed))
                throw new DomainException(Messages.RegionPackageNeedsDecision);
            recognised = await db.Set<Entry>().Where(e => e.RoundId == provinceRoundId && e.State == EntryState.Recognised)
                .OrderBy(e => e.Code).Select(e => e.Id).ToListAsync(ct);
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var summary = new List<object>();
            foreach (var id in recognised)
            {
                var view = await entries.GetAsync(actor, id, ct) ?? throw new NotFoundException();
                var producer = view.Producer ?? throw new AccessDeniedException();
                var folder = Safe($"{view.Entry.Code} - {view.Product.Product.Name}") + "/";
                await AddAsync(zip, folder + "01-phieu-dang-ky.pdf", ContestDocuments.RegistrationForm(view));
                await AddAsync(zip, folder + "02-ban-thuyet-minh.pdf", ContestDocuments.DescriptionForm(view));
                foreach (var photo in view.Product.Product.Photos)
                    await CopyBlobAsync(zip, folder + $"anh-{photo.View.ToString().ToLowerInvariant()}{Path.GetExtension(photo.LargeKey)}", photo.LargeKey, ct);
                foreach (var (document, i) in view.Product.Product.Documents.Select((d, i) => (d, i)))
                    await CopyBlobAsync(zip, folder + $"tai-lieu-{i + 1}-{Safe(Path.GetFileNameWithoutExtension(document.FileName))}{Path.GetExtension(document.BlobKey)}", document.BlobKey, ct);
                summary.Add(new
                {
                    code = view.Entry.Code, product = view.Product.Product.Name, group = (int)view.Product.Product.Group,
                    producer = producer.Name, registration = producer.RegistrationNumber, taxCode = producer.TaxCode,
                    address = $"{producer.Address}, {view.UnitPath}", phone = producer.Phone, score = view.Entry.Score, rank = view.Entry.Rank,
                    lowerLevel = view.Entry.LowerLevel, folder,
                });
            }
            var json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                round = new { round.Code, round.Name, level = round.Level.ToString(), unit = units.PathOf(round.UnitId), round.Year, round.PassMark },
                decision = round.Recognition,
                certificateValidUntil = round.Recognition is { } d ? Round.CertificateValidUntil(d.Date) : (DateOnly?)null,
                entries = summary,
            }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            await AddAsync(zip, "tong-hop.json", json);
        }
        return buffer.ToArray();
    }

    private async Task CopyBlobAsync(ZipArchive zip, string name, string key, CancellationToken ct)
    {
        await using var source = await media.OpenAsync(key, ct);
        if (source is null) return;
        await using var target = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        await source.CopyToAsync(target, ct);
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] bytes)
    {
        await using var target = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await target.WriteAsync(bytes);
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Append('/').Append('\\').ToHashSet();
        var cleaned = new string([.. name.Select(c => invalid.Contains(c) ? '-' : c)]).Trim();
        return cleaned.Length > 80 ? cleaned[..80] : cleaned;
    }

    private static async Task<Round> TargetAsync(ShowcaseDb db, Guid id, CancellationToken ct, bool anyState = false)
    {
        var round = await db.Set<Round>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
        if (round.Level != ContestLevel.Province) throw new DomainException(Messages.RoundNominationTarget);
        if (!anyState && round.State is not (RoundState.OpenForRegistration or RoundState.DossierReview))
            throw new DomainException(Messages.RoundNominationTarget);
        return round;
    }
}
