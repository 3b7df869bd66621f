using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>Test data that reads as the sentence it stands for.</summary>
public static class Units
{
    public static readonly DateOnly BeforeReform = new(2024, 5, 1);
    public static readonly DateOnly AfterReform = new(2025, 9, 1);

    public static AdministrativeUnit Province(string code = "42", string name = "Hà Tĩnh", DateOnly? from = null, DateOnly? to = null) =>
        AdministrativeUnit.Create(code, name, UnitKind.Province, null, from ?? new DateOnly(2008, 8, 1), to);

    public static AdministrativeUnit Commune(AdministrativeUnit parent, string code = "M0001", string name = "Xã mẫu", DateOnly? from = null, DateOnly? to = null) =>
        AdministrativeUnit.Create(code, name, UnitKind.Commune, parent, from ?? new DateOnly(2025, 7, 1), to);
}

public sealed class ProducerDetailsBuilder
{
    private ProducerDetails _details = new(LegalForm.Cooperative, "HTX Mây tre đan Thạch Hà", "28.001.2019", new DateOnly(2019, 3, 1),
        "3001234567", "Thôn 1", "Trần Thị Hoa", "Giám đốc", "0912345678", "htx@example.vn", "example.vn", 18.3, 105.9);

    public ProducerDetailsBuilder With(Func<ProducerDetails, ProducerDetails> change)
    {
        _details = change(_details);
        return this;
    }

    public ProducerDetails Build() => _details;
}

public static class Products
{
    public static ProductDetails Details(string name = "Nón lá bài thơ", ProductGroup group = ProductGroup.Handicraft) =>
        new(name, group, "Nón lá làm từ lá cọ, khâu tay.", "Lá cọ", "Thủ công", "Trong tỉnh", "Đường kính 40 cm", 80_000, 150_000);

    public static StoredImage Image(string key, int width = 1600, int height = 1200) => new(key, "image/jpeg", 12345, width, height);

    /// <summary>The four files the server makes of one photo, under keys derived from <paramref name="key"/>.</summary>
    public static StoredPhoto Photo(string key) => new(Image(key), Image(key + "-t", 400, 300), key + ".webp", key + "-t.webp");
}
