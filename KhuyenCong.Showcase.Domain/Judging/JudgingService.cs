using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Judging;

public sealed record JudgeEntryRow(Guid EntryId, Guid RoundId, string RoundName, string? Code, string ProductName, ProductGroup Group,
    SheetState? SheetState, decimal? Total);

public sealed class JudgingService(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, TimeProvider clock)
{
    public async Task<Guid> AddMemberAsync(UserScope actor, Guid roundId, string userId, PanelBody body, PanelRole role, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new DomainException(Messages.NotFound);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new DomainException(Messages.NotFound);
        var member = new PanelMember(roundId, userId, user.FullName, user.Position, body, role);
        db.Add(member);
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "panel.member-added", nameof(PanelMember), member.Id, null, new { roundId, userId, body, role }));
        await ProducerService.SaveAsync(db, ct);
        return member.Id;
    }

    public async Task<IReadOnlyList<PanelMember>> PanelAsync(Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).OrderBy(m => m.Body).ThenBy(m => m.Role).ToListAsync(ct);
    }

    /// <summary>The entries a judge scores: every accepted entry of the rounds where they sit on the jury and judging is open.</summary>
    public async Task<IReadOnlyList<JudgeEntryRow>> AssignedAsync(UserScope actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await (from m in db.Set<PanelMember>()
                            join r in db.Set<Round>() on m.RoundId equals r.Id
                            where m.UserId == actor.UserId && m.Body == PanelBody.Jury && r.State == RoundState.Judging
                            select r.Id).ToListAsync(ct);
        var rows = await (from e in db.Set<Entry>()
                          join r in db.Set<Round>() on e.RoundId equals r.Id
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          where rounds.Contains(e.RoundId) && e.State == EntryState.Accepted
                          select new { e.Id, e.RoundId, Round = r.Name, e.Code, Product = p.Name, p.Group }).AsNoTracking().ToListAsync(ct);
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Include(s => s.Scores).Where(s => s.JudgeId == actor.UserId && rounds.Contains(s.RoundId)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Code).Select(r =>
        {
            var sheet = sheets.FirstOrDefault(s => s.EntryId == r.Id);
            return new JudgeEntryRow(r.Id, r.RoundId, r.Round, r.Code, r.Product, r.Group, sheet?.State, sheet?.Total);
        })];
    }

    /// <summary>Opens (creating on first visit) the judge's own sheet for an entry.</summary>
    public async Task<ScoreSheet> SheetAsync(UserScope actor, Guid entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new DomainException(Messages.NotFound);
        var round = await db.Set<Round>().AsNoTracking().FirstAsync(r => r.Id == entry.RoundId, ct);
        await EnsureJurorAsync(db, actor, round.Id, ct);
        var sheet = await db.Set<ScoreSheet>().Include(s => s.Scores).FirstOrDefaultAsync(s => s.EntryId == entryId && s.JudgeId == actor.UserId, ct);
        if (sheet is not null) return sheet;
        if (round.State != RoundState.Judging || entry.State != EntryState.Accepted) throw new DomainException(Messages.SheetNotOpen);
        sheet = ScoreSheet.Start(round.Id, entryId, actor.UserId, clock.GetUtcNow());
        db.Add(sheet);
        await ProducerService.SaveAsync(db, ct);
        return sheet;
    }

    /// <summary>Saves one criterion's score; returns the sheet's new version so the next save can check it.</summary>
    public Task<int> SetScoreAsync(UserScope actor, Guid sheetId, int version, Guid criterionId, decimal? points, CancellationToken ct = default) =>
        ChangeSheetAsync(actor, sheetId, version, async (db, sheet) =>
        {
            var criterion = await db.Set<RoundCriterion>().FirstOrDefaultAsync(c => c.Id == criterionId, ct) ?? throw new DomainException(Messages.NotFound);
            sheet.SetScore(criterion, points, clock.GetUtcNow());
        }, audit: null, ct);

    public Task<int> SetCommentsAsync(UserScope actor, Guid sheetId, int version, string? comments, CancellationToken ct = default) =>
        ChangeSheetAsync(actor, sheetId, version, (_, sheet) => { sheet.SetComments(comments, clock.GetUtcNow()); return Task.CompletedTask; }, audit: null, ct);

    public Task<int> SubmitAsync(UserScope actor, Guid sheetId, int version, CancellationToken ct = default) =>
        ChangeSheetAsync(actor, sheetId, version, async (db, sheet) =>
        {
            var round = await db.Set<Round>().AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);
            if (round.State != RoundState.Judging) throw new DomainException(Messages.SheetNotOpen);
            var criteria = await db.Set<RoundCriterion>().AsNoTracking().Where(c => c.RoundId == sheet.RoundId).ToListAsync(ct);
            sheet.Submit(criteria, clock.GetUtcNow());
        }, audit: "sheet.submitted", ct);

    /// <summary>Only the jury's chair (Trưởng ban) reopens a submitted sheet, and says why.</summary>
    public async Task ReopenAsync(UserScope actor, Guid sheetId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await db.Set<ScoreSheet>().Include(s => s.Scores).FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new DomainException(Messages.NotFound);
        var chair = await db.Set<PanelMember>().AnyAsync(m => m.RoundId == sheet.RoundId && m.UserId == actor.UserId
            && m.Body == PanelBody.Jury && m.Role == PanelRole.Chair, ct);
        if (!chair) throw new AccessDeniedException();
        var note = Producer.Required(reason, EntryEvent.NoteMaxLength, Messages.EntryReasonRequired);
        var before = Snapshot(sheet);
        sheet.Reopen(clock.GetUtcNow());
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "sheet.reopened", nameof(ScoreSheet), sheet.Id, before, new { sheet.State, Reason = note }));
        await ProducerService.SaveAsync(db, ct);
    }

    private static object Snapshot(ScoreSheet sheet) =>
        new { sheet.State, sheet.JudgeId, sheet.EntryId, Scores = sheet.Scores.ToDictionary(s => s.CriterionId, s => s.Points), sheet.Total };

    private async Task<int> ChangeSheetAsync(UserScope actor, Guid sheetId, int version, Func<ShowcaseDb, ScoreSheet, Task> change, string? audit,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await db.Set<ScoreSheet>().Include(s => s.Scores).FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new DomainException(Messages.NotFound);
        if (sheet.JudgeId != actor.UserId) throw new AccessDeniedException();
        ConcurrencyGuard.Expect(sheet.Version, version);
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        var before = audit is null ? null : Snapshot(sheet);
        await change(db, sheet);
        db.Entry(sheet).State = EntityState.Modified;
        if (audit is not null) db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), audit, nameof(ScoreSheet), sheet.Id, before, Snapshot(sheet)));
        await ProducerService.SaveAsync(db, ct);
        return sheet.Version;
    }

    private static async Task EnsureJurorAsync(ShowcaseDb db, UserScope actor, Guid roundId, CancellationToken ct)
    {
        if (!await db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == actor.UserId && m.Body == PanelBody.Jury, ct))
            throw new AccessDeniedException();
    }
}
