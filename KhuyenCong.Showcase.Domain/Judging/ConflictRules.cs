using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Judging;

/// <summary>
/// The regulation has no conflict-of-interest clause (it asks only for independent, fair and objective scoring, TT
/// 26/2014 Điều 16.2); these are good practice, each a round setting (<see cref="Round.Conflicts"/>): a judge who works
/// for the facility, shares its registration or address, or lives in its commune does not score it.
/// </summary>
public static class ConflictRules
{
    /// <param name="judgeUnitId">The judge's own unit; null for an expert invited from outside (<see cref="PanelMember.External"/>).</param>
    public static string? Automatic(ConflictChecks checks, Guid? judgeProducerId, Producer? judgeFacility, Guid? judgeUnitId, Producer entrant)
    {
        if (checks.HasFlag(ConflictChecks.SameFacility) && judgeProducerId is { } own && own == entrant.Id) return Messages.Conflict_SameFacility;
        if (judgeFacility is not null && judgeFacility.Id != entrant.Id)
        {
            if (checks.HasFlag(ConflictChecks.SameRegistration)
                && string.Equals(judgeFacility.RegistrationNumber, entrant.RegistrationNumber, StringComparison.OrdinalIgnoreCase))
                return Messages.Conflict_SameRegistration;
            if (checks.HasFlag(ConflictChecks.SameAddress) && judgeFacility.UnitId == entrant.UnitId
                && string.Equals(judgeFacility.Address, entrant.Address, StringComparison.OrdinalIgnoreCase))
                return Messages.Conflict_SameAddress;
        }
        if (checks.HasFlag(ConflictChecks.SameCommune) && judgeUnitId is { } unit && unit == entrant.UnitId) return Messages.Conflict_SameCommune;
        return null;
    }
}

/// <summary>
/// Spreads entries over the jury. Balanced mode gives each entry its number of judges, least-loaded judges first,
/// never beyond a judge's cap; what cannot be covered shows up as a gap.
/// </summary>
public static class AssignmentPlanner
{
    public sealed record Candidate(Guid EntryId, ProductGroup Group);

    public static IReadOnlyList<(Guid EntryId, string UserId)> Plan(AssignmentMode mode, IReadOnlyList<Candidate> entries,
        IReadOnlyList<PanelMember> jury, ISet<(Guid EntryId, string UserId)> conflicts, int judgesPerEntry, int? cap)
    {
        var plan = new List<(Guid, string)>();
        if (mode == AssignmentMode.AllMembers || mode == AssignmentMode.ByGroup)
        {
            foreach (var entry in entries)
                foreach (var judge in jury.Where(j => mode == AssignmentMode.AllMembers || j.CoversGroup(entry.Group)))
                    if (!conflicts.Contains((entry.EntryId, judge.UserId))) plan.Add((entry.EntryId, judge.UserId));
            return plan;
        }
        var load = jury.ToDictionary(j => j.UserId, _ => 0);
        foreach (var entry in entries.OrderBy(e => e.Group).ThenBy(e => e.EntryId))
        {
            var chosen = jury.Where(j => !conflicts.Contains((entry.EntryId, j.UserId)) && (cap is null || load[j.UserId] < cap))
                .OrderBy(j => j.CoversGroup(entry.Group) ? 0 : 1).ThenBy(j => load[j.UserId]).ThenBy(j => j.UserId, StringComparer.Ordinal)
                .Take(judgesPerEntry).ToList();
            foreach (var judge in chosen)
            {
                plan.Add((entry.EntryId, judge.UserId));
                load[judge.UserId]++;
            }
        }
        return plan;
    }
}
