namespace KhuyenCong.Showcase.Accounts;

public static class Roles
{
    public const string Producer = nameof(Producer);
    public const string Judge = nameof(Judge);
    public const string LocalStaff = nameof(LocalStaff);
    public const string ProvinceStaff = nameof(ProvinceStaff);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Producer, Judge, LocalStaff, ProvinceStaff, Admin];

    public static readonly IReadOnlyList<string> Staff = [LocalStaff, ProvinceStaff, Admin];

    /// <summary>Roles whose holders must be scoped to an administrative unit.</summary>
    public static bool NeedsUnit(string role) => role is Judge or LocalStaff or ProvinceStaff;
}

public static class Policies
{
    public const string Producer = "producer";
    public const string Judge = "judge";
    public const string Staff = "staff";
    public const string ProvinceStaff = "province-staff";
    public const string Admin = "admin";
}
