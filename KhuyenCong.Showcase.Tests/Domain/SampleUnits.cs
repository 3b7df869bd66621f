using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>
/// A small directory across the 2025 reform, shared by the tests of scopes and of who runs which round: Hải Dương (old,
/// with a district and a commune) merged into Hải Phòng (new, with a ward that succeeded the commune); Hà Tĩnh unchanged,
/// with two communes; two regions.
/// </summary>
internal static class SampleUnits
{
    private static readonly DateOnly Start = new(2008, 8, 1), OldEnd = new(2025, 6, 11), NewStart = new(2025, 6, 12);

    public static readonly UnitNode HaiDuong = new(Guid.NewGuid(), "30", "Hải Dương", UnitKind.Province, null, Start, OldEnd, false);
    public static readonly UnitNode KinhMon = new(Guid.NewGuid(), "292", "Thị xã Kinh Môn", UnitKind.Town, HaiDuong.Id, Start, new(2025, 6, 30), false);
    public static readonly UnitNode OldCommune = new(Guid.NewGuid(), "10690", "Xã cũ", UnitKind.Commune, KinhMon.Id, Start, new(2025, 6, 30), false);
    public static readonly UnitNode HaiPhong = new(Guid.NewGuid(), "31", "Hải Phòng", UnitKind.CentralCity, null, NewStart, null, false);
    public static readonly UnitNode NewCommune = new(Guid.NewGuid(), "M3101", "Phường mẫu", UnitKind.Ward, HaiPhong.Id, new(2025, 7, 1), null, true);
    public static readonly UnitNode HaTinh = new(Guid.NewGuid(), "42", "Hà Tĩnh", UnitKind.Province, null, Start, null, false);
    public static readonly UnitNode ThachHa = new(Guid.NewGuid(), "M4201", "Xã mẫu Thạch Hà", UnitKind.Commune, HaTinh.Id, new(2025, 7, 1), null, true);
    public static readonly UnitNode DucTho = new(Guid.NewGuid(), "M4202", "Xã mẫu Đức Thọ", UnitKind.Commune, HaTinh.Id, new(2025, 7, 1), null, true);
    public static readonly RegionNode North = new(Guid.NewGuid(), "BAC", "Khu vực phía Bắc", 1);
    public static readonly RegionNode Centre = new(Guid.NewGuid(), "TRUNG", "Khu vực miền Trung", 2);

    public static readonly UnitDirectory Sample = new(
        [HaiDuong, KinhMon, OldCommune, HaiPhong, NewCommune, HaTinh, ThachHa, DucTho],
        [(HaiDuong.Id, HaiPhong.Id), (OldCommune.Id, NewCommune.Id)],
        [North, Centre],
        [(HaiDuong.Id, North.Id), (HaiPhong.Id, North.Id), (HaTinh.Id, Centre.Id)]);
}
