using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Judging;

/// <summary>
/// The regulation has no conflict-of-interest clause; these are good practice: a judge who works for the facility,
/// shares its registration or address, or (if the round says so) lives in its commune does not score it.
/// </summary>
public static class ConflictRules
{
    public static string? Automatic(string? judgeProducerId, Producer? judgeFacility, Guid? judgeUnitId, Producer entrant, bool sameCommuneRule)
    {
        if (judgeProducerId is not null && judgeProducerId == entrant.Id.ToString()) return Messages.Conflict_SameFacility;
        if (judgeFacility is not null && judgeFacility.Id != entrant.Id)
        {
            if (string.Equals(judgeFacility.RegistrationNumber, entrant.RegistrationNumber, StringComparison.OrdinalIgnoreCase))
                return Messages.Conflict_SameRegistration;
            if (judgeFacility.UnitId == entrant.UnitId && string.Equals(judgeFacility.Address, entrant.Address, StringComparison.OrdinalIgnoreCase))
                return Messages.Conflict_SameAddress;
        }
        if (sameCommuneRule && judgeUnitId == entrant.UnitId) return Messages.Conflict_SameCommune;
        return null;
    }
}

/// <summary>
/// Spreads entries over the jury. Balanced mode gives each entry its minimum number of judges, least-loaded judges
/// first, never beyond a judge's cap; what cannot be covered shows up as a gap.
/// </summary>
public static class AssignmentPlanner
{
    public sealed record Candidate(Guid EntryId, ProductGroup Group);

    public static IReadOnlyList<(Guid EntryId, string UserId)> Plan(Contests.AssignmentMode mode, IReadOnlyList<Candidate> entries,
        IReadOnlyList<PanelMember> jury, ISet<(Guid EntryId, string UserId)> conflicts, int minimumPerEntry, int? cap)
    {
        var plan = new List<(Guid, string)>();
        if (mode == Contests.AssignmentMode.AllMembers || mode == Contests.AssignmentMode.ByGroup)
        {
            foreach (var entry in entries)
                foreach (var judge in jury.Where(j => mode == Contests.AssignmentMode.AllMembers || j.CoversGroup(entry.Group)))
                    if (!conflicts.Contains((entry.EntryId, judge.UserId))) plan.Add((entry.EntryId, judge.UserId));
            return plan;
        }
        var load = jury.ToDictionary(j => j.UserId, _ => 0);
        foreach (var entry in entries.OrderBy(e => e.Group).ThenBy(e => e.EntryId))
        {
            var chosen = jury.Where(j => !conflicts.Contains((entry.EntryId, j.UserId)) && (cap is null || load[j.UserId] < cap))
                .OrderBy(j => j.CoversGroup(entry.Group) ? 0 : 1).ThenBy(j => load[j.UserId]).ThenBy(j => j.UserId, StringComparer.Ordinal)
                .Take(minimumPerEntry).ToList();
            foreach (var judge in chosen)
            {
                plan.Add((entry.EntryId, judge.UserId));
                load[judge.UserId]++;
            }
        }
        return plan;
    }
}
