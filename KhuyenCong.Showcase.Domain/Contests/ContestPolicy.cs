using System.Linq.Expressions;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Contests;

/// <summary>
/// Who runs which round (TT 26/2014 Điều 8): a commune's round by that commune's officer or the province's; a province
/// round by the province's officers; region and national rounds by the ministry's staff (Cục Công nghiệp địa phương,
/// Bộ Công Thương); administrators everything.
/// </summary>
public static class ContestPolicy
{
    public static UnitTier TierFor(ContestLevel level) => level switch
    {
        ContestLevel.Commune => UnitTier.Commune,
        ContestLevel.District => UnitTier.District,
        _ => UnitTier.Province,
    };

    /// <summary>A region or national round is held in a province (the host, "nơi tổ chức bình chọn", Điều 9.3.b, 9.4.b).</summary>
    public static bool LevelFitsUnit(ContestLevel level, UnitNode unit) => unit.Tier == TierFor(level);

    public static bool CanManage(UserScope actor, UnitDirectory units, ContestLevel level, Guid unitId)
    {
        if (actor.IsAdmin) return true;
        if (level is ContestLevel.Region or ContestLevel.National) return actor.IsMinistry;
        if (actor.UnitId is not { } own) return false;
        if (!units.ScopeOf(own).Contains(unitId)) return false;
        return actor.Roles.Contains(Roles.ProvinceStaff)
            || (actor.Roles.Contains(Roles.LocalStaff) && level is ContestLevel.Commune or ContestLevel.District);
    }

    public static bool CanManage(UserScope actor, UnitDirectory units, Round round) => CanManage(actor, units, round.Level, round.UnitId);

    /// <summary>
    /// Whether a unit lies in the round's area: the unit and what is below it (and what it succeeded) for local and
    /// province rounds, the region's provinces for a region round (Điều 12.3), the whole country for the national one.
    /// </summary>
    public static bool InArea(UnitDirectory units, Round round, Guid unitId) => round.Level switch
    {
        ContestLevel.Region => round.RegionId is { } region && units.RegionOf(unitId)?.Id == region,
        ContestLevel.National => true,
        _ => units.ScopeOf(round.UnitId).Contains(unitId),
    };

    /// <summary>Staff also follow the rounds above their unit (a commune officer watches the province round); the ministry follows all.</summary>
    public static bool CanView(UserScope actor, UnitDirectory units, Round round) =>
        Viewable(actor, units).Compile(preferInterpretation: true)(round);

    /// <summary>
    /// <see cref="CanView"/> as a condition the database evaluates, so that a list of rounds pages in SQL; the one form of
    /// the rule (<see cref="CanView"/> runs it in memory). For a local or province officer it is <see cref="CanManage"/>
    /// (a local, district or province round inside their unit, local levels only for a commune officer) or
    /// <see cref="InArea"/> of their own unit (every round above it: its province's, its region's, the national one).
    /// </summary>
    public static Expression<Func<Round, bool>> Viewable(UserScope actor, UnitDirectory units)
    {
        if (actor.IsAdmin || (actor.IsStaff && actor.SeesAllUnits)) return _ => true;
        if (!actor.IsStaff || actor.UnitId is not { } own) return _ => false;
        var above = units.CoveringOf(own).ToList();
        var region = units.RegionOf(own)?.Id ?? Guid.Empty;
        Expression<Func<Round, bool>> inArea = r => r.Level == ContestLevel.National
            || (r.Level == ContestLevel.Region ? r.RegionId == region : above.Contains(r.UnitId));
        return Manageable(actor, units).Or(inArea);
    }

    /// <summary>
    /// <see cref="CanManage(UserScope, UnitDirectory, ContestLevel, Guid)"/> as a condition the database evaluates (the
    /// review queue over every round an officer runs). <c>ContestPolicyTests</c> holds the two forms equal over every
    /// level, unit and role.
    /// </summary>
    public static Expression<Func<Round, bool>> Manageable(UserScope actor, UnitDirectory units)
    {
        if (actor.IsAdmin) return _ => true;
        var ministry = actor.IsMinistry;
        if (actor.UnitId is not { } own) return r => ministry && (r.Level == ContestLevel.Region || r.Level == ContestLevel.National);
        var below = units.ScopeOf(own).ToList();
        var managesProvince = actor.Roles.Contains(Roles.ProvinceStaff);
        var managesLocal = actor.Roles.Contains(Roles.LocalStaff);
        return r => r.Level == ContestLevel.Region || r.Level == ContestLevel.National
            ? ministry
            : below.Contains(r.UnitId) && (managesProvince || (managesLocal && (r.Level == ContestLevel.Commune || r.Level == ContestLevel.District)));
    }

    /// <summary>The level whose recognised entries a round of <paramref name="level"/> receives (liên thông, Điều 10.2, 12.2–12.4).</summary>
    public static IReadOnlyList<ContestLevel> LevelsBelow(ContestLevel level) => level switch
    {
        ContestLevel.Province => [ContestLevel.Commune, ContestLevel.District],
        ContestLevel.Region => [ContestLevel.Province],
        ContestLevel.National => [ContestLevel.Region],
        _ => [],
    };

    /// <summary>Entries of region and national rounds come only on the proposal of the level below (Điều 12.3.c, 12.4.c).</summary>
    public static bool TakesDirectEntries(ContestLevel level) => level is not (ContestLevel.Region or ContestLevel.National);
}
