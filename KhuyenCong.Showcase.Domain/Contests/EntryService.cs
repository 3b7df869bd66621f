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

/// <param name="Processing">The 30-working-day limit of a dossier waiting for its result (null once decided).</param>
public sealed record EntryRow(Guid Id, Guid RoundId, string RoundName, ContestLevel Level, string? Code, string ProductName,
    ProductGroup Group, string ProducerName, Guid UnitId, string UnitPath, EntryState State, DateTimeOffset? SubmittedAt, decimal? Score, int? Rank,
    bool Nominated, int Version, Deadline? Processing = null);

/// <summary>What staff narrow a round's dossier list to; the search ignores diacritics and case.</summary>
/// <param name="UnitId">Facilities in this unit or below it.</param>
public sealed record EntryFilter(string? Search = null, EntryState? State = null, ProductGroup? Group = null, Guid? UnitId = null);

public sealed record DossierVersionRow(int Number, DateTimeOffset FrozenAt);

/// <param name="Producer">Null when the reader may not know who made the product (a blind round's juror).</param>
/// <param name="Product">The dossier's product: the frozen copy once submitted, the live product while the producer edits.</param>
/// <param name="Warnings">What staff should weigh without it being a refusal (a certificate of this level still valid, Điều 6.3).</param>
/// <param name="Processing">The 30-working-day limit from the complete dossier, while it waits for a result.</param>
/// <param name="ComplaintWindow">The last day a complaint about this entry's result is received in time (Điều 20.1).</param>
public sealed record EntryView(Entry Entry, Round Round, ProductView Product, Producer? Producer, string UnitPath,
    IReadOnlyList<string> Missing, DossierAccess Access, IReadOnlyList<Complaint> Complaints, IReadOnlyList<string> Warnings,
    Deadline? Processing, Deadline? ComplaintWindow, IReadOnlyList<DossierVersionRow> Versions)
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
    CalendarService calendar,
    DossierReaders readers,
    TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<Guid> StartAsync(UserScope actor, Guid roundId, Guid productId, CancellationToken ct = default)
    {
        if (!actor.IsProducer || actor.ProducerId is not { } producerId) throw new DomainException(Messages.ProducerProfileMissing);
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
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

    /// <summary>
    /// The regulation's conditions to enter directly (TT 26/2014 Điều 3–4, 12). A product may enter many rounds (Điều
    /// 6.3): a certificate still valid is a warning for staff, not a refusal. Region and national rounds take entries
    /// only on the proposal of the level below (Điều 12.3.c, 12.4.c), through <see cref="NominationService"/>.
    /// </summary>
    internal async Task CheckEligibleAsync(ShowcaseDb db, UnitDirectory units, Round round, Producer producer, Product product, CancellationToken ct)
    {
        if (product.ProducerId != producer.Id) throw new DomainException(Messages.EntryNotYourProduct);
        if (!ContestPolicy.TakesDirectEntries(round.Level)) throw new DomainException(Messages.EntryOnlyByNomination);
        if (!round.AcceptsRegistrations(Today)) throw new DomainException(Messages.EntryRegistrationClosed);
        if (!ContestPolicy.InArea(units, round, producer.UnitId)) throw new DomainException(Messages.EntryOutsideUnit);
        if (await db.Set<Entry>().AnyAsync(e => e.ProductId == product.Id && e.RoundId == round.Id
                && e.State != EntryState.Withdrawn && e.State != EntryState.Rejected, ct))
            throw new DomainException(Messages.EntryAlreadyInRound);
    }

    /// <summary>Certificates of the round's level the product still holds: staff see them as a warning (Điều 6.3).</summary>
    internal async Task<IReadOnlyList<string>> CertificateWarningsAsync(ShowcaseDb db, Round round, Guid productId, Guid entryId, CancellationToken ct)
    {
        var held = await (from e in db.Set<Entry>()
                          join r in db.Set<Round>() on e.RoundId equals r.Id
                          where e.ProductId == productId && e.Id != entryId && r.Level == round.Level && e.State == EntryState.Recognised
                          select new { e.CertificateIssuedOn, e.Decision, r.Name }).AsNoTracking().ToListAsync(ct);
        return [.. held.Where(h => h.CertificateIssuedOn is { } issued && Round.CertificateValidUntil(issued) >= Today)
            .Select(h => string.Format(Messages.EntryCertificateStillValidWarning, EnumText.Of(round.Level),
                Round.CertificateValidUntil(h.CertificateIssuedOn!.Value).ToString("dd/MM/yyyy"), h.Decision?.Number, h.Name))];
    }

    public Task SaveFormsAsync(UserScope actor, Guid entryId, int version, RegistrationForm registration, DescriptionForm description,
        CancellationToken ct = default) =>
        ProducerChangeAsync(actor, entryId, version, "entry.forms-saved", (entry, _, _) =>
        {
            entry.EditForms(registration, description, Actor.From(actor), clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    /// <summary>Submits the dossier and freezes it (Điều 13): the forms, the product's texts, photos and documents, the facility.</summary>
    public Task SubmitAsync(UserScope actor, Guid entryId, int version, CancellationToken ct = default) =>
        ProducerChangeAsync(actor, entryId, version, "entry.submitted", async (entry, round, db) =>
        {
            if (!round.AcceptsRegistrations(Today) && round.State != RoundState.DossierReview) throw new DomainException(Messages.EntryRegistrationClosed);
            var missing = await MissingAsync(db, entry, ct);
            var product = await db.Set<Product>().AsNoTracking().Include(p => p.Photos).Include(p => p.Documents).AsSplitQuery()
                .FirstAsync(p => p.Id == entry.ProductId, ct);
            var producer = await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == entry.ProducerId, ct);
            var now = clock.GetUtcNow();
            var dossier = DossierVersion.Freeze(entry, product, producer, now);
            entry.Submit(missing, dossier, Actor.From(actor), now);
            db.Add(dossier);
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
        var liveProducer = await db.Set<Producer>().AsNoTracking().FirstAsync(p => p.Id == entry.ProducerId, ct);
        var access = await readers.ForAsync(db, units, actor, round, entry, liveProducer.UnitId, ct);
        if (access == DossierAccess.None) throw new AccessDeniedException();
        var missing = entry.IsFrozen ? [] : await MissingAsync(db, entry, ct);
        // Once submitted, every reader sees the dossier as it was submitted; the producer's later edits are for later rounds.
        var (product, producer) = await DossierOfAsync(db, units, entry, liveProducer, ct);
        var cal = await calendar.ForRoundAsync(round, Today, ct);
        var processing = ProcessingOf(entry, cal);
        var window = entry.ComplaintDeadline(cal) is { } last ? Deadline.On(last, Today, cal) : null;
        var versions = await db.Set<DossierVersion>().AsNoTracking().Where(v => v.EntryId == entryId).OrderBy(v => v.Number)
            .Select(v => new DossierVersionRow(v.Number, v.FrozenAt)).ToListAsync(ct);
        var warnings = await CertificateWarningsAsync(db, round, entry.ProductId, entry.Id, ct);
        if (access == DossierAccess.Blind)
        {
            // Loaded without its timeline (which names the producer's people) and without complaints.
            var roundUnit = units.PathOf(round.UnitId);
            return new EntryView(entry, round, product with { ProducerName = Messages.Dossier_BlindProducer, ProducerUnitId = round.UnitId, UnitPath = roundUnit },
                null, roundUnit, missing, access, [], [], processing, null, versions);
        }
        entry = await db.Set<Entry>().AsNoTracking().Include(e => e.Events).FirstAsync(e => e.Id == entryId, ct);
        var complaints = await db.Set<Complaint>().AsNoTracking().Include(c => c.Attachments).Where(c => c.EntryId == entryId).ToListAsync(ct);
        return new EntryView(entry, round, product, producer, units.PathOf(producer.UnitId), missing, access, complaints, warnings,
            processing, window, versions);
    }

    /// <summary>The dossier's product and facility: the frozen copy once submitted, the live records while the producer edits.</summary>
    private async Task<(ProductView Product, Producer Producer)> DossierOfAsync(ShowcaseDb db, UnitDirectory units, Entry entry, Producer liveProducer,
        CancellationToken ct)
    {
        if (entry.DossierId is { } dossierId && await db.Set<DossierVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == dossierId, ct) is { } dossier)
        {
            var producer = dossier.RestoreProducer();
            return (new ProductView(dossier.RestoreProduct(), producer.Name, producer.UnitId, units.PathOf(producer.UnitId)), producer);
        }
        return (await products.GetForDossierAsync(entry.ProductId, ct), liveProducer);
    }

    /// <summary>A dossier waiting for its result, from its complete submission: 30 working days (DESIGN: dossier processing time).</summary>
    private Deadline? ProcessingOf(Entry entry, WorkingCalendar cal) =>
        entry.State is EntryState.Submitted or EntryState.Accepted && entry.SubmittedAt is { } at
            ? Deadline.On(ContestDeadlines.Processing(VietnamTime.DateOf(at), cal), Today, cal)
            : null;

    public async Task<IReadOnlyList<EntryRow>> MineAsync(UserScope actor, CancellationToken ct = default)
    {
        if (actor.ProducerId is not { } producerId) return [];
        return await RowsAsync(e => e.ProducerId == producerId, ct);
    }

    /// <summary>
    /// The round's dossiers, all of them (exports, the short list, tests; screens use <see cref="PageForRoundAsync"/>):
    /// every one for its staff, only their own unit's facilities for staff who follow it from below.
    /// </summary>
    public async Task<IReadOnlyList<EntryRow>> ForRoundAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        var cells = await RoundEntries(db, units, actor, round, new EntryFilter()).ToSortedListAsync(EntrySorts, EntryCellsOf, ct);
        return [.. cells.Select(c => c.ToRow(round, units))];
    }

    /// <summary>One page of the round's dossiers as <see cref="ForRoundAsync"/> sees them, filtered, sorted and counted in the database.</summary>
    public async Task<Paged<EntryRow>> PageForRoundAsync(UserScope actor, Guid roundId, EntryFilter filter, PageRequest page,
        CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        return (await RoundEntries(db, units, actor, round, filter).PageAsync(page, EntrySorts, EntryCellsOf, ct)).Map(c => c.ToRow(round, units));
    }

    private static IQueryable<EntryJoin> RoundEntries(ShowcaseDb db, UnitDirectory units, UserScope actor, Round round, EntryFilter filter)
    {
        var scope = DossierReaders.ListScopeOf(actor, units, round) ?? throw new AccessDeniedException();
        var roundId = round.Id;
        var query = from e in db.Set<Entry>().AsNoTracking()
                    where e.RoundId == roundId && e.State != EntryState.Draft
                    join p in db.Set<Product>().AsNoTracking() on e.ProductId equals p.Id
                    join f in db.Set<Producer>().AsNoTracking() on e.ProducerId equals f.Id
                    select new EntryJoin { Entry = e, Product = p, Producer = f };
        if (scope.Units is { } visible)
        {
            var ids = visible.ToList();
            query = query.Where(j => ids.Contains(j.Producer.UnitId));
        }
        if (filter.UnitId is { } unitId)
        {
            var within = units.ScopeOf(unitId).ToList();
            query = query.Where(j => within.Contains(j.Producer.UnitId));
        }
        if (filter.State is { } state) query = query.Where(j => j.Entry.State == state);
        if (filter.Group is { } group) query = query.Where(j => (j.Entry.DossierGroup ?? j.Product.Group) == group);
        if (VietnameseText.SearchKey(filter.Search) is { Length: > 0 } key)
        {
            // The code as typed ("T42-0007"), the product's and the facility's names without diacritics.
            var code = filter.Search!.Trim().ToUpperInvariant();
            query = query.Where(j => j.Product.SearchKey.Contains(key) || j.Producer.SearchKey.Contains(key)
                || (j.Entry.Code != null && j.Entry.Code.Contains(code)));
        }
        return query;
    }

    /// <summary>
    /// By code (dossiers without one yet last), then by submission; names by their folded key, so Đ sorts with D. State
    /// and group are filters, not sorts: stored by their English names, they would sort in an order nobody reads.
    /// </summary>
    private static readonly SortMap<EntryJoin> EntrySorts =
        new SortMap<EntryJoin>(q => q.OrderBy(j => j.Entry.Code ?? "~").ThenBy(j => j.Entry.SubmittedAt), q => q.ThenBy(j => j.Entry.Id))
            .Add(nameof(EntryRow.Code), j => j.Entry.Code ?? "~")
            .Add(nameof(EntryRow.ProductName), j => j.Product.SearchKey)
            .Add(nameof(EntryRow.ProducerName), j => j.Producer.SearchKey)
            .Add(nameof(EntryRow.SubmittedAt), j => j.Entry.SubmittedAt)
            // SQLite keeps decimals as text and cannot order them: a double orders the same for 18,4 points.
            .Add(nameof(EntryRow.Score), j => (double?)j.Entry.Score)
            .Add(nameof(EntryRow.Rank), j => j.Entry.Rank);

    // The name and group as submitted: a list of dossiers shows the dossiers, not what the product became since.
    private static readonly System.Linq.Expressions.Expression<Func<EntryJoin, EntryCells>> EntryCellsOf = j => new EntryCells(
        j.Entry.Id, j.Entry.RoundId, j.Entry.Code, j.Entry.DossierProductName ?? j.Product.Name, j.Entry.DossierGroup ?? j.Product.Group, j.Producer.Name,
        j.Producer.UnitId, j.Entry.State, j.Entry.SubmittedAt, j.Entry.Score, j.Entry.Rank, j.Entry.NominatedFromEntryId != null, j.Entry.Version);

    private sealed class EntryJoin
    {
        public Entry Entry { get; init; } = default!;
        public Product Product { get; init; } = default!;
        public Producer Producer { get; init; } = default!;
    }

    private sealed record EntryCells(Guid Id, Guid RoundId, string? Code, string Product, ProductGroup Group, string Producer, Guid UnitId, EntryState State,
        DateTimeOffset? SubmittedAt, decimal? Score, int? Rank, bool Nominated, int Version)
    {
        public EntryRow ToRow(Round round, UnitDirectory units) => new(Id, round.Id, round.Name, round.Level, Code, Product, Group, Producer,
            UnitId, units.PathOf(UnitId), State, SubmittedAt, Score, Rank, Nominated, Version);
    }

    /// <summary>
    /// One page of the dossiers waiting for staff across every round the actor runs (ContestPolicy.Manageable, in SQL),
    /// oldest first, each with its processing limit on its round's calendar; <paramref name="roundId"/> narrows to one round.
    /// </summary>
    public async Task<Paged<EntryRow>> ReviewQueueAsync(UserScope actor, Guid? roundId, PageRequest page, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = RoundsUnderReview(db, actor, units);
        if (roundId is { } only) rounds = rounds.Where(r => r.Id == only);
        var query = from e in db.Set<Entry>().AsNoTracking()
                    where e.State == EntryState.Submitted
                    join r in rounds on e.RoundId equals r.Id
                    join p in db.Set<Product>().AsNoTracking() on e.ProductId equals p.Id
                    join f in db.Set<Producer>().AsNoTracking() on e.ProducerId equals f.Id
                    select new EntryJoin { Entry = e, Product = p, Producer = f };
        var found = await query.PageAsync(page, QueueSorts, EntryCellsOf, ct);
        var ids = found.Items.Select(c => c.RoundId).Distinct().ToList();
        var byId = await db.Set<Round>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var calendars = new Dictionary<Guid, WorkingCalendar>();
        foreach (var round in byId.Values) calendars[round.Id] = await calendar.ForRoundAsync(round, Today, ct);
        return found.Map(c =>
        {
            var cal = calendars[c.RoundId];
            return c.ToRow(byId[c.RoundId], units) with
            {
                Processing = c.SubmittedAt is { } at ? Deadline.On(ContestDeadlines.Processing(VietnamTime.DateOf(at), cal), Today, cal) : null,
            };
        });
    }

    /// <summary>The rounds with dossiers waiting for the actor, for the queue's round filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, int Waiting)>> ReviewRoundsAsync(UserScope actor, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new AccessDeniedException();
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RoundsUnderReview(db, actor, units)
            .Select(r => new { r.Id, r.Name, Waiting = db.Set<Entry>().Count(e => e.RoundId == r.Id && e.State == EntryState.Submitted) })
            .Where(r => r.Waiting > 0).OrderBy(r => r.Name).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name, r.Waiting))];
    }

    /// <summary>The rounds the actor runs that take dossiers for review now: the queue and its round filter read the same set.</summary>
    private static IQueryable<Round> RoundsUnderReview(ShowcaseDb db, UserScope actor, UnitDirectory units) =>
        db.Set<Round>().AsNoTracking().Where(ContestPolicy.Manageable(actor, units))
            .Where(r => r.State == RoundState.OpenForRegistration || r.State == RoundState.DossierReview);

    private static readonly SortMap<EntryJoin> QueueSorts =
        new(q => q.OrderBy(j => j.Entry.SubmittedAt), q => q.ThenBy(j => j.Entry.Id));

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
        // The name and group as submitted: a list of dossiers shows the dossiers, not what the product became since.
        var rows = await (from e in db.Set<Entry>().Where(filter)
                          join r in db.Set<Round>() on e.RoundId equals r.Id
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          select new { e.Id, e.RoundId, Round = r.Name, r.Level, e.Code, Product = e.DossierProductName ?? p.Name,
                              Group = e.DossierGroup ?? p.Group, Producer = f.Name, f.UnitId,
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
        var round = await db.RoundAsync(entry.RoundId, ct, tracked: true);
        await SaveChangeAsync(db, actor, entry, version, action, () => change(entry, round, db), ct);
    }

    private async Task StaffChangeAsync(UserScope actor, Guid entryId, int version, string action, Action<Entry, Round> change, CancellationToken ct,
        Func<Entry, string, string>? notice = null)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().Include(e => e.Events).FirstOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw new NotFoundException();
        var round = await db.RoundAsync(entry.RoundId, ct, tracked: true);
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
        var product = entry.DossierProductName ?? await db.Set<Product>().Where(p => p.Id == entry.ProductId).Select(p => p.Name).FirstAsync(ct);
        await Notifications.Notify.ProducerAsync(db, entry.ProducerId, notice(entry, product), $"/producer/entries/{entry.Id}", clock.GetUtcNow(), ct);
    }

    private async Task SaveChangeAsync(ShowcaseDb db, UserScope actor, Entry entry, int version, string action, Func<Task> change, CancellationToken ct)
    {
        db.ExpectVersion(entry, version);
        var before = new { entry.State, entry.Code, entry.DossierVersion };
        await change();
        db.Entry(entry).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), action, nameof(Entry), entry.Id, before,
            new { entry.State, entry.Code, entry.ReturnReason, entry.RejectionReason, entry.DossierVersion }));
        await db.SaveOrConflictAsync(ct);
    }
}
