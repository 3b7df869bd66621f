using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

/// <summary>What follows a recognition decision: the notice of results, and revocation (TT 26/2014 Điều 17.2, 20).</summary>
public sealed class RecognitionService(
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    CalendarService calendar,
    TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    /// <summary>
    /// Records how and when the results of one decision were made known (by default the day the in-app notices went
    /// out): the complaint clock of every entry that decision concluded counts from it (Điều 20.1).
    /// </summary>
    /// <returns>How many entries the notice covers.</returns>
    public async Task<int> RecordNoticeAsync(UserScope actor, Guid roundId, string decisionNumber, ResultNotice notice, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        SensibleDates.Check(notice.On);
        var entries = await db.Set<Entry>().Include(e => e.Events)
            .Where(e => e.RoundId == roundId && e.Decision != null && e.Decision.Number == decisionNumber).ToListAsync(ct);
        if (entries.Count == 0) throw new NotFoundException();
        var cal = await calendar.ForRoundAsync(round, Today, ct);
        var now = clock.GetUtcNow();
        var before = entries.First().Notice;
        foreach (var entry in entries)
        {
            entry.RecordNotice(notice with { }, Today, cal, Actor.From(actor), now);
            db.Entry(entry).State = EntityState.Modified;
        }
        db.Add(AuditEntry.Record(actor, now, "round.notice-recorded", nameof(Round), roundId, new { Decision = decisionNumber, Notice = before },
            new { Decision = decisionNumber, Notice = notice, Entries = entries.Count }));
        await db.SaveOrConflictAsync(ct);
        return entries.Count;
    }

    /// <summary>
    /// Revokes a recognition at any time while its certificate is valid (Điều 20.3), by the level's authority: the
    /// round's staff record the revoking decision and the reason; the facility is told in the app. Audited.
    /// </summary>
    public async Task RevokeAsync(UserScope actor, Guid entryId, int version, DecisionRef decision, string reason, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().Include(e => e.Events).FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException();
        var round = await db.RoundAsync(entry.RoundId, ct);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        db.ExpectVersion(entry, version);
        var before = new { entry.State, entry.ValidUntil };
        var now = clock.GetUtcNow();
        entry.Revoke(decision, reason, Today, Actor.From(actor), now);
        db.Entry(entry).State = EntityState.Modified;
        await Notifications.Notify.ProducerAsync(db, entry.ProducerId,
            string.Format(Messages.Notify_Revoked, entry.DossierProductName ?? entry.Code, round.Name, decision.Number), $"/producer/entries/{entry.Id}", now, ct);
        db.Add(AuditEntry.Record(actor, now, "entry.revoked", nameof(Entry), entry.Id, before,
            new { entry.State, entry.Revocation, entry.RevocationReason }));
        await db.SaveOrConflictAsync(ct);
    }
}
