using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>Who is acting and over which units: every query and command is filtered through this.</summary>
public sealed record UserScope(string UserId, string UserName, IReadOnlySet<string> Roles, Guid? UnitId, Guid? ProducerId)
{
    public const string FullNameClaim = "kc:name";

    public static readonly UserScope Anonymous = new("", "", new HashSet<string>(), null, null);

    public bool IsAuthenticated => UserId.Length > 0;
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);
    public bool IsStaff => IsAdmin || IsMinistry || Roles.Contains(Accounts.Roles.ProvinceStaff) || Roles.Contains(Accounts.Roles.LocalStaff);

    /// <summary>The ministry's staff: national, so they follow every unit; they manage region and national rounds only.</summary>
    public bool IsMinistry => Roles.Contains(Accounts.Roles.MinistryStaff);

    /// <summary>Lists are not filtered by unit for administrators and the ministry's staff.</summary>
    public bool SeesAllUnits => IsAdmin || IsMinistry;
    public bool IsProducer => Roles.Contains(Accounts.Roles.Producer);

    /// <summary>Staff see their unit, everything below it, and the units it succeeded (history of merged provinces).</summary>
    public bool CanSeeUnit(UnitDirectory units, Guid unitId) =>
        IsAdmin || IsMinistry || (IsStaff && UnitId is { } own && units.ScopeOf(own).Contains(unitId));

    /// <summary>The units a staff member's lists are filtered to (none without a unit); admins are not filtered at all.</summary>
    public List<Guid> VisibleUnits(UnitDirectory units) => UnitId is { } own ? [.. units.ScopeOf(own)] : [];

    public bool ActsFor(Guid producerId) => IsProducer && ProducerId == producerId;
}
