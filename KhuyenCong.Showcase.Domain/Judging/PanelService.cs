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

public sealed record PanelCandidate(string UserId, string FullName, string? Position, string? UnitPath, bool FromElsewhere);

public sealed record MyRound(Round Round, PanelMember Membership);

public sealed record DeclarationLine(Guid EntryId, string? Code, string ProductName, ProductGroup Group, string? ProducerName,
    string? Automatic, bool Declared, string? Reason);

public sealed record ConflictRow(string UserId, string JudgeName, Guid EntryId, string? EntryCode, bool Automatic, string? Reason);

/// <summary><see cref="Excluded"/>: a submitted sheet that does not count (conflict declared, off the jury, not assigned).</summary>
public enum CellState { NotAssigned, Conflict, NotStarted, Draft, Submitted, Excluded }

/// <param name="Total">Null while judging is open for someone who scores (Điều 16.2).</param>
public sealed record ProgressCell(Guid EntryId, string UserId, CellState State, decimal? Total, Guid? SheetId);

/// <param name="PointsShown">Whether the cells carry points: not while judging is open for someone who scores.</param>
public sealed record Progress(IReadOnlyList<PanelMember> Jury, IReadOnlyList<(Guid Id, string? Code, string Product)> Entries,
    IReadOnlyList<ProgressCell> Cells, IReadOnlyList<Guid> Gaps, IReadOnlyList<string> Warnings, bool PointsShown);

/// <summary>The round's council, jury and secretariat (TT 26/2014 Điều 8–11): who sits, their conflicts, who scores what, how far they are.</summary>
public sealed class PanelService(IDbContextFactory<ShowcaseDb> dbFactory, GeographyService geography, TimeProvider clock)
{
    private static readonly string[] PanelRoles = [Roles.Judge, Roles.LocalStaff, Roles.ProvinceStaff, Roles.MinistryStaff];

    public Task<Guid> AddMemberAsync(UserScope actor, Guid roundId, string userId, PanelBody body, PanelRole role, CancellationToken ct = default) =>
        AddMemberAsync(actor, roundId, userId, body, role, [], external: false, ct);

