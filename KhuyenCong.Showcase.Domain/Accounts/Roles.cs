namespace KhuyenCong.Showcase.Accounts;

public static class Roles
{
    public const string Producer = nameof(Producer);
    public const string Judge = nameof(Judge);
    public const string LocalStaff = nameof(LocalStaff);
    public const string ProvinceStaff = nameof(ProvinceStaff);

    /// <summary>
    /// The ministry's staff (Cục Công nghiệp địa phương / Bộ Công Thương, TT 26/2014 Điều 8.1.c–d): they run the region
    /// and national rounds and follow every province, without being the system's administrators.
    /// </summary>
    public const string MinistryStaff = nameof(MinistryStaff);

    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Producer, Judge, LocalStaff, ProvinceStaff, MinistryStaff, Admin];

    public static readonly IReadOnlyList<string> Staff = [LocalStaff, ProvinceStaff, MinistryStaff, Admin];

    /// <summary>Roles whose holders must be scoped to an administrative unit.</summary>
    public static bool NeedsUnit(string role) => role is Judge or LocalStaff or ProvinceStaff;
}

public static class Policies
{
    public const string Producer = "producer";
    public const string Judge = "judge";
    public const string Staff = "staff";
    public const string ProvinceStaff = "province-staff";
    public const string Ministry = "ministry";
    public const string Admin = "admin";
}
