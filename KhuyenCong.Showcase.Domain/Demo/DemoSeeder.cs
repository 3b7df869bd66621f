using System.Text;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Showcase.Demo;

public sealed record DemoAccount(string Role, string Email, string Password, string Description);

public sealed record DemoReport(bool Created, int Producers, int Products, int Photos, int Rounds, IReadOnlyList<DemoAccount> Accounts);

/// <summary>
/// Demo data for a first start outside Production: sample communes (marked as sample, never passed off as
/// official), producers in all four groups with generated photos, and one account per role. Created through the
/// same services a user goes through; skipped when producers already exist.
/// </summary>
public sealed class DemoSeeder(
    IServiceScopeFactory scopes,
    IDbContextFactory<ShowcaseDb> dbFactory,
    GeographyService geography,
    AccountService accounts,
    ProducerService producers,
    ProductService products,
    MediaService media,
    TimeProvider clock)
{
    public const string Password = "KhuyenCong@2026";
    public const string DemoProvinceCode = "42";
    public const string OtherProvinceCode = "33";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new(Roles.Admin, "admin@demo.khuyencong.vn", Password, "Quản trị hệ thống"),
        new(Roles.ProvinceStaff, "tinh@demo.khuyencong.vn", Password, "Cán bộ Trung tâm Khuyến công tỉnh Hà Tĩnh"),
        new(Roles.LocalStaff, "xa@demo.khuyencong.vn", Password, "Cán bộ xã mẫu Thạch Hà (Hà Tĩnh)"),
        new(Roles.Judge, "giamkhao@demo.khuyencong.vn", Password, "Giám khảo cấp tỉnh Hà Tĩnh"),
        new(Roles.Producer, "coso@demo.khuyencong.vn", Password, "Cơ sở Mộc mỹ nghệ Thái Yên (dữ liệu mẫu)"),
        new(Roles.ProvinceStaff, "hungyen@demo.khuyencong.vn", Password, "Cán bộ tỉnh Hưng Yên (để thử phân quyền theo tỉnh)"),
        new(Roles.MinistryStaff, "bo@demo.khuyencong.vn", Password, "Cán bộ Cục Công nghiệp địa phương (kỳ khu vực, quốc gia)"),
    ];

    /// <summary>
    /// Sample communes only: the official list comes in through import-units. Codes start with "M" so they can
    /// never collide with the five-digit official codes of QĐ 19/2025/QĐ-TTg.
    /// </summary>
    private static readonly string SampleUnits = string.Join('\n',
        UnitCsv.Header,
        "M4201,Xã mẫu Thạch Hà,Xã,42,2025-07-01,,",
        "M4202,Xã mẫu Đức Thọ,Xã,42,2025-07-01,,",
        "M4203,Xã mẫu Thái Yên,Xã,42,2025-07-01,,",
        "M4204,Phường mẫu Hồng Lĩnh,Phường,42,2025-07-01,,",
        "M4205,Xã mẫu Lộc Hà,Xã,42,2025-07-01,,",
        "M4206,Xã mẫu Hương Sơn,Xã,42,2025-07-01,,",
        "M4207,Xã mẫu Cẩm Xuyên,Xã,42,2025-07-01,,",
        "M4208,Xã mẫu Kỳ Anh,Xã,42,2025-07-01,,",
        "M3301,Xã mẫu Bát Tràng Hưng Yên,Xã,33,2025-07-01,,",
        "M3302,Xã mẫu Phố Hiến,Xã,33,2025-07-01,,");

    private sealed record DemoProducer(string Name, LegalForm Form, string Commune, string Representative, ProductGroup Group, string[] Products);

    private static readonly DemoProducer[] DemoProducers =
    [
        new("Cơ sở Mộc mỹ nghệ Thái Yên", LegalForm.HouseholdBusiness, "M4203", "Nguyễn Văn Thành", ProductGroup.Handicraft, ["Tượng gỗ Di Lặc", "Hộp trà gỗ hương"]),
        new("HTX Mây tre đan Thạch Hà", LegalForm.Cooperative, "M4201", "Trần Thị Hoa", ProductGroup.Handicraft, ["Giỏ mây đan tay", "Đèn tre trang trí"]),
        new("Cơ sở Nón lá Đức Thọ", LegalForm.HouseholdBusiness, "M4202", "Lê Thị Lan", ProductGroup.Handicraft, ["Nón lá bài thơ"]),
        new("Tổ hợp tác Chổi đót Hương Sơn", LegalForm.CooperativeGroup, "M4206", "Phan Văn Lực", ProductGroup.Handicraft, ["Chổi đót cán tre"]),
        new("Công ty TNHH Gốm Cẩm Xuyên", LegalForm.SmallOrMediumEnterprise, "M4207", "Võ Minh Tâm", ProductGroup.Handicraft, ["Bình gốm men lam", "Bộ ấm chén gốm"]),
        new("Cơ sở Thêu tay Kỳ Anh", LegalForm.HouseholdBusiness, "M4208", "Đặng Thị Mai", ProductGroup.Handicraft, ["Tranh thêu phong cảnh"]),
        new("HTX Dệt thổ cẩm Hương Sơn", LegalForm.Cooperative, "M4206", "Hồ Thị Nga", ProductGroup.Handicraft, ["Khăn thổ cẩm"]),
        new("Cơ sở Đan cói Lộc Hà", LegalForm.HouseholdBusiness, "M4205", "Bùi Văn Hải", ProductGroup.Handicraft, ["Thảm cói"]),
        new("Cơ sở Kẹo cu đơ Hà Tĩnh", LegalForm.HouseholdBusiness, "M4204", "Nguyễn Thị Hương", ProductGroup.FoodAndAgroProcessing, ["Kẹo cu đơ", "Bánh đa vừng"]),
        new("HTX Nước mắm Lộc Hà", LegalForm.Cooperative, "M4205", "Trần Văn Biển", ProductGroup.FoodAndAgroProcessing, ["Nước mắm truyền thống", "Ruốc tôm"]),
        new("Công ty TNHH Chè xanh Hương Sơn", LegalForm.SmallOrMediumEnterprise, "M4206", "Lê Văn Sơn", ProductGroup.FoodAndAgroProcessing, ["Chè xanh sấy khô"]),
        new("Cơ sở Bánh gai Đức Thọ", LegalForm.HouseholdBusiness, "M4202", "Phạm Thị Thu", ProductGroup.FoodAndAgroProcessing, ["Bánh gai lá gai rừng"]),
        new("HTX Mật ong Kỳ Anh", LegalForm.Cooperative, "M4208", "Nguyễn Đình Quang", ProductGroup.FoodAndAgroProcessing, ["Mật ong hoa rừng"]),
        new("Cơ sở Tinh dầu tràm Thạch Hà", LegalForm.HouseholdBusiness, "M4201", "Hoàng Thị Yến", ProductGroup.FoodAndAgroProcessing, ["Tinh dầu tràm nguyên chất"]),
        new("Tổ hợp tác Nhút mít Thái Yên", LegalForm.CooperativeGroup, "M4203", "Lê Thị Nhung", ProductGroup.FoodAndAgroProcessing, ["Nhút mít muối"]),
        new("Cơ sở Bún bánh Cẩm Xuyên", LegalForm.HouseholdBusiness, "M4207", "Trương Văn Phúc", ProductGroup.FoodAndAgroProcessing, ["Bánh đa nem"]),
        new("Cơ sở Rèn Trung Lương", LegalForm.HouseholdBusiness, "M4204", "Nguyễn Văn Rèn", ProductGroup.Machinery, ["Dao rựa rèn thủ công", "Bộ dao bếp"]),
        new("Công ty TNHH Cơ khí Thạch Hà", LegalForm.SmallOrMediumEnterprise, "M4201", "Trần Quốc Cường", ProductGroup.Machinery, ["Máy tuốt lúa mini"]),
        new("HTX Cơ khí nông nghiệp Đức Thọ", LegalForm.Cooperative, "M4202", "Võ Văn Khải", ProductGroup.Machinery, ["Máy thái chuối"]),
        new("Cơ sở Cơ khí Kỳ Anh", LegalForm.HouseholdBusiness, "M4208", "Lê Công Minh", ProductGroup.Machinery, ["Lò sấy nông sản"]),
        new("Công ty TNHH Phụ tùng Hồng Lĩnh", LegalForm.SmallOrMediumEnterprise, "M4204", "Phan Đức Anh", ProductGroup.Machinery, ["Bánh răng máy cày"]),
        new("Cơ sở Gò hàn Lộc Hà", LegalForm.HouseholdBusiness, "M4205", "Đinh Văn Toàn", ProductGroup.Machinery, ["Xe rùa cải tiến"]),
        new("Tổ hợp tác Cơ khí Hương Sơn", LegalForm.CooperativeGroup, "M4206", "Nguyễn Hữu Nghĩa", ProductGroup.Machinery, ["Máy sao chè"]),
        new("Cơ sở Điện cơ Cẩm Xuyên", LegalForm.HouseholdBusiness, "M4207", "Hồ Văn Điện", ProductGroup.Machinery, ["Máy bơm nước mini"]),
        new("Công ty TNHH Xà phòng thảo mộc Thái Yên", LegalForm.SmallOrMediumEnterprise, "M4203", "Nguyễn Thị Thảo", ProductGroup.Other, ["Xà phòng thảo mộc"]),
        new("Cơ sở Hương trầm Đức Thọ", LegalForm.HouseholdBusiness, "M4202", "Trần Văn Trầm", ProductGroup.Other, ["Hương trầm nén"]),
        new("HTX Gạch không nung Thạch Hà", LegalForm.Cooperative, "M4201", "Lê Văn Gạch", ProductGroup.Other, ["Gạch không nung"]),
        new("Cơ sở Nến thơm Hồng Lĩnh", LegalForm.HouseholdBusiness, "M4204", "Phạm Thị Ngọc", ProductGroup.Other, ["Nến thơm sáp đậu nành"]),
        new("Cơ sở Phân hữu cơ Kỳ Anh", LegalForm.HouseholdBusiness, "M4208", "Vũ Văn Nông", ProductGroup.Other, ["Phân hữu cơ vi sinh"]),
        new("Tổ hợp tác Than hoạt tính Lộc Hà", LegalForm.CooperativeGroup, "M4205", "Đỗ Văn Than", ProductGroup.Other, ["Than hoạt tính gáo dừa"]),
        new("Công ty TNHH Bao bì giấy Cẩm Xuyên", LegalForm.SmallOrMediumEnterprise, "M4207", "Ngô Thị Giấy", ProductGroup.Other, ["Túi giấy kraft"]),
        new("Cơ sở Gốm Bát Tràng Hưng Yên (mẫu)", LegalForm.HouseholdBusiness, "M3301", "Nguyễn Văn Gốm", ProductGroup.Handicraft, ["Lọ hoa gốm men rạn"]),
    ];

    public async Task<DemoReport> SeedAsync(CancellationToken ct = default)
    {
        await accounts.EnsureRolesAsync();
        await geography.ImportReferenceProvincesAsync(ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<Producer>().AnyAsync(ct)) return new DemoReport(false, 0, 0, 0, 0, Accounts);
        }

        var sample = await geography.ImportAsync(new StringReader(SampleUnits), isSample: true, ct);
        if (!sample.Succeeded) throw new InvalidOperationException(string.Join(Environment.NewLine, sample.Errors));
        var units = await geography.DirectoryAsync(ct);
        var today = geography.Today;
        Guid Current(string code) => units.All.Single(u => u.Code == code && u.IsValidOn(today)).Id;

        var staffUnits = new Dictionary<string, Guid?>
        {
            ["admin@demo.khuyencong.vn"] = null,
            ["tinh@demo.khuyencong.vn"] = Current(DemoProvinceCode),
            ["xa@demo.khuyencong.vn"] = Current("M4201"),
            ["giamkhao@demo.khuyencong.vn"] = Current(DemoProvinceCode),
            ["hungyen@demo.khuyencong.vn"] = Current(OtherProvinceCode),
            ["bo@demo.khuyencong.vn"] = null,
        };
        var staffIds = new Dictionary<string, string>();
        foreach (var account in Accounts.Where(a => a.Role != Roles.Producer))
            staffIds[account.Email] = await CreateUserAsync(account.Email, account.Description, account.Role, account.Password, staffUnits[account.Email]);
        // Two more jurors without passwords: the jury needs an odd number of members (TT 26/2014 Điều 11).
        var jurors = new List<string> { staffIds["giamkhao@demo.khuyencong.vn"] };
        foreach (var (email, name) in new[] { ("giamkhao2@demo.khuyencong.vn", "Trần Minh Đức"), ("giamkhao3@demo.khuyencong.vn", "Lê Thị Bích Ngọc") })
            jurors.Add(await CreateUserAsync(email, name, Roles.Judge, null, Current(DemoProvinceCode)));
        var producerAccounts = new List<DemoProducerAccount>();

        int productCount = 0, photoCount = 0;
        for (var i = 0; i < DemoProducers.Length; i++)
        {
            var demo = DemoProducers[i];
            var isMain = i == 0;
            var email = isMain ? Accounts.Single(a => a.Role == Roles.Producer).Email : $"coso{i + 1:00}@demo.khuyencong.vn";
            var userId = await CreateUserAsync(email, demo.Representative, Roles.Producer, isMain ? Password : null, null);
            var actor = new UserScope(userId, demo.Representative, new HashSet<string> { Roles.Producer }, null, null);
            var details = new ProducerDetails(demo.Form, demo.Name, $"28.{i + 1:000}.{2015 + i % 9}", new DateOnly(2015 + i % 9, 1 + i % 12, 1 + i % 27),
                i % 3 == 0 ? $"30{i + 10000000:00000000}" : null, $"Thôn {1 + i % 7}, {units.Get(Current(demo.Commune)).Name}",
                demo.Representative, demo.Form == LegalForm.Cooperative ? "Giám đốc HTX" : "Chủ cơ sở",
                $"09{12345670 + i:00000000}", i % 2 == 0 ? $"lienhe{i + 1}@example.vn" : null, null,
                18.2 + i * 0.01, 105.7 + i * 0.01);
            var producer = await producers.SaveProfileAsync(actor, details, Current(demo.Commune), null, ct);
            actor = actor with { ProducerId = producer.Id };
            var productIds = new List<Guid>();

            for (var j = 0; j < demo.Products.Length; j++)
            {
                var seed = i * 10 + j;
                // The smallest photos the rules take (10×15 cm): the server makes four files of each, as for any upload,
                // the three views side by side (the media service decodes as many at once as there are cores).
                var photos = (await Task.WhenAll(Product.RequiredViews.Select(async (view, index) => new NewPhoto(view, await media.StorePhotoAsync($"{view}.png",
                    new MemoryStream(DemoImage.Render(MediaRules.MinPhotoLongSide, MediaRules.MinPhotoLongSide * 3 / 4, seed, index)), ct))))).ToList();
                var registration = await media.StoreDocumentAsync("giay-dang-ky.pdf", new MemoryStream(MinimalPdf($"Giay chung nhan dang ky - {i + 1}")), ct);
                var name = demo.Products[j];
                var productDetails = new ProductDetails(name, demo.Group,
                    $"{name} là sản phẩm của {demo.Name}, làm theo cách truyền thống của địa phương, chọn nguyên liệu tại chỗ và hoàn thiện thủ công từng khâu.",
                    "Nguyên liệu địa phương", "Quy trình thủ công kết hợp máy móc nhỏ", "Tiêu thụ trong tỉnh, hội chợ và sàn thương mại điện tử",
                    "Quy cách đóng gói theo đơn đặt hàng", 50_000 + seed * 10_000L, 150_000 + seed * 20_000L);
                var documents = new List<NewDocument>
                {
                    new(new DocumentInfo(DocumentType.BusinessRegistration, details.RegistrationNumber, "UBND xã", details.RegistrationDate, null), registration),
                };
                productIds.Add(await products.CreateAsync(actor, productDetails, new ProductChanges(photos, [], documents, []), ct));
                productCount++;
                photoCount += photos.Count;
            }
            producerAccounts.Add(new DemoProducerAccount(actor, Current(demo.Commune), productIds));
        }

        var rounds = await new DemoContests(dbFactory, geography, products, media).SeedAsync(
            await accounts.ScopeForAsync(staffIds["tinh@demo.khuyencong.vn"]), await accounts.ScopeForAsync(staffIds["xa@demo.khuyencong.vn"]),
            await accounts.ScopeForAsync(staffIds["bo@demo.khuyencong.vn"]),
            [.. await Task.WhenAll(jurors.Select(id => accounts.ScopeForAsync(id)))],
            producerAccounts, Current(DemoProvinceCode), Current("M4201"), clock);
        return new DemoReport(true, DemoProducers.Length, productCount, photoCount, rounds, Accounts);
    }

    private async Task<string> CreateUserAsync(string email, string fullName, string role, string? password, Guid? unitId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, UnitId = unitId,
            Position = role == Roles.Judge ? "Chuyên gia thủ công mỹ nghệ" : null, LockoutEnabled = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded) throw new InvalidOperationException($"{email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return user.Id;
    }

    /// <summary>A one-page PDF with a line of ASCII text, enough to stand in for a scanned registration.</summary>
    internal static byte[] MinimalPdf(string text)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var content = $"BT /F1 18 Tf 72 760 Td ({text.Replace("(", "").Replace(")", "")}) Tj ET";
        objects[3] = $"<< /Length {content.Length} >>\nstream\n{content}\nendstream";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:0000000000} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
