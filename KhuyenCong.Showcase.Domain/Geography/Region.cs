using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Geography;

/// <summary>
/// A khu vực of the contest (TT 26/2014 Điều 3.1.c, 6.2): the ministry groups the provinces into three regions whose
/// rounds the Cục Công nghiệp địa phương runs. A reference table, not code: the ministry may regroup them.
/// </summary>
public sealed class Region
{
    public const int CodeMaxLength = 10;
    public const int NameMaxLength = 120;

    private Region() { }

    public Region(string code, string name, int order)
    {
        Id = Guid.CreateVersion7();
        Code = VietnameseText.Required(code, CodeMaxLength, Messages.RegionNameRequired).ToUpperInvariant();
        Name = VietnameseText.Required(name, NameMaxLength, Messages.RegionNameRequired);
        Order = order;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Order { get; private set; }
}

/// <summary>Which region a province (a province-tier unit, before or after the 2025 merger) belongs to; one region each.</summary>
public sealed class RegionProvince
{
    private RegionProvince() { }

    public RegionProvince(Guid provinceId, Guid regionId)
    {
        ProvinceId = provinceId;
        RegionId = regionId;
    }

    public Guid ProvinceId { get; private set; }
    public Guid RegionId { get; internal set; }
}

/// <summary>
/// The default grouping, from DESIGN.md (checked against the ministry's practice): phía Bắc — the 28 provinces from
/// Hà Tĩnh northwards; miền Trung và Tây Nguyên — 15, Quảng Bình to Lâm Đồng; phía Nam — 20, Bình Thuận, Bình Dương,
/// Đồng Nai to Cà Mau. After the 2025 merger each new province takes the region of its old parts, which its code
/// (the code of one of those parts) already says; only Lâm Đồng mixes (Lâm Đồng, Đắk Nông: Trung – Tây Nguyên;
/// Bình Thuận: Nam) and defaults to Trung – Tây Nguyên. Applied only where a province has no region yet.
/// </summary>
public static class DefaultRegions
{
    public const string North = "BAC";
    public const string Central = "TRUNG";
    public const string South = "NAM";

    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        (North, "Khu vực phía Bắc"),
        (Central, "Khu vực miền Trung và Tây Nguyên"),
        (South, "Khu vực phía Nam"),
    ];

    private static readonly string[] NorthCodes =
        ["01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27", "30", "31", "33", "34",
         "35", "36", "37", "38", "40", "42"];

    private static readonly string[] CentralCodes = ["44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "62", "64", "66", "67", "68"];

    private static readonly string[] SouthCodes =
        ["60", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96"];

    /// <summary>The default region of a province code, or null for a code the table does not know.</summary>
    public static string? Of(string provinceCode) =>
        NorthCodes.Contains(provinceCode) ? North
        : CentralCodes.Contains(provinceCode) ? Central
        : SouthCodes.Contains(provinceCode) ? South
        : null;
}
