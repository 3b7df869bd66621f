using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Notifications;
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
    public async Task<Guid> AddMemberAsync(UserScope actor, Guid roundId, string userId, PanelBody body, PanelRole role, CancellationToken ct = default) =>
        await AddMemberAsync(actor, roundId, userId, body, role, [], ct);

    public async Task<Guid> AddMemberAsync(UserScope actor, Guid roundId, string userId, PanelBody body, PanelRole role,
        IReadOnlyCollection<ProductGroup> expertise, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException();
        var roles = await (from link in db.UserRoles join r in db.Roles on link.RoleId equals r.Id where link.UserId == userId select r.Name!).ToListAsync(ct);
        if (!roles.Any(PanelRoles.Contains)) throw new DomainException(Messages.PanelMemberNotJudge);
        if (!MayServe(units, round, user.UnitId)) throw new DomainException(Messages.PanelMemberOutsideUnit);
        if (await db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == userId && m.Body == body, ct))
            throw new DomainException(Messages.PanelMemberDuplicate);
        var member = new PanelMember(roundId, userId, user.FullName, user.Position, body, role);
        member.SetGroups(expertise);
        db.Add(member);
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "panel.member-added", nameof(PanelMember), member.Id, null, new { roundId, userId, body, role }));
        await db.SaveOrConflictAsync(ct);
        return member.Id;
    }

    private static readonly string[] PanelRoles = [Roles.Judge, Roles.LocalStaff, Roles.ProvinceStaff];

    /// <summary>
    /// Who may sit on a round's panel: a judge or officer of the round's province, at the province itself or in one of
    /// its communes (a commune round borrows the province's experts); anyone for region and national rounds.
    /// </summary>
    private static bool MayServe(UnitDirectory units, Round round, Guid? userUnit)
    {
        if (round.Level is ContestLevel.Region or ContestLevel.National) return true;
        return userUnit is { } unit && units.ProvinceOf(round.UnitId) is { } province && units.ScopeOf(province.Id).Contains(unit);
    }

    public sealed record PanelCandidate(string UserId, string FullName, string? Position, string? UnitPath);

    /// <summary>The people staff may add to the round's council, jury or secretariat (the same rule the service checks on adding).</summary>
    public async Task<IReadOnlyList<PanelCandidate>> CandidatesAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        var users = await (from u in db.Users
                           where db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && PanelRoles.Contains(r.Name!)))
                           select new { u.Id, u.FullName, u.Position, u.UnitId }).AsNoTracking().ToListAsync(ct);
        return [.. users.Where(u => MayServe(units, round, u.UnitId))
            .Select(u => new PanelCandidate(u.Id, u.FullName, u.Position, u.UnitId is { } unit ? units.PathOf(unit) : null))
            .OrderBy(u => u.FullName, StringComparer.Create(new("vi-VN"), false))];
    }

    public sealed record MyRound(Round Round, PanelMember Membership);

    /// <summary>The rounds where the person sits on the council or the jury, newest first.</summary>
    public async Task<IReadOnlyList<MyRound>> MyRoundsAsync(UserScope actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from m in db.Set<PanelMember>() join r in db.Set<Round>() on m.RoundId equals r.Id
                          where m.UserId == actor.UserId select new { r, m }).AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(x => x.r.CreatedAt).Select(x => new MyRound(x.r, x.m))];
    }

    /// <summary>The panel of a round, for those who may see the round: its staff and its own members.</summary>
    public async Task<IReadOnlyList<PanelMember>> PanelAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        if (!ContestPolicy.CanView(actor, await geography.DirectoryAsync(ct), round) && !await RoundService.IsPanelMemberAsync(db, actor, roundId, ct))
            throw new AccessDeniedException();
        return await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).OrderBy(m => m.Body).ThenBy(m => m.Role).ToListAsync(ct);
    }

    /// <summary>The entries a judge scores: their assignments in rounds that are judging, less their conflicts.</summary>
    public async Task<IReadOnlyList<JudgeEntryRow>> AssignedAsync(UserScope actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await (from m in db.Set<PanelMember>()
                            join r in db.Set<Round>() on m.RoundId equals r.Id
                            where m.UserId == actor.UserId && m.Body == PanelBody.Jury && r.State == RoundState.Judging
                            select r).AsNoTracking().ToListAsync(ct);
        var result = new List<JudgeEntryRow>();
        foreach (var round in rounds)
        {
            var mine = (await JudgeAssignments.EffectiveAsync(db, round, ct)).Where(a => a.UserId == actor.UserId).Select(a => a.EntryId).ToHashSet();
            var rows = await (from e in db.Set<Entry>()
                              join p in db.Set<Product>() on e.ProductId equals p.Id
                              where e.RoundId == round.Id && e.State == EntryState.Accepted
                              select new { e.Id, e.Code, Product = p.Name, p.Group }).AsNoTracking().ToListAsync(ct);
            var sheets = await db.Set<ScoreSheet>().AsNoTracking().Include(s => s.Scores).Where(s => s.JudgeId == actor.UserId && s.RoundId == round.Id).ToListAsync(ct);
            result.AddRange(rows.Where(r => mine.Contains(r.Id)).OrderBy(r => r.Code).Select(r =>
            {
                var sheet = sheets.FirstOrDefault(s => s.EntryId == r.Id);
                return new JudgeEntryRow(r.Id, round.Id, round.Name, r.Code, r.Product, r.Group, sheet?.State, sheet?.Total);
            }));
        }
        return result;
    }

    public sealed record DeclarationLine(Guid EntryId, string? Code, string ProductName, ProductGroup Group, string? ProducerName,
        string? Automatic, bool Declared, string? Reason);

    /// <summary>What a judge declares before scoring: every accepted entry, with links the system found itself.</summary>
    public async Task<(Round Round, bool Declared, IReadOnlyList<DeclarationLine> Lines)> DeclarationFormAsync(UserScope actor, Guid roundId,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        var member = await JurorAsync(db, actor, roundId, ct);
        var automatic = await JudgeAssignments.AutomaticConflictsAsync(db, round, [actor.UserId], ct);
        var existing = await db.Set<ConflictDeclaration>().AsNoTracking().Where(c => c.RoundId == roundId && c.UserId == actor.UserId).ToListAsync(ct);
        var rows = await (from e in db.Set<Entry>()
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          where e.RoundId == roundId && e.State == EntryState.Accepted
                          select new { e.Id, e.Code, Product = p.Name, p.Group, Producer = f.Name }).AsNoTracking().ToListAsync(ct);
        return (round, member.DeclaredAt is not null, [.. rows.OrderBy(r => r.Code).Select(r =>
        {
            var mine = existing.FirstOrDefault(c => c.EntryId == r.Id && !c.Automatic);
            return new DeclarationLine(r.Id, r.Code, r.Product, r.Group, round.Blind ? null : r.Producer, automatic.GetValueOrDefault((r.Id, actor.UserId)),
                mine?.HasConflict == true, mine?.Reason);
        })]);
    }

    /// <summary>Records the judge's declarations for every entry (conflicts with their reason), and the automatic ones.</summary>
    public async Task DeclareAsync(UserScope actor, Guid roundId, IReadOnlyDictionary<Guid, string?> conflicts, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        var member = await JurorAsync(db, actor, roundId, ct, tracking: true);
        // Declarations decide which sheets count: once results are proposed they are part of the record, like the sheets.
        if (round.State > RoundState.Judging) throw new DomainException(Messages.DeclarationsClosed);
        var entries = await db.Set<Entry>().Where(e => e.RoundId == roundId && e.State == EntryState.Accepted).Select(e => e.Id).ToListAsync(ct);
        var automatic = await JudgeAssignments.AutomaticConflictsAsync(db, round, [actor.UserId], ct);
        var existing = await db.Set<ConflictDeclaration>().Where(c => c.RoundId == roundId && c.UserId == actor.UserId).ToListAsync(ct);
        // Once sheets may exist, a conflict declared stays declared: withdrawing it would let an excluded sheet count again.
        var kept = round.State >= RoundState.Judging
            ? existing.Where(c => c.HasConflict && !c.Automatic && !conflicts.ContainsKey(c.EntryId)).ToDictionary(c => c.EntryId, c => c.Reason)
            : [];
        db.RemoveRange(existing);
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            var declared = conflicts.TryGetValue(entry, out var reason) || kept.TryGetValue(entry, out reason);
            db.Add(new ConflictDeclaration(roundId, entry, actor.UserId, declared, false, declared ? reason ?? Messages.Conflict_Declared : null, now));
            if (automatic.TryGetValue((entry, actor.UserId), out var why)) db.Add(new ConflictDeclaration(roundId, entry, actor.UserId, true, true, why, now));
        }
        member.MarkDeclared(now);
        db.Add(AuditEntry.Record(actor, now, "panel.conflicts-declared", nameof(PanelMember), member.Id, null,
            new { roundId, Conflicts = conflicts.Keys.ToList(), Automatic = automatic.Keys.Select(k => k.EntryId).ToList() }));
        await db.SaveOrConflictAsync(ct);
    }

    public sealed record ConflictRow(string UserId, string JudgeName, Guid EntryId, string? EntryCode, bool Automatic, string? Reason);

    /// <summary>Every conflict in the round, for the chair and staff (and no one else).</summary>
    public async Task<IReadOnlyList<ConflictRow>> ConflictsAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureChairOrStaffAsync(db, actor, roundId, ct);
        var names = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).ToDictionaryAsync(m => m.UserId, m => m.FullName, ct);
        var rows = await (from c in db.Set<ConflictDeclaration>()
                          join e in db.Set<Entry>() on c.EntryId equals e.Id
                          where c.RoundId == roundId && c.HasConflict
                          select new { c.UserId, c.EntryId, e.Code, c.Automatic, c.Reason }).AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(r => new ConflictRow(r.UserId, names.GetValueOrDefault(r.UserId, r.UserId), r.EntryId, r.Code, r.Automatic, r.Reason))
            .OrderBy(r => r.EntryCode).ThenBy(r => r.JudgeName)];
    }

    /// <summary>Stores the round's assignment plan (staff): everyone, by group of expertise, or balanced with a cap.</summary>
    public async Task<int> AssignAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        db.RemoveRange(await db.Set<JudgeAssignment>().Where(a => a.RoundId == roundId).ToListAsync(ct));
        var plan = await JudgeAssignments.PlanAsync(db, round, ct);
        foreach (var (entry, user) in plan) db.Add(new JudgeAssignment(roundId, entry, user));
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "panel.assigned", nameof(Round), roundId, null, new { round.Assignment, Count = plan.Count }));
        await db.SaveOrConflictAsync(ct);
        return plan.Count;
    }

    /// <summary><see cref="Excluded"/>: a submitted sheet that does not count (conflict declared, off the jury, not assigned).</summary>
    public enum CellState { NotAssigned, Conflict, NotStarted, Draft, Submitted, Excluded }

    public sealed record ProgressCell(Guid EntryId, string UserId, CellState State, decimal? Total, Guid? SheetId);

    public sealed record Progress(IReadOnlyList<PanelMember> Jury, IReadOnlyList<(Guid Id, string? Code, string Product)> Entries,
        IReadOnlyList<ProgressCell> Cells, IReadOnlyList<Guid> Gaps, IReadOnlyList<string> Warnings);

    /// <summary>The judge × entry matrix: who has scored what, and which entries cannot reach the minimum of sheets.</summary>
    public async Task<Progress> ProgressAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureChairOrStaffAsync(db, actor, roundId, ct);
        var round = await db.Set<Round>().AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var members = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).ToListAsync(ct);
        var jury = members.Where(m => m.Body == PanelBody.Jury).OrderBy(m => m.Role).ThenBy(m => m.FullName).ToList();
        var entries = await (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id
                             where e.RoundId == roundId && (e.State == EntryState.Accepted || e.State == EntryState.Recognised || e.State == EntryState.NotRecognised)
                             orderby e.Code select new { e.Id, e.Code, p.Name }).AsNoTracking().ToListAsync(ct);
        var assigned = (await JudgeAssignments.EffectiveAsync(db, round, ct)).Select(a => (a.EntryId, a.UserId)).ToHashSet();
        var conflicts = await JudgeAssignments.ConflictSetAsync(db, roundId, ct);
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Include(s => s.Scores).Where(s => s.RoundId == roundId).ToListAsync(ct);
        var excluded = (await SheetTotalsReader.ReadAsync(db, round, ct)).Excluded.Select(x => x.SheetId).ToHashSet();
        var cells = new List<ProgressCell>();
        foreach (var e in entries)
            foreach (var j in jury)
            {
                var sheet = sheets.FirstOrDefault(s => s.EntryId == e.Id && s.JudgeId == j.UserId);
                var state = sheet is not null && excluded.Contains(sheet.Id) ? CellState.Excluded
                    : conflicts.Contains((e.Id, j.UserId)) ? CellState.Conflict
                    : sheet is not null ? (sheet.State == SheetState.Submitted ? CellState.Submitted : CellState.Draft)
                    : assigned.Contains((e.Id, j.UserId)) ? CellState.NotStarted : CellState.NotAssigned;
                cells.Add(new ProgressCell(e.Id, j.UserId, state, sheet?.Total, sheet?.Id));
            }
        var gaps = entries.Where(e => cells.Count(c => c.EntryId == e.Id && c.State is CellState.NotStarted or CellState.Draft or CellState.Submitted)
            < round.MinimumSheets).Select(e => e.Id).ToList();
        return new Progress(jury, [.. entries.Select(e => (e.Id, e.Code, e.Name))], cells, gaps, PanelWarnings(round.Level, members));
    }

    /// <summary>Sends each judge with unfinished sheets an in-app reminder; returns how many were reminded.</summary>
    public async Task<int> RemindAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var progress = await ProgressAsync(actor, roundId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<Round>().AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var now = clock.GetUtcNow();
        var reminded = 0;
        foreach (var judge in progress.Jury)
        {
            var pending = progress.Cells.Count(c => c.UserId == judge.UserId && c.State is CellState.NotStarted or CellState.Draft);
            if (pending == 0) continue;
            db.Add(new Notifications.Notification(judge.UserId, string.Format(Messages.Notify_Reminder, pending, round.Name), "/jury", now));
            reminded++;
        }
        db.Add(AuditEntry.Record(actor, now, "panel.reminded", nameof(Round), roundId, null, new { reminded }));
        await db.SaveChangesAsync(ct);
        return reminded;
    }

    public sealed record FairnessView(FairnessReport Report, IReadOnlyDictionary<string, string> JudgeNames,
        IReadOnlyDictionary<Guid, (string? Code, string Product)> Entries);

    public async Task<FairnessView> FairnessAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureChairOrStaffAsync(db, actor, roundId, ct);
        var round = await db.Set<Round>().AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var jury = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId && m.Body == PanelBody.Jury).ToListAsync(ct);
        var tally = await SheetTotalsReader.ReadAsync(db, round, ct);
        var entries = await (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id
                             where e.RoundId == roundId select new { e.Id, e.Code, p.Name }).AsNoTracking()
            .ToDictionaryAsync(e => e.Id, e => ((string?)e.Code, e.Name), ct);
        return new FairnessView(FairnessCalculator.Compute(tally.Counted), jury.ToDictionary(j => j.UserId, j => j.FullName), entries);
    }

    public sealed record ExcludedSheetRow(Guid SheetId, Guid EntryId, string? EntryCode, string JudgeName, decimal Total, SheetExclusion Reason, string? Detail);

    /// <summary>Submitted sheets that do not count, and why: the chair and staff must see what was left out of the results.</summary>
    public async Task<IReadOnlyList<ExcludedSheetRow>> ExcludedSheetsAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureChairOrStaffAsync(db, actor, roundId, ct);
        var round = await db.Set<Round>().AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var excluded = (await SheetTotalsReader.ReadAsync(db, round, ct)).Excluded;
        if (excluded.Count == 0) return [];
        var byUser = (await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).Select(m => new { m.UserId, m.FullName }).ToListAsync(ct))
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().FullName);
        var codes = await db.Set<Entry>().AsNoTracking().Where(e => e.RoundId == roundId).ToDictionaryAsync(e => e.Id, e => e.Code, ct);
        return [.. excluded.Select(x => new ExcludedSheetRow(x.SheetId, x.EntryId, codes.GetValueOrDefault(x.EntryId), byUser.GetValueOrDefault(x.JudgeId, x.JudgeId),
            x.Total, x.Reason, x.Detail)).OrderBy(x => x.EntryCode).ThenBy(x => x.JudgeName)];
    }

    /// <summary>The scores file (canonical JSON) whose SHA-256 the minutes carry; for the chair and staff.</summary>
    public async Task<byte[]> ScoresFileAsync(UserScope actor, Guid roundId, CancellationToken ct = default) =>
        (await MinutesDataAsync(actor, roundId, ct)).Json;

    /// <summary>The minutes the Trưởng ban signs, with the fingerprint of the scores file; for the chair and staff.</summary>
    public async Task<byte[]> MinutesPdfAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var data = await MinutesDataAsync(actor, roundId, ct);
        var units = await geography.DirectoryAsync(ct);
        return Minutes.Pdf(data.Round, units.PathOf(data.Round.UnitId), data.Jury, data.Sheets, data.Excluded, data.Entries, Minutes.Fingerprint(data.Json),
            clock.GetUtcNow());
    }

    private sealed record MinutesData(Round Round, List<PanelMember> Jury, List<MinutesSheet> Sheets, List<MinutesExcluded> Excluded, List<MinutesEntry> Entries,
        byte[] Json);

    public static string ExclusionText(SheetExclusion reason, string? detail) => reason switch
    {
        SheetExclusion.Conflict => detail is { Length: > 0 } ? string.Format(Messages.Excluded_ConflictBecause, detail) : Messages.Excluded_Conflict,
        SheetExclusion.NotOnJury => Messages.Excluded_NotOnJury,
        _ => Messages.Excluded_NotAssigned,
    };

    private async Task<MinutesData> MinutesDataAsync(UserScope actor, Guid roundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureChairOrStaffAsync(db, actor, roundId, ct);
        var round = await db.Set<Round>().AsNoTracking().Include(r => r.Criteria).FirstAsync(r => r.Id == roundId, ct);
        var jury = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId && m.Body == PanelBody.Jury).ToListAsync(ct);
        var names = jury.ToDictionary(j => j.UserId, j => j.FullName);
        var results = await RoundService.ComputeAsync(db, round, ct);
        var codes = results.ToDictionary(r => r.EntryId, r => r.Code ?? r.EntryId.ToString("N")[..8]);
        var tally = await SheetTotalsReader.ReadAsync(db, round, ct);
        var counted = tally.Counted.Select(t => t.SheetId).ToHashSet();
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Include(s => s.Scores)
            .Where(s => s.RoundId == roundId && s.State == SheetState.Submitted).ToListAsync(ct);
        var criteria = round.Criteria.OrderBy(c => c.Order).ToList();
        var lines = sheets.Where(s => counted.Contains(s.Id) && codes.ContainsKey(s.EntryId)).Select(s => new MinutesSheet(codes[s.EntryId], names[s.JudgeId],
            criteria.ToDictionary(c => c.Code, c => s.Scores.FirstOrDefault(x => x.CriterionId == c.Id)?.Points), s.Total, s.Comments)).ToList();
        var left = tally.Excluded.Where(x => codes.ContainsKey(x.EntryId)).Select(x => new MinutesExcluded(codes[x.EntryId],
            names.GetValueOrDefault(x.JudgeId, x.JudgeId), x.Total, ExclusionText(x.Reason, x.Detail))).ToList();
        var entries = results.Select(r => new MinutesEntry(codes[r.EntryId], r.ProductName, r.Result)).ToList();
        return new MinutesData(round, jury, lines, left, entries, Minutes.ScoresJson(round, criteria, lines, left, entries));
    }

    /// <summary>A judge's own submitted sheets as PDF for signature; the chair and staff may print anyone's.</summary>
    public async Task<byte[]> JudgeSheetsAsync(UserScope actor, Guid roundId, string judgeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (judgeId != actor.UserId) await EnsureChairOrStaffAsync(db, actor, roundId, ct);
        var round = await db.Set<Round>().AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        var judge = await db.Set<PanelMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoundId == roundId && m.UserId == judgeId && m.Body == PanelBody.Jury, ct)
            ?? throw new NotFoundException();
        var sheets = await (from s in db.Set<ScoreSheet>().Include(x => x.Scores)
                            join e in db.Set<Entry>() on s.EntryId equals e.Id
                            join p in db.Set<Product>() on e.ProductId equals p.Id
                            where s.RoundId == roundId && s.JudgeId == judgeId && s.State == SheetState.Submitted
                            select new { s, e.Code, p.Group }).AsNoTracking().ToListAsync(ct);
        var units = await geography.DirectoryAsync(ct);
        return Minutes.JudgeSheets(round, round.Criteria, judge,
            [.. sheets.Select(x => (x.Code ?? "", new Minutes.ProductGroupText(EnumText.Of(x.Group)), x.s))], units.PathOf(round.UnitId), clock.GetUtcNow());
    }

    /// <summary>Warnings on the panel's make-up (TT 26/2014 Điều 9, 11): an even jury, a council of the wrong size, no chair.</summary>
    public static IReadOnlyList<string> PanelWarnings(ContestLevel level, IReadOnlyList<PanelMember> members)
    {
        var warnings = new List<string>();
        var jury = members.Count(m => m.Body == PanelBody.Jury);
        if (jury > 0 && jury % 2 == 0) warnings.Add(string.Format(Messages.PanelEvenJury, jury));
        if (jury > 0 && !members.Any(m => m.Body == PanelBody.Jury && m.Role == PanelRole.Chair)) warnings.Add(Messages.PanelNoJuryChair);
        var council = members.Count(m => m.Body == PanelBody.Council);
        int[]? allowed = level switch
        {
            ContestLevel.District => [5, 7],
            ContestLevel.Province => [7, 9],
            ContestLevel.Region => [9, 11],
            ContestLevel.National => [11, 13],
            _ => null,
        };
        if (council > 0 && allowed is not null && !allowed.Contains(council))
            warnings.Add(string.Format(Messages.PanelCouncilSize, EnumText.Of(level), council, string.Join(" / ", allowed)));
        return warnings;
    }

    private async Task EnsureChairOrStaffAsync(ShowcaseDb db, UserScope actor, Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<Round>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        if (ContestPolicy.CanManage(actor, await geography.DirectoryAsync(ct), round)) return;
        if (await db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == actor.UserId && m.Role == PanelRole.Chair
                && (m.Body == PanelBody.Jury || m.Body == PanelBody.Council), ct)) return;
        throw new AccessDeniedException();
    }

    private static async Task<PanelMember> JurorAsync(ShowcaseDb db, UserScope actor, Guid roundId, CancellationToken ct, bool tracking = false)
    {
        var query = db.Set<PanelMember>().Where(m => m.RoundId == roundId && m.UserId == actor.UserId && m.Body == PanelBody.Jury);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct) ?? throw new AccessDeniedException();
    }

    /// <summary>
    /// Opens (creating on first visit) the judge's own sheet for an entry. The judge must be on the jury, declared,
    /// free of conflict and assigned even to read a sheet already started; a new sheet needs the round in Judging.
    /// </summary>
    public async Task<ScoreSheet> SheetAsync(UserScope actor, Guid entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<Entry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException();
        var round = await db.Set<Round>().AsNoTracking().FirstAsync(r => r.Id == entry.RoundId, ct);
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
    /// Whether the judge may hold a sheet on the entry: on the jury, declared for this entry, no conflict, assigned.
    /// Run on every save as well as on opening, so a conflict declared in another tab takes effect at the next
    /// keystroke; one round trip answers it all (a save is a keystroke: it must stay quick under fifty judges).
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
                               Group = (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id where e.Id == entryId select p.Group).FirstOrDefault(),
                           }).AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new AccessDeniedException();
        if (facts.Conflicted) throw new DomainException(Messages.JudgeConflicted);
        if (facts.Member.DeclaredAt is null || !facts.Declared) throw new DomainException(Messages.JudgeMustDeclare);
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
