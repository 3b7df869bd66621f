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

/// <param name="EntryId">Null for a complaint or petition about the round's result as a whole.</param>
public sealed record ComplaintRow(Guid Id, Guid RoundId, string RoundName, Guid? EntryId, string? EntryCode, string? ProductName, ComplaintKind Kind,
    ComplaintChannel Channel, string Complainant, DateOnly ReceivedOn, DateTimeOffset FiledAt, Deadline ResolveBy, ComplaintState State,
    string Reasons, string? Resolution, int Version, bool Overdue);

/// <summary>What staff narrow a round's complaints by.</summary>
public sealed record ComplaintFilter(ComplaintState? State = null, ComplaintKind? Kind = null);

/// <summary>What a facility may complain about in a round: the published results and the window, on today's calendar.</summary>
public sealed record ComplaintTargets(Round Round, string AreaName, IReadOnlyList<ComplaintTarget> Entries, Deadline? RoundWindow);

/// <param name="Window">The last day a complaint about this entry's result is received in time (Điều 20.1).</param>
public sealed record ComplaintTarget(Guid EntryId, string? Code, string ProductName, string ProducerName, EntryState State, decimal? Score,
    bool Mine, Deadline? Window);

/// <summary>
/// Complaints and petitions about a round's results (TT 26/2014 Điều 10.3, 20): filed online by any facility about any
/// published entry of the round or about the round as a whole, or received on paper and recorded by the round's staff;
/// received within 15 working days of the notice of results, resolved within 10 working days of receipt.
/// </summary>
public sealed class ComplaintService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    CalendarService calendar,
    MediaService media,
    TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    /// <summary>
    /// What a signed-in facility sees to complain about: the entries the round recognised (public anyway), its own
    /// entries whatever their result, and the round as a whole, each with the last day of its window.
    /// </summary>
    public async Task<ComplaintTargets> TargetsAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        if (!actor.IsProducer || actor.ProducerId is not { } producerId) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        if (round.State < RoundState.DecisionIssued) throw new DomainException(Messages.ComplaintOnlyAfterResult);
        var units = await geography.DirectoryAsync(ct);
        var rows = await (from e in db.Set<Entry>()
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          where e.RoundId == roundId && (e.State == EntryState.Recognised || e.State == EntryState.Revoked
                              || (e.ProducerId == producerId && (e.State == EntryState.NotRecognised || e.State == EntryState.Accepted)))
                          select new { e, Product = e.DossierProductName ?? p.Name, Producer = f.Name }).AsNoTracking().ToListAsync(ct);
        var cal = await calendar.ForRoundAsync(round, Today, ct);
        var targets = rows.OrderBy(r => r.e.Code, StringComparer.Ordinal).Select(r => new ComplaintTarget(r.e.Id, r.e.Code, r.Product, r.Producer,
            r.e.State, r.e.Score, r.e.ProducerId == producerId, r.e.ComplaintDeadline(cal) is { } d ? Deadline.On(d, Today, cal) : null)).ToList();
        var last = targets.Select(t => t.Window).Where(w => w is not null).MaxBy(w => w!.Due);
        return new ComplaintTargets(round, RoundService.AreaName(units, round), targets, last);
    }

    /// <summary>A facility's complaint or petition, filed online today.</summary>
    /// <param name="entryId">The entry whose result is challenged (any entry of the round); null for the round as a whole.</param>
    public async Task<Guid> FileAsync(UserScope actor, Guid roundId, Guid? entryId, ComplaintKind kind, string reasons, IReadOnlyList<StoredFile> attachments,
        CancellationToken ct = default)
    {
        try
        {
            if (!actor.IsProducer || actor.ProducerId is not { } producerId) throw new AccessDeniedException();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var name = await db.Set<Producer>().Where(p => p.Id == producerId).Select(p => p.Name).FirstAsync(ct);
            return await AddAsync(db, actor, roundId, entryId, new ComplaintFiling(kind, ComplaintChannel.Online, name, producerId, Today, reasons), attachments, ct);
        }
        catch
        {
            await media.DiscardAsync(attachments.Select(a => a.Key));
            throw;
        }
    }

    /// <summary>A complaint or petition received on paper, recorded by the round's staff with the day it was received.</summary>
    public async Task<Guid> RecordPaperAsync(UserScope actor, Guid roundId, Guid? entryId, ComplaintKind kind, string complainant, DateOnly receivedOn,
        string reasons, IReadOnlyList<StoredFile> attachments, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var round = await db.RoundAsync(roundId, ct);
            if (!ContestPolicy.CanManage(actor, await geography.DirectoryAsync(ct), round)) throw new AccessDeniedException();
            return await AddAsync(db, actor, roundId, entryId, new ComplaintFiling(kind, ComplaintChannel.Paper, complainant, null, receivedOn, reasons),
                attachments, ct);
        }
        catch
        {
            await media.DiscardAsync(attachments.Select(a => a.Key));
            throw;
        }
    }

    private async Task<Guid> AddAsync(ShowcaseDb db, UserScope actor, Guid roundId, Guid? entryId, ComplaintFiling filing, IReadOnlyList<StoredFile> attachments,
        CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct, tracked: true);
        Entry? entry = null;
        if (entryId is { } id)
            entry = await db.Set<Entry>().Include(e => e.Events).FirstOrDefaultAsync(e => e.Id == id && e.RoundId == roundId, ct) ?? throw new NotFoundException();
        var cal = await calendar.ForRoundAsync(round, Today, ct);
        DateOnly? deadline = entry is not null ? entry.ComplaintDeadline(cal) : await LastDeadlineAsync(db, round, cal, ct);
        var now = clock.GetUtcNow();
        var complaint = Complaint.File(round, entry, filing, attachments, Actor.From(actor), now, Today, deadline);
        db.Add(complaint);
        if (entry is not null && filing.ComplainantProducerId != entry.ProducerId)
            await Notifications.Notify.ProducerAsync(db, entry.ProducerId, string.Format(Messages.Notify_ComplaintAboutYou, entry.Code, round.Name),
                $"/producer/entries/{entry.Id}", now, ct);
        db.Add(AuditEntry.Record(actor, now, "complaint.filed", nameof(Complaint), complaint.Id, null,
            new { roundId, entryId, complaint.Kind, complaint.Channel, complaint.ComplainantName, complaint.ReceivedOn, complaint.Reasons }));
        await db.SaveOrConflictAsync(ct);
        return complaint.Id;
    }

    private static async Task<DateOnly?> LastDeadlineAsync(ShowcaseDb db, Round round, WorkingCalendar cal, CancellationToken ct)
    {
        var notices = await db.Set<Entry>().Where(e => e.RoundId == round.Id && e.Notice != null).Select(e => e.Notice!.On).Distinct().ToListAsync(ct);
        return notices.Count == 0 ? null : ContestDeadlines.Complaint(notices.Max(), cal);
    }

    /// <summary>
    /// The council's answer, by the round's staff. <see cref="ComplaintState.Revoked"/> revokes the recognition in the
    /// same save and needs the revocation decision (Điều 20.3).
    /// </summary>
    public async Task ResolveAsync(UserScope actor, Guid complaintId, int version, ComplaintState outcome, string resolution, DecisionRef? revocation = null,
        CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == complaintId, ct) ?? throw new NotFoundException();
        var round = await db.RoundAsync(complaint.RoundId, ct, tracked: true);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        var entry = complaint.EntryId is { } entryId ? await db.Set<Entry>().Include(e => e.Events).FirstAsync(e => e.Id == entryId, ct) : null;
        db.ExpectVersion(complaint, version);
        var before = new { complaint.State, EntryState = entry?.State, RoundState = round.State };
        var now = clock.GetUtcNow();
        if (outcome == ComplaintState.Revoked)
        {
            if (entry is null) throw new DomainException(Messages.ComplaintNeedsEntry);
            entry.Revoke(revocation ?? throw new DomainException(Messages.DecisionNumberRequired), resolution, Today, Actor.From(actor), now);
            await Notifications.Notify.ProducerAsync(db, entry.ProducerId, string.Format(Messages.Notify_Revoked, entry.DossierProductName ?? entry.Code,
                round.Name, revocation.Number), $"/producer/entries/{entry.Id}", now, ct);
        }
        complaint.Resolve(outcome, resolution, round, entry, Actor.From(actor), now);
        db.Entry(round).State = EntityState.Modified;
        if (entry is not null) db.Entry(entry).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, now, "complaint.resolved", nameof(Complaint), complaint.Id, before,
            new { complaint.State, complaint.Resolution, EntryState = entry?.State, RoundState = round.State, Revocation = revocation }));
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Every complaint of a round, for the staff who run or follow it, oldest first.</summary>
    public async Task<IReadOnlyList<ComplaintRow>> ForRoundAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await ViewableRoundAsync(db, actor, roundId, ct);
        return await RowsAsync(db, [round], c => c.RoundId == roundId, ct);
    }

    /// <summary>
    /// One page of a round's complaints, for the staff who run or follow it: filtered, sorted (oldest first unless asked)
    /// and counted in the database, each with its resolution limit on the round's calendar.
    /// </summary>
    public async Task<Paged<ComplaintRow>> PageAsync(UserScope actor, Guid roundId, ComplaintFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await ViewableRoundAsync(db, actor, roundId, ct);
        var complaints = db.Set<Complaint>().AsNoTracking().Where(c => c.RoundId == roundId);
        if (filter.State is { } state) complaints = complaints.Where(c => c.State == state);
        if (filter.Kind is { } kind) complaints = complaints.Where(c => c.Kind == kind);
        var found = await Joined(db, complaints).PageAsync(page, Sorts, j => j, ct);
        var cal = await calendar.ForRoundAsync(round, Today, ct);
        return found.Map(j => j.ToRow(round, cal, Today));
    }

    /// <summary>The round, for the staff who run or follow it (ContestPolicy.CanView); anyone else is refused.</summary>
    private async Task<Round> ViewableRoundAsync(ShowcaseDb db, UserScope actor, Guid roundId, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        if (!ContestPolicy.CanView(actor, await geography.DirectoryAsync(ct), round)) throw new AccessDeniedException();
        return round;
    }

    /// <summary>The complaints a facility filed, wherever they are.</summary>
    public async Task<IReadOnlyList<ComplaintRow>> MineAsync(UserScope actor, CancellationToken ct = default)
    {
        if (actor.ProducerId is not { } producerId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roundIds = await db.Set<Complaint>().Where(c => c.ComplainantProducerId == producerId).Select(c => c.RoundId).Distinct().ToListAsync(ct);
        var rounds = await db.Set<Round>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToListAsync(ct);
        return await RowsAsync(db, rounds, c => c.ComplainantProducerId == producerId, ct);
    }

    private async Task<IReadOnlyList<ComplaintRow>> RowsAsync(ShowcaseDb db, IReadOnlyList<Round> rounds, System.Linq.Expressions.Expression<Func<Complaint, bool>> filter,
        CancellationToken ct)
    {
        var rows = await Sorts.ApplyDefault(Joined(db, db.Set<Complaint>().AsNoTracking().Where(filter))).ToListAsync(ct);
        var byId = rounds.ToDictionary(r => r.Id);
        var calendars = new Dictionary<Guid, WorkingCalendar>();
        foreach (var round in rounds) calendars[round.Id] = await calendar.ForRoundAsync(round, Today, ct);
        return [.. rows.Select(j => j.ToRow(byId[j.Complaint.RoundId], calendars[j.Complaint.RoundId], Today))];
    }

    /// <summary>Each complaint with the entry's code and the product's name as submitted (none for the round as a whole).</summary>
    private static IQueryable<ComplaintJoin> Joined(ShowcaseDb db, IQueryable<Complaint> complaints) =>
        from c in complaints
        join e in db.Set<Entry>() on c.EntryId equals e.Id into es
        from e in es.DefaultIfEmpty()
        join p in db.Set<Product>() on e.ProductId equals p.Id into ps
        from p in ps.DefaultIfEmpty()
        select new ComplaintJoin { Complaint = c, EntryCode = e == null ? null : e.Code, ProductName = e == null ? null : e.DossierProductName ?? p.Name };

    private static readonly SortMap<ComplaintJoin> Sorts =
        new SortMap<ComplaintJoin>(q => q.OrderBy(j => j.Complaint.FiledAt), q => q.ThenBy(j => j.Complaint.Id))
            .Add(nameof(ComplaintRow.ReceivedOn), j => j.Complaint.ReceivedOn)
            .Add(nameof(ComplaintRow.EntryCode), j => j.EntryCode)
            .Add(nameof(ComplaintRow.Kind), j => j.Complaint.Kind)
            .Add(nameof(ComplaintRow.State), j => j.Complaint.State);

    private sealed class ComplaintJoin
    {
        public Complaint Complaint { get; init; } = default!;
        public string? EntryCode { get; init; }
        public string? ProductName { get; init; }

        public ComplaintRow ToRow(Round round, WorkingCalendar cal, DateOnly today) => new(Complaint.Id, Complaint.RoundId, round.Name,
            Complaint.EntryId, EntryCode, ProductName, Complaint.Kind, Complaint.Channel, Complaint.ComplainantName, Complaint.ReceivedOn,
            Complaint.FiledAt, Deadline.On(Complaint.ResolveBy(cal), today, cal), Complaint.State, Complaint.Reasons, Complaint.Resolution,
            Complaint.Version, Complaint.IsOverdue(today, cal));
    }
}
