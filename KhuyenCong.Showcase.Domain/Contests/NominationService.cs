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

/// <param name="Refusal">Why it may not go up (its certificate expired or was revoked), or null.</param>
/// <param name="Warnings">What the lower council should know without it being a refusal.</param>
public sealed record NominationCandidate(Guid EntryId, Guid SourceRoundId, string SourceRoundName, string Authority, string? Code, string ProductName,
    ProductGroup Group, string ProducerName, decimal? Score, DecisionRef? Decision, DateOnly? ValidUntil, string? Refusal, IReadOnlyList<string> Warnings)
{
    public bool Eligible => Refusal is null;
}

public sealed record NominationRow(Guid Id, Guid SourceRoundId, string SourceRoundName, string Authority, DecisionRef Letter, DateTimeOffset At,
    string ByName, int Entries, bool CanPrint);

/// <summary>
/// Liên thông (TT 26/2014 Điều 10.2, 12): the lower level's staff put forward recognised entries of their own rounds
/// to an open round of the next level — commune (district) → province, province → region, region → national — with
/// their authority's proposal letter and short list. Each entry goes up with a copy of its frozen dossier and its
/// result; it needs a valid certificate of the level below (Điều 12.2.b, 12.3.b, 12.4.b).
/// </summary>
public sealed class NominationService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    EntryService entries,
    MediaService media,
    TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    /// <summary>The actor's recognised entries that may go up to <paramref name="targetRoundId"/>, and those that may not, with why.</summary>
    public async Task<IReadOnlyList<NominationCandidate>> CandidatesAsync(UserScope actor, Guid targetRoundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await TargetAsync(db, targetRoundId, ct);
        return await CandidatesAsync(db, units, actor, target, ct);
    }

    private async Task<IReadOnlyList<NominationCandidate>> CandidatesAsync(ShowcaseDb db, UnitDirectory units, UserScope actor, Round target, CancellationToken ct)
    {
        var levels = ContestPolicy.LevelsBelow(target.Level).ToList();
        var sources = (await db.Set<Round>().AsNoTracking()
                .Where(r => levels.Contains(r.Level) && (r.State == RoundState.DecisionIssued || r.State == RoundState.Closed)).ToListAsync(ct))
            .Where(r => ContestPolicy.CanManage(actor, units, r) && FeedsInto(units, r, target)).ToDictionary(r => r.Id);
        var ids = sources.Keys.ToList();
        var already = await db.Set<Entry>().Where(e => e.RoundId == target.Id && e.NominatedFromEntryId != null)
            .Select(e => e.NominatedFromEntryId!.Value).ToListAsync(ct);
        var rows = await (from e in db.Set<Entry>()
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          where ids.Contains(e.RoundId) && (e.State == EntryState.Recognised || e.State == EntryState.Revoked) && !already.Contains(e.Id)
                          select new { Entry = e, Product = e.DossierProductName ?? p.Name, Group = e.DossierGroup ?? p.Group, Producer = f.Name })
            .AsNoTracking().ToListAsync(ct);
        // Đ6.3: a product may enter many rounds. A certificate of the target's level still valid is worth knowing, not a bar.
        var productIds = rows.Select(r => r.Entry.ProductId).Distinct().ToList();
        var heldAtTarget = (await (from e in db.Set<Entry>() join r in db.Set<Round>() on e.RoundId equals r.Id
                                   where productIds.Contains(e.ProductId) && r.Level == target.Level && e.State == EntryState.Recognised
                                   select new { e.ProductId, e.CertificateIssuedOn }).AsNoTracking().ToListAsync(ct))
            .Where(x => x.CertificateIssuedOn is { } issued && Round.CertificateValidUntil(issued) >= Today)
            .ToDictionary(x => x.ProductId, x => Round.CertificateValidUntil(x.CertificateIssuedOn!.Value));
        var vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        var below = EnumText.Of(levels[0]).ToLower(vietnamese);
        return [.. rows.OrderBy(r => sources[r.Entry.RoundId].Name).ThenBy(r => r.Entry.Code, StringComparer.Ordinal).Select(r =>
        {
            var e = r.Entry;
            var source = sources[e.RoundId];
            var refusal = e.State == EntryState.Revoked
                ? string.Format(Messages.Nomination_Revoked, below, e.Revocation?.Number)
                : !e.HoldsValidCertificate(Today)
                    ? string.Format(Messages.Nomination_CertificateExpired, below, e.ValidUntil?.ToString("dd/MM/yyyy") ?? "—")
                    : null;
            IReadOnlyList<string> warnings = heldAtTarget.TryGetValue(e.ProductId, out var until)
                ? [string.Format(Messages.Nomination_AlreadyHoldsTarget, EnumText.Of(target.Level).ToLower(vietnamese), until.ToString("dd/MM/yyyy"))]
                : [];
            return new NominationCandidate(e.Id, source.Id, source.Name, source.Organiser, e.Code, r.Product, r.Group, r.Producer, e.Score, e.Decision,
                e.ValidUntil ?? (e.CertificateIssuedOn is { } issued ? Round.CertificateValidUntil(issued) : null), refusal, warnings);
        })];
    }

    /// <summary>Whether a decided round of the level below lies in the target's area.</summary>
    private static bool FeedsInto(UnitDirectory units, Round source, Round target) => target.Level switch
    {
        ContestLevel.Province => units.ScopeOf(target.UnitId).Contains(source.UnitId),
        ContestLevel.Region => ContestPolicy.InArea(units, target, source.UnitId),
        ContestLevel.National => true,
        _ => false,
    };

    /// <summary>
    /// Sends the chosen entries of one lower round up with the lower authority's proposal letter. Every chosen entry
    /// must be eligible; the whole proposal is saved or none of it.
    /// </summary>
    /// <returns>How many entries went up.</returns>
    public async Task<int> NominateAsync(UserScope actor, Guid targetRoundId, Guid sourceRoundId, DecisionRef letter, IReadOnlyCollection<Guid> entryIds,
        CancellationToken ct = default)
    {
        if (entryIds.Count == 0) throw new DomainException(Messages.Nomination_NothingChosen);
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await TargetAsync(db, targetRoundId, ct);
        var candidates = (await CandidatesAsync(db, units, actor, target, ct)).Where(c => c.SourceRoundId == sourceRoundId).ToDictionary(c => c.EntryId);
        foreach (var id in entryIds)
        {
            if (!candidates.TryGetValue(id, out var candidate)) throw new DomainException(Messages.EntryNominateOnlyRecognised);
            if (candidate.Refusal is { } refusal) throw DomainException.Of(Messages.Nomination_Refused, candidate.ProductName, refusal);
        }
        var source = await db.RoundAsync(sourceRoundId, ct);
        var now = clock.GetUtcNow();
        var nomination = new Nomination(target, source, letter, actor, now);
        db.Add(nomination);
        var chosen = await db.Set<Entry>().AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToListAsync(ct);
        foreach (var from in chosen)
        {
            var c = candidates[from.Id];
            var result = new LowerLevelResult(c.Score ?? 0, from.Decision!.Number, from.Decision.Date, source.Name, from.ValidUntil);
            var newId = Guid.CreateVersion7();
            var dossier = await SourceDossierAsync(db, from, newId, now, ct);
            var nominated = Entry.Nominate(target, from, nomination, result, newId, dossier, Actor.From(actor), now);
            db.Add(dossier);
            db.Add(nominated);
            db.Add(AuditEntry.Record(actor, now, "entry.nominated", nameof(Entry), nominated.Id, null,
                new { From = from.Id, To = targetRoundId, Nomination = nomination.Id, Dossier = dossier.Id }));
        }
        db.Add(AuditEntry.Record(actor, now, "nomination.sent", nameof(Nomination), nomination.Id, null,
            new { Target = targetRoundId, Source = sourceRoundId, nomination.Letter, Entries = entryIds }));
        await db.SaveOrConflictAsync(ct);
        return chosen.Count;
    }

    /// <summary>The dossier the lower level judged, copied for the new entry (frozen now if it predates frozen dossiers).</summary>
    private static async Task<DossierVersion> SourceDossierAsync(ShowcaseDb db, Entry from, Guid newEntryId, DateTimeOffset now, CancellationToken ct)
    {
        if (from.DossierId is { } id && await db.Set<DossierVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } frozen)
            return DossierVersion.CopyFor(newEntryId, frozen, now);
        var product = await db.Set<Product>().AsNoTracking().Include(p => p.Photos).Include(p => p.Documents).AsSplitQuery().FirstAsync(p => p.Id == from.ProductId, ct);
        var producer = await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == from.ProducerId, ct);
        return DossierVersion.CopyFor(newEntryId, DossierVersion.Freeze(from, product, producer, now), now);
    }

    /// <summary>The proposals a round received (for its staff) or the actor sent to it (for the lower level's staff).</summary>
    public async Task<IReadOnlyList<NominationRow>> ForRoundAsync(UserScope actor, Guid targetRoundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.RoundAsync(targetRoundId, ct);
        var all = ContestPolicy.CanManage(actor, units, target);
        var rows = await (from n in db.Set<Nomination>()
                          join r in db.Set<Round>() on n.SourceRoundId equals r.Id
                          where n.TargetRoundId == targetRoundId
                          select new { n, Source = r, Count = db.Set<Entry>().Count(e => e.NominationId == n.Id) }).AsNoTracking().ToListAsync(ct);
        return [.. rows.Where(x => all || ContestPolicy.CanManage(actor, units, x.Source)).OrderBy(x => x.n.At)
            .Select(x => new NominationRow(x.n.Id, x.Source.Id, x.Source.Name, x.n.Authority, x.n.Letter, x.n.At, x.n.ByName, x.Count, true))];
    }

    /// <summary>
    /// Phụ lục 5 of one proposal: the lower authority's own list, signed on its behalf and attached to its letter; for
    /// the staff who sent it and the staff of the round that received it.
    /// </summary>
    public async Task<byte[]> ShortListAsync(UserScope actor, Guid nominationId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var nomination = await db.Set<Nomination>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId, ct) ?? throw new NotFoundException();
        var target = await db.RoundAsync(nomination.TargetRoundId, ct);
        var source = await db.RoundAsync(nomination.SourceRoundId, ct);
        if (!ContestPolicy.CanManage(actor, units, target) && !ContestPolicy.CanManage(actor, units, source)) throw new AccessDeniedException();
        var rows = await (from e in db.Set<Entry>()
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          where e.NominationId == nominationId
                          select new { e, Product = e.DossierProductName ?? p.Name, Group = e.DossierGroup ?? p.Group }).AsNoTracking().ToListAsync(ct);
        var list = new List<ShortListRow>();
        foreach (var r in rows.OrderBy(r => r.Group).ThenBy(r => r.Product))
        {
            // The facility's particulars as its dossier recorded them.
            var dossier = r.e.DossierId is { } id ? await db.Set<DossierVersion>().AsNoTracking().FirstAsync(v => v.Id == id, ct) : null;
            var facility = dossier?.RestoreProducer() ?? await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == r.e.ProducerId, ct);
            list.Add(new ShortListRow(r.Product, r.Group, facility.Name, $"{facility.Address}, {units.PathOf(facility.UnitId)}", facility.Phone, r.e.LowerLevel?.Score,
                r.e.LowerLevel is { } l ? $"{l.DecisionNumber} ({l.DecisionDate:dd/MM/yyyy})" : null));
        }
        return ContestDocuments.ShortList(target, nomination.Authority, nomination.Letter, list, nomination.At);
    }

    /// <summary>
    /// A province round's recognised products for the region level, for offline hand-over: forms as PDF, photos,
    /// documents and a JSON summary anyone can read without this system — all from the frozen dossiers.
    /// </summary>
    public async Task<byte[]> RegionPackageAsync(UserScope actor, Guid provinceRoundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        List<Guid> recognised;
        Round round;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            round = await db.RoundAsync(provinceRoundId, ct);
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
                    decision = view.Entry.Decision, supplementary = view.Entry.SupplementaryDecision, certificateValidUntil = view.Entry.ValidUntil,
                    dossierVersion = view.Entry.DossierVersion, lowerLevel = view.Entry.LowerLevel, folder,
                });
            }
            var json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                round = new { round.Code, round.Name, level = round.Level.ToString(), unit = units.PathOf(round.UnitId), round.Year, round.PassMark },
                decision = round.Recognition,
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

    /// <summary>A round that receives proposals (province, region, national) and is open for them.</summary>
    private static async Task<Round> TargetAsync(ShowcaseDb db, Guid id, CancellationToken ct)
    {
        var round = await db.RoundAsync(id, ct);
        if (ContestPolicy.LevelsBelow(round.Level).Count == 0 || round.State is not (RoundState.OpenForRegistration or RoundState.DossierReview))
            throw new DomainException(Messages.RoundNominationTarget);
        return round;
    }
}
