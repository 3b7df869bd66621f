using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Contests;

/// <summary>
/// Who runs which round: a commune's round by that commune's officer or the province's; a province round by the
/// province's officers; regional and national rounds by administrators (the ministry's staff).
/// </summary>
public static class ContestPolicy
{
    public static UnitTier TierFor(ContestLevel level) => level switch
    {
        ContestLevel.Commune => UnitTier.Commune,
        ContestLevel.District => UnitTier.District,
        _ => UnitTier.Province,
    };

    public static bool LevelFitsUnit(ContestLevel level, UnitNode unit) =>
        level is ContestLevel.Region or ContestLevel.National || unit.Tier == TierFor(level);

    public static bool CanManage(UserScope actor, UnitDirectory units, ContestLevel level, Guid unitId)
    {
        if (actor.IsAdmin) return true;
        if (level is ContestLevel.Region or ContestLevel.National || actor.UnitId is not { } own) return false;
        if (!units.ScopeOf(own).Contains(unitId)) return false;
        return actor.Roles.Contains(Roles.ProvinceStaff)
            || (actor.Roles.Contains(Roles.LocalStaff) && level is ContestLevel.Commune or ContestLevel.District);
    }

    public static bool CanManage(UserScope actor, UnitDirectory units, Round round) => CanManage(actor, units, round.Level, round.UnitId);

    /// <summary>Staff also follow the rounds above their unit (a commune officer watches the province round).</summary>
    public static bool CanView(UserScope actor, UnitDirectory units, Round round) =>
        CanManage(actor, units, round) || (actor.IsStaff && actor.UnitId is { } own && units.ScopeOf(round.UnitId).Contains(own));
}
