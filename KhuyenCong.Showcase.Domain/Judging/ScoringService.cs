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

/// <param name="OnlyToScore">Only the entries whose sheet is not submitted yet (not started, or a draft).</param>
public sealed record JudgeEntryFilter(bool OnlyToScore = false);

/// <summary>One page of a judge's entries in a round, with how many are assigned and how many of their sheets are submitted.</summary>
public sealed record JudgeEntryPage(Paged<JudgeEntryRow> Page, int Assigned, int Submitted);

/// <summary>
/// Each judge's own sheets (TT 26/2014 Điều 16.2, Phụ lục 4): each scores independently and answers for it; the chair
/// alone reopens a submitted sheet, with a reason.
/// </summary>
public sealed class ScoringService(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, TimeProvider clock)
{
    /// <summary>
    /// One page of the entries a judge scores in a round that is judging: their assignments (the stored plan, or the
    /// round's rule) less their conflicts, with their own sheet's state, sorted and paged in the database. Only the
    /// judge's own assignments: nobody else's, and nothing outside judging.
    /// </summary>
    public async Task<JudgeEntryPage> AssignedPageAsync(UserScope actor, Guid roundId, JudgeEntryFilter filter, PageRequest page,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        if (!await db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == actor.UserId && m.Body == PanelBody.Jury, ct))
            throw new AccessDeniedException();
        if (round.State != RoundState.Judging) return new JudgeEntryPage(new Paged<JudgeEntryRow>([], 0), 0, 0);
        var mine = (await JudgeAssignments.EffectiveAsync(db, round, ct)).Where(a => a.UserId == actor.UserId).Select(a => a.EntryId).ToList();
        var sheets = db.Set<ScoreSheet>().Where(x => x.JudgeId == actor.UserId && x.RoundId == roundId);
        var assigned = from e in db.Set<Entry>()
                       join p in db.Set<Product>() on e.ProductId equals p.Id
                       where e.RoundId == roundId && e.State == EntryState.Accepted && mine.Contains(e.Id)
                       from x in sheets.Where(x => x.EntryId == e.Id).DefaultIfEmpty()
                       select new JudgeJoin { EntryId = e.Id, Code = e.Code, ProductName = e.DossierProductName ?? p.Name,
                           Group = e.DossierGroup ?? p.Group, SheetId = x == null ? null : x.Id, SheetState = x == null ? null : x.State };
        var count = await assigned.CountAsync(ct);
        var submitted = await assigned.CountAsync(j => j.SheetState == SheetState.Submitted, ct);
        var query = filter.OnlyToScore ? assigned.Where(j => j.SheetState == null || j.SheetState != SheetState.Submitted) : assigned;
        var found = await query.PageAsync(page, JudgeSorts, j => j, ct);
        // Totals for the page's sheets only (a sum of decimals, which SQLite cannot add up in SQL).
        var ids = found.Items.Where(j => j.SheetId != null).Select(j => j.SheetId!.Value).ToList();
        var totals = await db.Set<ScoreSheet>().AsNoTracking().Include(x => x.Scores).Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Total, ct);
        var rows = found.Map(j => new JudgeEntryRow(j.EntryId, round.Id, round.Name, j.Code, j.ProductName, j.Group, j.SheetState,
            j.SheetId is { } sheet ? totals.GetValueOrDefault(sheet) : null));
        return new JudgeEntryPage(rows, count, submitted);
    }

    private sealed class JudgeJoin
    {
        public Guid EntryId { get; init; }
        public string? Code { get; init; }
        public string ProductName { get; init; } = "";
        public ProductGroup Group { get; init; }
        public Guid? SheetId { get; init; }
        public SheetState? SheetState { get; init; }
    }

    private static readonly SortMap<JudgeJoin> JudgeSorts =
        new SortMap<JudgeJoin>(q => q.OrderBy(j => j.Code), q => q.ThenBy(j => j.EntryId))
            .Add(nameof(JudgeEntryRow.Code), j => j.Code)
            .Add(nameof(JudgeEntryRow.ProductName), j => j.ProductName)
            .Add(nameof(JudgeEntryRow.Group), j => j.Group)
            .Add(nameof(JudgeEntryRow.SheetState), j => j.SheetState);

    /// <summary>
    /// Opens (creating on first visit) the judge's own sheet for an entry. The judge must be on the jury, declared
    /// (where the round asks for it), free of conflict and assigned even to read a sheet already started; a new sheet
    /// needs the round in Judging.
    /// </summary>
    public async Task<ScoreSheet> SheetAsync(UserScope actor, Guid entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException();
        var round = await db.RoundAsync(entry.RoundId, ct);
        await EnsureMayScoreAsync(db, round, entryId, actor.UserId, ct);
        var sheet = await db.Set<ScoreSheet>().Include(s => s.Scores).FirstOrDefaultAsync(s => s.EntryId == entryId && s.JudgeId == actor.UserId, ct);
        if (sheet is not null) return sheet;
        if (round.State != RoundState.Judging || entry.State != EntryState.Accepted) throw new DomainException(Messages.SheetNotOpen);
        sheet = ScoreSheet.Start(round.Id, entryId, actor.UserId, clock.GetUtcNow());
        db.Add(sheet);
        await db.SaveOrConflictAsync(ct);
        return sheet;
    }

    /// <summary>
    /// Whether the judge may hold a sheet on the entry: on the jury, declared for this entry (if the round asks for
    /// declarations; otherwise the round's automatic conflict checks are run here), no conflict, assigned. Run on every
    /// save as well as on opening, so a conflict declared in another tab takes effect at the next keystroke; one round
    /// trip answers it all (a save is a keystroke: it must stay quick under fifty judges).
    /// </summary>
    private static async Task EnsureMayScoreAsync(ShowcaseDb db, Round round, Guid entryId, string userId, CancellationToken ct)
    {
        var facts = await (from m in db.Set<PanelMember>()
                           where m.RoundId == round.Id && m.UserId == userId && m.Body == PanelBody.Jury
                           select new
                           {
                               Member = m,
                               Conflicted = db.Set<ConflictDeclaration>().Any(c => c.RoundId == round.Id && c.EntryId == entryId && c.UserId == userId && c.HasConflict),
                               Declared = db.Set<ConflictDeclaration>().Any(c => c.RoundId == round.Id && c.EntryId == entryId && c.UserId == userId && !c.Automatic),
                               Planned = db.Set<JudgeAssignment>().Any(a => a.RoundId == round.Id),
                               Assigned = db.Set<JudgeAssignment>().Any(a => a.RoundId == round.Id && a.EntryId == entryId && a.UserId == userId),
                               Group = (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id where e.Id == entryId
                                        select e.DossierGroup ?? p.Group).FirstOrDefault(),
                           }).AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new AccessDeniedException();
        if (facts.Conflicted) throw new DomainException(Messages.JudgeConflicted);
        if (round.RequireDeclaration)
        {
            if (facts.Member.DeclaredAt is null || !facts.Declared) throw new DomainException(Messages.JudgeMustDeclare);
        }
        else if ((await JudgeAssignments.AutomaticConflictsAsync(db, round, [facts.Member], entryId, ct)).Count > 0)
        {
            throw new DomainException(Messages.JudgeConflicted);
        }
        var assigned = facts.Planned ? facts.Assigned : round.Assignment switch
        {
            AssignmentMode.AllMembers => true,
            AssignmentMode.ByGroup => facts.Member.CoversGroup(facts.Group),
            _ => (await JudgeAssignments.PlanAsync(db, round, ct)).Contains((entryId, userId)),
        };
        if (!assigned) throw new DomainException(Messages.JudgeNotAssigned);
    }

    /// <summary>Saves one criterion's score; returns the sheet's new version so the next save can check it.</summary>
    public Task<int> SetScoreAsync(UserScope actor, Guid sheetId, int version, Guid criterionId, decimal? points, CancellationToken ct = default) =>
        ChangeSheetAsync(actor, sheetId, version, async (db, sheet) =>
        {
            var criterion = await db.Set<RoundCriterion>().FirstOrDefaultAsync(c => c.Id == criterionId, ct) ?? throw new NotFoundException();
            sheet.SetScore(criterion, points, clock.GetUtcNow());
        }, audit: null, ct);

    public Task<int> SetCommentsAsync(UserScope actor, Guid sheetId, int version, string? comments, CancellationToken ct = default) =>
        ChangeSheetAsync(actor, sheetId, version, (_, sheet) => { sheet.SetComments(comments, clock.GetUtcNow()); return Task.CompletedTask; }, audit: null, ct);

    public Task<int> SubmitAsync(UserScope actor, Guid sheetId, int version, CancellationToken ct = default) =>
        ChangeSheetAsync(actor, sheetId, version, async (db, sheet) =>
        {
            var criteria = await db.Set<RoundCriterion>().AsNoTracking().Where(c => c.RoundId == sheet.RoundId).ToListAsync(ct);
            sheet.Submit(criteria, clock.GetUtcNow());
        }, audit: "sheet.submitted", ct);

    /// <summary>Only the jury's chair (Trưởng ban) reopens a submitted sheet, and says why.</summary>
    public async Task ReopenAsync(UserScope actor, Guid sheetId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await db.Set<ScoreSheet>().Include(s => s.Scores).FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new NotFoundException();
        var chair = await db.Set<PanelMember>().AnyAsync(m => m.RoundId == sheet.RoundId && m.UserId == actor.UserId
            && m.Body == PanelBody.Jury && m.Role == PanelRole.Chair, ct);
        if (!chair) throw new AccessDeniedException();
        // Once results are proposed the record is the council's: a sheet changes only through a complaint's re-scoring.
        var state = await db.Set<Round>().Where(r => r.Id == sheet.RoundId).Select(r => r.State).FirstAsync(ct);
        if (state != RoundState.Judging) throw new DomainException(Messages.SheetReopenOnlyWhileJudging);
        var note = VietnameseText.Required(reason, EntryEvent.NoteMaxLength, Messages.EntryReasonRequired);
        var before = Snapshot(sheet);
        sheet.Reopen(clock.GetUtcNow());
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "sheet.reopened", nameof(ScoreSheet), sheet.Id, before, new { sheet.State, Reason = note }));
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>A judge's own submitted sheets as PDF for signature; the chair and staff may print anyone's once points may be seen.</summary>
    public async Task<byte[]> JudgeSheetsAsync(UserScope actor, Guid roundId, string judgeId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct, withCriteria: true);
        if (judgeId != actor.UserId)
        {
            await JudgingAccess.ChairOrStaffAsync(db, units, actor, roundId, ct);
            await JudgingAccess.EnsurePointsVisibleAsync(db, units, actor, round, ct);
        }
        var judge = await db.Set<PanelMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoundId == roundId && m.UserId == judgeId && m.Body == PanelBody.Jury, ct)
            ?? throw new NotFoundException();
        var sheets = await (from s in db.Set<ScoreSheet>().Include(x => x.Scores)
                            join e in db.Set<Entry>() on s.EntryId equals e.Id
                            join p in db.Set<Product>() on e.ProductId equals p.Id
                            where s.RoundId == roundId && s.JudgeId == judgeId && s.State == SheetState.Submitted
                            select new { s, e.Code, Group = e.DossierGroup ?? p.Group }).AsNoTracking().ToListAsync(ct);
        return Minutes.JudgeSheets(round, round.Criteria, judge,
            [.. sheets.Select(x => (x.Code ?? "", new Minutes.ProductGroupText(EnumText.Of(x.Group)), x.s))], units.PathOf(round.UnitId), clock.GetUtcNow());
    }

    private static object Snapshot(ScoreSheet sheet) =>
        new { sheet.State, sheet.JudgeId, sheet.EntryId, Scores = sheet.Scores.ToDictionary(s => s.CriterionId, s => s.Points), sheet.Total };

    private async Task<int> ChangeSheetAsync(UserScope actor, Guid sheetId, int version, Func<ShowcaseDb, ScoreSheet, Task> change, string? audit,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await db.Set<ScoreSheet>().Include(s => s.Scores).FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new NotFoundException();
        if (sheet.JudgeId != actor.UserId) throw new AccessDeniedException();
        db.ExpectVersion(sheet, version);
        var current = await (from r in db.Set<Round>() join e in db.Set<Entry>() on r.Id equals e.RoundId
                             where e.Id == sheet.EntryId select new { Round = r, e.State }).AsNoTracking().FirstAsync(ct);
        var round = current.Round;
        if (round.State != RoundState.Judging || current.State != EntryState.Accepted) throw new DomainException(Messages.SheetNotOpen);
        await EnsureMayScoreAsync(db, round, sheet.EntryId, actor.UserId, ct);
        var before = audit is null ? null : Snapshot(sheet);
        await change(db, sheet);
        db.Entry(sheet).State = EntityState.Modified;
        if (audit is not null) db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), audit, nameof(ScoreSheet), sheet.Id, before, Snapshot(sheet)));
        await db.SaveOrConflictAsync(ct);
        return sheet.Version;
    }
}
