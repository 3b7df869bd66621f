using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Common.Export;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

public sealed record EntryRow(Guid Id, Guid RoundId, string RoundName, ContestLevel Level, string? Code, string ProductName,
    ProductGroup Group, string ProducerName, Guid UnitId, string UnitPath, EntryState State, DateTimeOffset? SubmittedAt, decimal? Score, int? Rank,
    bool Nominated, int Version);

/// <param name="Producer">Null when the reader may not know who made the product (a blind round's juror).</param>
public sealed record EntryView(Entry Entry, Round Round, ProductView Product, Producer? Producer, string UnitPath,
    IReadOnlyList<string> Missing, DossierAccess Access, IReadOnlyList<Complaint> Complaints)
{
    public bool CanManage => Access == DossierAccess.Manage;

    /// <summary>A blind round's juror: no facility, no timeline, no document that names the facility.</summary>
    public bool Blind => Access == DossierAccess.Blind;
}

/// <summary>Dossiers: producers start, fill and submit them; staff accept, return or reject them.</summary>
public sealed class EntryService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    ProductService products,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Guid> StartAsync(UserScope actor, Guid roundId, Guid productId, CancellationToken ct = default)
    {
        if (!actor.IsProducer || actor.ProducerId is not { } producerId) throw new DomainException(Messages.ProducerProfileMissing);
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        var product = await db.Set<Product>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException();
        var producer = await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == producerId, ct);
        await CheckEligibleAsync(db, units, round, producer, product, ct);
        var now = clock.GetUtcNow();
        var entry = Entry.Start(round, product.Id, producer.Id, Actor.From(actor), now);
        db.Add(entry);
        db.Add(AuditEntry.Record(actor, now, "entry.started", nameof(Entry), entry.Id, null, new { roundId, productId }));
        await db.SaveOrConflictAsync(ct);
        return entry.Id;
    }

    /// <summary>The regulation's conditions to enter (TT 26/2014 Điều 3–4, 12; DESIGN: one certificate per level at a time).</summary>
    internal async Task CheckEligibleAsync(ShowcaseDb db, UnitDirectory units, Round round, Producer producer, Product product, CancellationToken ct)
    {
        if (product.ProducerId != producer.Id) throw new DomainException(Messages.EntryNotYourProduct);
        if (!round.AcceptsRegistrations(Today)) throw new DomainException(Messages.EntryRegistrationClosed);
        if (!units.ScopeOf(round.UnitId).Contains(producer.UnitId)) throw new DomainException(Messages.EntryOutsideUnit);
        var earlier = await (from e in db.Set<Entry>()
                             join r in db.Set<Round>() on e.RoundId equals r.Id
                             where e.ProductId == product.Id && (e.RoundId == round.Id || (r.Level == round.Level && e.State == EntryState.Recognised))
                             select new { e.RoundId, e.State, r.Recognition }).AsNoTracking().ToListAsync(ct);
        if (earlier.Any(e => e.RoundId == round.Id && e.State is not (EntryState.Withdrawn or EntryState.Rejected)))
            throw new DomainException(Messages.EntryAlreadyInRound);
        var valid = earlier.Where(e => e.State == EntryState.Recognised && e.Recognition is not null)
            .Select(e => Round.CertificateValidUntil(e.Recognition!.Date)).Where(until => until >= Today).DefaultIfEmpty().Max();
        if (valid != default) throw DomainException.Of(Messages.EntryCertificateStillValid, valid.ToString("dd/MM/yyyy"));
    }

    public Task SaveFormsAsync(UserScope actor, Guid entryId, int version, RegistrationForm registration, DescriptionForm description,
        CancellationToken ct = default) =>
        ProducerChangeAsync(actor, entryId, version, "entry.forms-saved", (entry, _, _) =>
        {
            entry.EditForms(registration, description, Actor.From(actor), clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    public Task SubmitAsync(UserScope actor, Guid entryId, int version, CancellationToken ct = default) =>
        ProducerChangeAsync(actor, entryId, version, "entry.submitted", async (entry, round, db) =>
        {
            if (!round.AcceptsRegistrations(Today) && round.State != RoundState.DossierReview) throw new DomainException(Messages.EntryRegistrationClosed);
            entry.Submit(await MissingAsync(db, entry, ct), Actor.From(actor), clock.GetUtcNow());
        }, ct);

    public Task WithdrawAsync(UserScope actor, Guid entryId, int version, CancellationToken ct = default) =>
        ProducerChangeAsync(actor, entryId, version, "entry.withdrawn", (entry, round, _) =>
        {
            entry.Withdraw(round, Actor.From(actor), clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    public Task AcceptAsync(UserScope actor, Guid entryId, int version, CancellationToken ct = default) =>
        StaffChangeAsync(actor, entryId, version, "entry.accepted", (entry, round) => entry.Accept(round, Actor.From(actor), clock.GetUtcNow()), ct,
            (entry, product) => string.Format(Messages.Notify_Accepted, product, entry.Code));

    public Task ReturnAsync(UserScope actor, Guid entryId, int version, string reason, CancellationToken ct = default) =>
        StaffChangeAsync(actor, entryId, version, "entry.returned",
            (entry, round) => entry.ReturnForCompletion(round, reason, Actor.From(actor), clock.GetUtcNow()), ct,
            (entry, product) => string.Format(Messages.Notify_Returned, product, entry.ReturnReason));

    public Task RejectAsync(UserScope actor, Guid entryId, int version, IneligibilityReason reason, string? note, CancellationToken ct = default) =>
        StaffChangeAsync(actor, entryId, version, "entry.rejected",
            (entry, round) => entry.Reject(round, reason, note, Actor.From(actor), clock.GetUtcNow()), ct);

    /// <summary>What still stands between the dossier and submission, in the producer's words.</summary>
    internal static async Task<IReadOnlyList<string>> MissingAsync(ShowcaseDb db, Entry entry, CancellationToken ct)
    {
        var missing = new List<string>();
        if (!entry.Registration.SelfMade) missing.Add(Messages.Missing_SelfMade);
        if (!entry.Registration.MassProducible) missing.Add(Messages.Missing_MassProducible);
        if (!entry.Registration.MeetsStandards) missing.Add(Messages.Missing_Standards);
        if (string.IsNullOrWhiteSpace(entry.Description.Highlights)) missing.Add(Messages.Missing_Highlights);
        var views = await db.Set<ProductPhoto>().Where(p => p.ProductId == entry.ProductId).Select(p => p.View).ToListAsync(ct);
        var lacking = Product.RequiredViews.Where(v => !views.Contains(v)).ToList();
        if (lacking.Count > 0) missing.Add(string.Format(Messages.Missing_Photos, string.Join(", ", lacking.Select(v => EnumText.Of(v)))));
        if (!await db.Set<ProductDocument>().AnyAsync(d => d.ProductId == entry.ProductId && d.Type == DocumentType.BusinessRegistration, ct))
            missing.Add(Messages.Missing_Registration);
        return missing;
    }

    public async Task<EntryView?> GetAsync(UserScope actor, Guid entryId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return null;
        var round = await db.Set<Round>().AsNoTracking().Include(r => r.Criteria).FirstAsync(r => r.Id == entry.RoundId, ct);
        var producer = await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == entry.ProducerId, ct);
        var access = await DossierReaders.ForAsync(db, units, actor, round, entry, producer.UnitId, ct);
        if (access == DossierAccess.None) throw new AccessDeniedException();
        var missing = await MissingAsync(db, entry, ct);
        // The dossier is the product's own record: staff of the round read it through the round, not through their unit.
        var product = await products.GetForDossierAsync(entry.ProductId, ct);
        if (access == DossierAccess.Blind)
        {
            // Loaded without its timeline (which names the producer's people) and without complaints.
            var roundUnit = units.PathOf(round.UnitId);
            return new EntryView(entry, round, product with { ProducerName = Messages.Dossier_BlindProducer, ProducerUnitId = round.UnitId, UnitPath = roundUnit },
                null, roundUnit, missing, access, []);
        }
        entry = await db.Set<Entry>().AsNoTracking().Include(e => e.Events).FirstAsync(e => e.Id == entryId, ct);
        var complaints = await db.Set<Complaint>().AsNoTracking().Include(c => c.Attachments).Where(c => c.EntryId == entryId).ToListAsync(ct);
        return new EntryView(entry, round, product, producer, units.PathOf(producer.UnitId), missing, access, complaints);
    }

    public async Task<IReadOnlyList<EntryRow>> MineAsync(UserScope actor, CancellationToken ct = default)
    {
        if (actor.ProducerId is not { } producerId) return [];
        return await RowsAsync(e => e.ProducerId == producerId, ct);
    }

    /// <summary>The round's dossiers: every one for its staff, only their own unit's facilities for staff who follow it from below.</summary>
    public async Task<IReadOnlyList<EntryRow>> ForRoundAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        Round round;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        var visible = DossierReaders.ListFilter(actor, units, round) ?? throw new AccessDeniedException();
        return [.. (await RowsAsync(e => e.RoundId == roundId && e.State != EntryState.Draft, ct)).Where(r => visible(r.UnitId))
            .OrderBy(r => r.Code ?? "~").ThenBy(r => r.SubmittedAt)];
    }

    /// <summary>Dossiers waiting for staff across every round the actor manages, oldest first.</summary>
    public async Task<IReadOnlyList<EntryRow>> ReviewQueueAsync(UserScope actor, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.Set<Round>().AsNoTracking()
            .Where(r => r.State == RoundState.OpenForRegistration || r.State == RoundState.DossierReview).ToListAsync(ct);
        var managed = rounds.Where(r => ContestPolicy.CanManage(actor, units, r)).Select(r => r.Id).ToList();
        return [.. (await RowsAsync(e => managed.Contains(e.RoundId) && e.State == EntryState.Submitted, ct)).OrderBy(r => r.SubmittedAt)];
    }

    public async Task<byte[]> ExportAsync(UserScope actor, Guid roundId, bool xlsx, CancellationToken ct = default)
    {
        var rows = await ForRoundAsync(actor, roundId, ct);
        var table = new ExportTable(Messages.Export_EntriesSheet,
        [
            new(Messages.Export_Code, Width: 16), new(Messages.Export_Product, Width: 32), new(Messages.Export_Group, Width: 30),
            new(Messages.Export_Producer, Width: 32), new(Messages.Export_Unit, Width: 36), new(Messages.Export_State, Width: 22),
            new(Messages.Export_Submitted, ColumnKind.Date, 14), new(Messages.Export_Score, ColumnKind.Decimal, 10),
            new(Messages.Export_Rank, ColumnKind.Integer, 8),
        ],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.ProductName, EnumText.Of(r.Group), r.ProducerName, r.UnitPath,
            EnumText.Of(r.State), r.SubmittedAt, r.Score, r.Rank])],
        rows.FirstOrDefault()?.RoundName);
        return xlsx ? TableExport.ToXlsx(table) : TableExport.ToCsv(table);
    }

    private async Task<IReadOnlyList<EntryRow>> RowsAsync(System.Linq.Expressions.Expression<Func<Entry, bool>> filter, CancellationToken ct)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from e in db.Set<Entry>().Where(filter)
                          join r in db.Set<Round>() on e.RoundId equals r.Id
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          select new { e.Id, e.RoundId, Round = r.Name, r.Level, e.Code, Product = p.Name, p.Group, Producer = f.Name, f.UnitId,
                              e.State, e.SubmittedAt, e.Score, e.Rank, e.NominatedFromEntryId, e.Version, e.CreatedAt })
            .AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.CreatedAt).Select(r => new EntryRow(r.Id, r.RoundId, r.Round, r.Level, r.Code, r.Product, r.Group,
            r.Producer, r.UnitId, units.PathOf(r.UnitId), r.State, r.SubmittedAt, r.Score, r.Rank, r.NominatedFromEntryId is not null, r.Version))];
    }

    private async Task ProducerChangeAsync(UserScope actor, Guid entryId, int version, string action, Func<Entry, Round, ShowcaseDb, Task> change,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().Include(e => e.Events).FirstOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw new NotFoundException();
        if (!actor.ActsFor(entry.ProducerId)) throw new AccessDeniedException();
        var round = await db.Set<Round>().FirstAsync(r => r.Id == entry.RoundId, ct);
        await SaveChangeAsync(db, actor, entry, version, action, () => change(entry, round, db), ct);
    }

    private async Task StaffChangeAsync(UserScope actor, Guid entryId, int version, string action, Action<Entry, Round> change, CancellationToken ct,
        Func<Entry, string, string>? notice = null)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().Include(e => e.Events).FirstOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw new NotFoundException();
        var round = await db.Set<Round>().FirstAsync(r => r.Id == entry.RoundId, ct);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        await SaveChangeAsync(db, actor, entry, version, action, () =>
        {
            change(entry, round);
            // Accepting hands out the next entry code: the round's counter must not be raced either.
            db.Entry(round).State = EntityState.Modified;
            return notice is null ? Task.CompletedTask : NoticeAsync(db, entry, notice, ct);
        }, ct);
    }

    private async Task NoticeAsync(ShowcaseDb db, Entry entry, Func<Entry, string, string> notice, CancellationToken ct)
    {
        var product = await db.Set<Product>().Where(p => p.Id == entry.ProductId).Select(p => p.Name).FirstAsync(ct);
        await Notifications.Notify.ProducerAsync(db, entry.ProducerId, notice(entry, product), $"/producer/entries/{entry.Id}", clock.GetUtcNow(), ct);
    }

    private async Task SaveChangeAsync(ShowcaseDb db, UserScope actor, Entry entry, int version, string action, Func<Task> change, CancellationToken ct)
    {
        db.ExpectVersion(entry, version);
        var before = new { entry.State, entry.Code };
        await change();
        db.Entry(entry).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), action, nameof(Entry), entry.Id, before, new { entry.State, entry.Code, entry.ReturnReason, entry.RejectionReason }));
        await db.SaveOrConflictAsync(ct);
    }
}
