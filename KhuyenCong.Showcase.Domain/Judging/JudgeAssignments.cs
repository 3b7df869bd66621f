using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Producers;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Judging;

/// <summary>Who scores which entry of a round: the stored plan, or the round's rule applied to its jury less their conflicts.</summary>
internal static class JudgeAssignments
{
    internal static async Task<IReadOnlyList<(Guid EntryId, string UserId)>> PlanAsync(ShowcaseDb db, Round round, CancellationToken ct)
    {
        var jury = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == round.Id && m.Body == PanelBody.Jury).ToListAsync(ct);
        var entries = await (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id
                             where e.RoundId == round.Id && e.State == EntryState.Accepted
                             select new AssignmentPlanner.Candidate(e.Id, e.DossierGroup ?? p.Group)).AsNoTracking().ToListAsync(ct);
        var conflicts = await ConflictSetAsync(db, round.Id, ct);
        conflicts.UnionWith((await AutomaticConflictsAsync(db, round, jury, ct: ct)).Keys);
        return AssignmentPlanner.Plan(round.Assignment, entries, jury, conflicts, round.JudgesPerEntry, round.JudgeCap);
    }

    /// <summary>Stored assignments when staff made a plan; otherwise the round's rule.</summary>
    internal static async Task<IReadOnlyList<(Guid EntryId, string UserId)>> EffectiveAsync(ShowcaseDb db, Round round, CancellationToken ct)
    {
        var stored = await db.Set<JudgeAssignment>().AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => new { a.EntryId, a.UserId }).ToListAsync(ct);
        if (stored.Count > 0) return [.. stored.Select(a => (a.EntryId, a.UserId))];
        return await PlanAsync(db, round, ct);
    }

    internal static async Task<HashSet<(Guid, string)>> ConflictSetAsync(ShowcaseDb db, Guid roundId, CancellationToken ct) =>
        (await db.Set<ConflictDeclaration>().AsNoTracking().Where(c => c.RoundId == roundId && c.HasConflict)
            .Select(c => new { c.EntryId, c.UserId }).ToListAsync(ct)).Select(c => (c.EntryId, c.UserId)).ToHashSet();

    /// <summary>The links the system finds itself between the given jurors and the round's entrants, with their reasons.</summary>
    internal static async Task<Dictionary<(Guid EntryId, string UserId), string>> AutomaticConflictsAsync(ShowcaseDb db, Round round,
        IReadOnlyCollection<PanelMember> jurors, Guid? onlyEntry = null, CancellationToken ct = default)
    {
        var result = new Dictionary<(Guid, string), string>();
        if (round.Conflicts == ConflictChecks.None || jurors.Count == 0) return result;
        var userIds = jurors.Select(j => j.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.ProducerId, u.UnitId }).ToListAsync(ct);
        var facilityIds = users.Where(u => u.ProducerId != null).Select(u => u.ProducerId!.Value).ToList();
        var facilities = await db.Set<Producer>().AsNoTracking().Where(p => facilityIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var entrants = await (from e in db.Set<Entry>() join f in db.Set<Producer>() on e.ProducerId equals f.Id
                              where e.RoundId == round.Id && e.State == EntryState.Accepted && (onlyEntry == null || e.Id == onlyEntry)
                              select new { e.Id, f }).AsNoTracking().ToListAsync(ct);
        var external = jurors.Where(j => j.External).Select(j => j.UserId).ToHashSet();
        foreach (var user in users)
        {
            var facility = user.ProducerId is { } pid ? facilities.GetValueOrDefault(pid) : null;
            var unit = external.Contains(user.Id) ? null : user.UnitId;
            foreach (var e in entrants)
                if (ConflictRules.Automatic(round.Conflicts, user.ProducerId, facility, unit, e.f) is { } reason)
                    result[(e.Id, user.Id)] = reason;
        }
        return result;
    }

    /// <summary>One judge and one entry, without building the whole plan unless the round balances on the fly.</summary>
    internal static async Task<bool> IsAssignedAsync(ShowcaseDb db, Round round, PanelMember member, Guid entryId, CancellationToken ct)
    {
        var stored = await db.Set<JudgeAssignment>().Where(a => a.RoundId == round.Id)
            .Select(a => a.EntryId == entryId && a.UserId == member.UserId).Distinct().ToListAsync(ct);
        if (stored.Count > 0) return stored.Contains(true);
        return round.Assignment switch
        {
            AssignmentMode.AllMembers => true,
            AssignmentMode.ByGroup => member.CoversGroup(await (from e in db.Set<Entry>() join p in db.Set<Product>() on e.ProductId equals p.Id
                                                                 where e.Id == entryId select e.DossierGroup ?? p.Group).FirstAsync(ct)),
            _ => (await PlanAsync(db, round, ct)).Contains((entryId, member.UserId)),
        };
    }
}
