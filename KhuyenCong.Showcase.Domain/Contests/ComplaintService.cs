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

public sealed record ComplaintRow(Guid Id, Guid EntryId, string? EntryCode, string ProductName, string FiledBy, DateTimeOffset FiledAt,
    DateOnly ResolveBy, ComplaintState State, string Reasons, string? Resolution, int Version, bool Overdue);

public sealed class ComplaintService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    CalendarService calendar,
    MediaService media,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Guid> FileAsync(UserScope actor, Guid entryId, string reasons, IReadOnlyList<StoredFile> attachments, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var entry = await db.Set<Entry>().Include(e => e.Events).FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException();
            if (!actor.ActsFor(entry.ProducerId)) throw new AccessDeniedException();
            var round = await db.Set<Round>().FirstAsync(r => r.Id == entry.RoundId, ct);
            var now = clock.GetUtcNow();
            var complaint = Complaint.File(round, entry, reasons, attachments, Actor.From(actor), now, Today, await calendar.CalendarFromAsync(Today, ct));
            db.Add(complaint);
            db.Add(AuditEntry.Record(actor, now, "complaint.filed", nameof(Complaint), complaint.Id, null, new { entryId, complaint.Reasons }));
            await db.SaveOrConflictAsync(ct);
            return complaint.Id;
        }
        catch
        {
            await media.DiscardAsync(attachments.Select(a => a.Key));
            throw;
        }
    }

    public async Task ResolveAsync(UserScope actor, Guid complaintId, int version, ComplaintState outcome, string resolution, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == complaintId, ct) ?? throw new NotFoundException();
        var round = await db.Set<Round>().FirstAsync(r => r.Id == complaint.RoundId, ct);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        var entry = await db.Set<Entry>().Include(e => e.Events).FirstAsync(e => e.Id == complaint.EntryId, ct);
        db.ExpectVersion(complaint, version);
        var before = new { complaint.State, EntryState = entry.State, RoundState = round.State };
        var now = clock.GetUtcNow();
        complaint.Resolve(outcome, resolution, round, entry, Actor.From(actor), now);
        db.Entry(round).State = EntityState.Modified;
        db.Entry(entry).State = EntityState.Modified;
        db.Add(AuditEntry.Record(actor, now, "complaint.resolved", nameof(Complaint), complaint.Id, before,
            new { complaint.State, complaint.Resolution, EntryState = entry.State, RoundState = round.State }));
        await db.SaveOrConflictAsync(ct);
    }

    public async Task<IReadOnlyList<ComplaintRow>> ForRoundAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        if (!ContestPolicy.CanView(actor, units, round)) throw new AccessDeniedException();
        var rows = await (from c in db.Set<Complaint>()
                          join e in db.Set<Entry>() on c.EntryId equals e.Id
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          where c.RoundId == roundId
                          select new { c, e.Code, p.Name }).AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.c.FiledAt).Select(r => new ComplaintRow(r.c.Id, r.c.EntryId, r.Code, r.Name, r.c.FiledByName, r.c.FiledAt,
            r.c.ResolveBy, r.c.State, r.c.Reasons, r.c.Resolution, r.c.Version, r.c.IsOverdue(Today)))];
    }
}