    /// <param name="external">
    /// An expert invited for the round from outside the officer's unit (any judge's account): the regulation asks for
    /// scientists and experts in the product groups (Điều 9, 11.2), wherever they are.
    /// </param>
    public async Task<Guid> AddMemberAsync(UserScope actor, Guid roundId, string userId, PanelBody body, PanelRole role,
        IReadOnlyCollection<ProductGroup> expertise, bool external = false, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        if (!Enum.IsDefined(body) || !Enum.IsDefined(role)) throw new DomainException(Messages.PanelMemberNotJudge);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException();
        var roles = await (from link in db.UserRoles join r in db.Roles on link.RoleId equals r.Id where link.UserId == userId select r.Name!).ToListAsync(ct);
        if (!roles.Any(PanelRoles.Contains)) throw new DomainException(Messages.PanelMemberNotJudge);
        if (external ? !roles.Contains(Roles.Judge) : !MayServe(units, round, user.UnitId)) throw new DomainException(
            external ? Messages.PanelExpertMustBeJudge : Messages.PanelMemberOutsideUnit);
        if (await db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == userId && m.Body == body, ct))
            throw new DomainException(Messages.PanelMemberDuplicate);
        var member = new PanelMember(roundId, userId, user.FullName, user.Position, body, role, external);
        member.SetGroups(expertise);
        db.Add(member);
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "panel.member-added", nameof(PanelMember), member.Id, null, new { roundId, userId, body, role, external }));
        await db.SaveOrConflictAsync(ct);
        return member.Id;
    }

    /// <summary>
    /// Who may sit on a round's panel without being invited from elsewhere: a judge or officer of the round's
    /// province, at the province itself or in one of its communes (a commune round borrows the province's experts);
    /// anyone for region and national rounds.
    /// </summary>
    private static bool MayServe(UnitDirectory units, Round round, Guid? userUnit)
    {
        if (round.Level is ContestLevel.Region or ContestLevel.National) return true;
        return userUnit is { } unit && units.ProvinceOf(round.UnitId) is { } province && units.ScopeOf(province.Id).Contains(unit);
    }

    /// <summary>
    /// The people staff may add to the round's council, jury or secretariat: those of the round's province, then the
    /// judges elsewhere who may be invited as outside experts (the same rules the service checks on adding).
    /// </summary>
    public async Task<IReadOnlyList<PanelCandidate>> CandidatesAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        var users = await (from u in db.Users
                           where db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && PanelRoles.Contains(r.Name!)))
                           select new
                           {
                               u.Id, u.FullName, u.Position, u.UnitId,
                               Judge = db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && r.Name == Roles.Judge)),
                           }).AsNoTracking().ToListAsync(ct);
        var vietnamese = StringComparer.Create(new("vi-VN"), false);
        return [.. users.Select(u => (u, Local: MayServe(units, round, u.UnitId))).Where(x => x.Local || x.u.Judge)
            .Select(x => new PanelCandidate(x.u.Id, x.u.FullName, x.u.Position, x.u.UnitId is { } unit ? units.PathOf(unit) : null, !x.Local))
            .OrderBy(c => c.FromElsewhere).ThenBy(c => c.FullName, vietnamese)];
    }

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
        var round = await db.RoundAsync(roundId, ct);
        if (!ContestPolicy.CanView(actor, await geography.DirectoryAsync(ct), round)
            && !await db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == actor.UserId, ct))
            throw new AccessDeniedException();
        return await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).OrderBy(m => m.Body).ThenBy(m => m.Role).ToListAsync(ct);
    }

    /// <summary>What a judge declares before scoring: every accepted entry, with links the system found itself.</summary>
    public async Task<(Round Round, bool Declared, IReadOnlyList<DeclarationLine> Lines)> DeclarationFormAsync(UserScope actor, Guid roundId,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
        var member = await JudgingAccess.JurorAsync(db, actor, roundId, ct);
        var automatic = await JudgeAssignments.AutomaticConflictsAsync(db, round, [member], ct: ct);
        var existing = await db.Set<ConflictDeclaration>().AsNoTracking().Where(c => c.RoundId == roundId && c.UserId == actor.UserId).ToListAsync(ct);
        var rows = await (from e in db.Set<Entry>()
                          join p in db.Set<Product>() on e.ProductId equals p.Id
                          join f in db.Set<Producer>() on e.ProducerId equals f.Id
                          where e.RoundId == roundId && e.State == EntryState.Accepted
                          select new { e.Id, e.Code, Product = e.DossierProductName ?? p.Name, Group = e.DossierGroup ?? p.Group, Producer = f.Name })
            .AsNoTracking().ToListAsync(ct);
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
        var round = await db.RoundAsync(roundId, ct);
        var member = await JudgingAccess.JurorAsync(db, actor, roundId, ct, tracking: true);
        // Declarations decide which sheets count: once results are proposed they are part of the record, like the sheets.
        if (round.State > RoundState.Judging) throw new DomainException(Messages.DeclarationsClosed);
        var entries = await db.Set<Entry>().Where(e => e.RoundId == roundId && e.State == EntryState.Accepted).Select(e => e.Id).ToListAsync(ct);
        var automatic = await JudgeAssignments.AutomaticConflictsAsync(db, round, [member], ct: ct);
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

    /// <summary>Every conflict in the round, for the chair and staff (and no one else).</summary>
    public async Task<IReadOnlyList<ConflictRow>> ConflictsAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await JudgingAccess.ChairOrStaffAsync(db, await geography.DirectoryAsync(ct), actor, roundId, ct);
        var names = (await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).Select(m => new { m.UserId, m.FullName }).ToListAsync(ct))
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().FullName);
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
        var round = await db.RoundAsync(roundId, ct);
        if (!ContestPolicy.CanManage(actor, units, round)) throw new AccessDeniedException();
        db.RemoveRange(await db.Set<JudgeAssignment>().Where(a => a.RoundId == roundId).ToListAsync(ct));
        var plan = await JudgeAssignments.PlanAsync(db, round, ct);
        foreach (var (entry, user) in plan) db.Add(new JudgeAssignment(roundId, entry, user));
        db.Add(AuditEntry.Record(actor, clock.GetUtcNow(), "panel.assigned", nameof(Round), roundId, null, new { round.Assignment, Count = plan.Count }));
        await db.SaveOrConflictAsync(ct);
        return plan.Count;
    }

    /// <summary>
    /// The judge × entry matrix for the chair and staff: who has scored what, and which entries cannot reach their
    /// sheets. While judging is open a chair or officer who scores sees the states only (Điều 16.2).
    /// </summary>
    public async Task<Progress> ProgressAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var units = await geography.DirectoryAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await JudgingAccess.ChairOrStaffAsync(db, units, actor, roundId, ct);
        var pointsShown = await JudgingAccess.PointsVisibleAsync(db, units, actor, round, ct);
        var members = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == roundId).ToListAsync(ct);
        var jury = members.Where(m => m.Body == PanelBody.Jury).OrderBy(m => m.Role).ThenBy(m => m.FullName).ToList();
        var entries = await (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id
                             where e.RoundId == roundId && (e.State == EntryState.Accepted || e.State == EntryState.Recognised
                                 || e.State == EntryState.NotRecognised || e.State == EntryState.Revoked)
                             orderby e.Code select new { e.Id, e.Code, Name = e.DossierProductName ?? p.Name }).AsNoTracking().ToListAsync(ct);
        var assigned = (await JudgeAssignments.EffectiveAsync(db, round, ct)).Select(a => (a.EntryId, a.UserId)).ToHashSet();
        var conflicts = await JudgeAssignments.ConflictSetAsync(db, roundId, ct);
        var sheets = (await db.Set<ScoreSheet>().AsNoTracking().Include(s => s.Scores).Where(s => s.RoundId == roundId).ToListAsync(ct))
            .ToDictionary(s => (s.EntryId, s.JudgeId));
        var excluded = (await SheetTotalsReader.ReadAsync(db, round, ct)).Excluded.Select(x => x.SheetId).ToHashSet();
        var cells = new List<ProgressCell>();
        foreach (var e in entries)
            foreach (var j in jury)
            {
                var sheet = sheets.GetValueOrDefault((e.Id, j.UserId));
                var state = sheet is not null && excluded.Contains(sheet.Id) ? CellState.Excluded
                    : conflicts.Contains((e.Id, j.UserId)) ? CellState.Conflict
                    : sheet is not null ? (sheet.State == SheetState.Submitted ? CellState.Submitted : CellState.Draft)
                    : assigned.Contains((e.Id, j.UserId)) ? CellState.NotStarted : CellState.NotAssigned;
                cells.Add(new ProgressCell(e.Id, j.UserId, state, pointsShown ? sheet?.Total : null, sheet?.Id));
            }
        var gaps = entries.Where(e =>
        {
            var open = cells.Count(c => c.EntryId == e.Id && c.State is CellState.NotStarted or CellState.Draft or CellState.Submitted);
            return open == 0 || (round.MinimumSheets is { } minimum && open < minimum);
        }).Select(e => e.Id).ToList();
        return new Progress(jury, [.. entries.Select(e => (e.Id, e.Code, e.Name))], cells, gaps, PanelWarnings(round.Level, members), pointsShown);
    }

    /// <summary>Sends each judge with unfinished sheets an in-app reminder; returns how many were reminded.</summary>
    public async Task<int> RemindAsync(UserScope actor, Guid roundId, CancellationToken ct = default)
    {
        var progress = await ProgressAsync(actor, roundId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.RoundAsync(roundId, ct);
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
}
