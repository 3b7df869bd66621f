using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>Staff invite judges and staff for units in their own scope, never above their own level.</summary>
public static class InvitePolicy
{
    public static IReadOnlyList<string> RolesInvitableBy(UserScope inviter) =>
        inviter.IsAdmin ? Roles.All
        : inviter.IsMinistry ? [Roles.Judge, Roles.MinistryStaff]
        : inviter.Roles.Contains(Roles.ProvinceStaff) ? [Roles.Judge, Roles.LocalStaff, Roles.ProvinceStaff]
        : inviter.Roles.Contains(Roles.LocalStaff) ? [Roles.Judge, Roles.LocalStaff]
        : [];

    public static bool CanInvite(UserScope inviter, UnitDirectory units, string role, Guid? unitId)
    {
        if (!RolesInvitableBy(inviter).Contains(role)) return false;
        if (Roles.NeedsUnit(role) && unitId is null) return false;
        if (unitId is not { } unit) return inviter.IsAdmin || (inviter.IsMinistry && role == Roles.MinistryStaff);
        if (role == Roles.MinistryStaff) return false;
        var node = units.Find(unit);
        if (node is null) return false;
        if (role == Roles.ProvinceStaff && node.Tier != UnitTier.Province) return false;
        if (role == Roles.LocalStaff && node.Tier == UnitTier.Province) return false;
        return inviter.IsAdmin || inviter.IsMinistry || inviter.CanSeeUnit(units, unit);
    }
}
