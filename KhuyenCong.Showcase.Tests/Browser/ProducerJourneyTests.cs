using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

[Collection(SiteCollection.Name)]
public sealed class ProducerJourneyTests(SiteFixture site)
{
    private string Url => site.App.BaseUrl;

    [Fact]
    public async Task ANewProducerSignsUpDescribesTheFacilityAndRegistersAProductThatOnlyItsProvinceSees()
    {
        var email = $"coso-{Guid.NewGuid():N}@example.vn";
        var page = await site.NewPageAsync();

        await page.GotoAsync($"{Url}/account/register");
        await page.FillAsync("#fullname", "Phạm Thị Lụa");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "lua-to-tam-2026");
        await page.FillAsync("#confirm", "lua-to-tam-2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=register-sent]")).ToContainTextAsync(email);
        var mail = await site.Mail.WaitForAsync(email, "Xác nhận địa chỉ email");
        await page.GotoAsync(SmtpSink.LinkTo(mail, "/account/confirm"));
        await Assertions.Expect(page.Locator("[data-testid=email-confirmed]")).ToBeVisibleAsync();
        await page.SignInAsync(Url, email, "lua-to-tam-2026");
        await page.GotoAsync($"{Url}/producer/profile");
        await page.WaitInteractiveAsync();

        await page.ChooseAsync("legal-form", "Hợp tác xã");
        await page.FillAsync("#name", "HTX Lụa tơ tằm Đức Thọ");
        await page.FillAsync("#registration", "28.099.2021");
        await page.ChooseAsync("profile-province", "42 — Hà Tĩnh");
        await page.PickCommuneAsync("profile", "duc tho", "Xã mẫu Đức Thọ (dữ liệu mẫu)");
        await page.FillAsync("#address", "Thôn Trung Lương");
        await page.FillAsync("#representative", "Phạm Thị Lụa");
        await page.FillAsync("#phone", "0912 000 111");
        // A tax code the domain refuses: the sentence stands under the tax box, the form says where to look, nothing is saved.
        await page.FillAsync("#tax", "12ab");
        await page.ClickAsync("[data-testid=save-profile]");
        await Assertions.Expect(page.FieldError("tax")).ToContainTextAsync("Mã số thuế");
        await Assertions.Expect(page.Locator("[data-testid=form-error]")).ToContainTextAsync("xem lời nhắn dưới ô được đánh dấu đỏ");
        await page.ShotAsync("producer-profile-field-error-desktop");
        await page.FillAsync("#tax", "");
        await page.ShotAsync("producer-profile-desktop");
        await page.ClickAsync("[data-testid=save-profile]");
        await Assertions.Expect(page.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã lưu thông tin cơ sở");
        await Assertions.Expect(page.FieldError("tax")).ToHaveCountAsync(0);

        await page.GotoAsync($"{Url}/producer/products/new");
        await page.WaitInteractiveAsync();
        await page.FillAsync("#product-name", "Khăn lụa tơ tằm");
        await page.FillAsync("#story", "Dệt tay từ tơ tằm nuôi tại xã, nhuộm màu từ lá cây.");
        var photos = PhotoFiles();
        foreach (var (view, path) in photos)
        {
            var slot = page.Locator($"[data-testid=photo-slot-{view.ToString().ToLowerInvariant()}]");
            await slot.Locator("input[type=file]").SetInputFilesAsync(path);
            await Assertions.Expect(slot.Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/jpeg;base64,"));
        }
        await page.ChooseAsync("doc-type", "Giấy chứng nhận đăng ký kinh doanh / HTX / hộ kinh doanh");
        await page.FillAsync("#doc-number", "28.099.2021");
        await page.Locator("[data-testid=document-upload] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "giay-dang-ky.pdf", MimeType = "application/pdf", Buffer = Demo.DemoSeeder.MinimalPdf("Giay dang ky HTX"),
        });
        await Assertions.Expect(page.Locator("[data-testid=document-list]")).ToContainTextAsync("giay-dang-ky.pdf");
        await page.ShotAsync("product-edit-desktop");
        await page.ClickAsync("[data-testid=save-product]");
        await Assertions.Expect(page.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã lưu sản phẩm");

        await page.GotoAsync($"{Url}/producer/products");
        var card = page.Locator("[data-testid=product-list] li", new() { HasTextString = "Khăn lụa tơ tằm" });
        await Assertions.Expect(card).ToContainTextAsync("3 ảnh");
        await Assertions.Expect(card).ToContainTextAsync("1 tài liệu");
        await Assertions.Expect(card.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 400);
        await page.ShotAsync("producer-products-desktop");

        // Staff of Hà Tĩnh see it; staff of Hưng Yên neither find it in their list nor open it by address.
        var productHref = await card.Locator("a").GetAttributeAsync("href");
        var productId = productHref!.Split('/').Last();
        var haTinh = await site.NewPageAsync();
        await haTinh.SignInAsync(Url, "tinh@demo.khuyencong.vn");
        await haTinh.GotoAsync($"{Url}/staff/products/{productId}");
        await haTinh.WaitInteractiveAsync();
        await Assertions.Expect(haTinh.Locator("[data-testid=product-sheet]")).ToContainTextAsync("giay-dang-ky.pdf");
        await Assertions.Expect(haTinh.Locator("[data-testid=product-sheet] figure")).ToHaveCountAsync(3);
        await haTinh.ShotAsync("staff-product-desktop");

        var hungYen = await site.NewPageAsync();
        await hungYen.SignInAsync(Url, "hungyen@demo.khuyencong.vn");
        await hungYen.GotoAsync($"{Url}/staff/products");
        await hungYen.WaitInteractiveAsync();
        await Assertions.Expect(hungYen.Locator("[data-testid=product-list]")).ToContainTextAsync("Lọ hoa gốm men rạn");
        await Assertions.Expect(hungYen.Locator("[data-testid=product-list]")).Not.ToContainTextAsync("Khăn lụa tơ tằm");
        await hungYen.GotoAsync($"{Url}/staff/products/{productId}");
        await Assertions.Expect(hungYen.Locator("[data-testid=access-denied]")).ToContainTextAsync("Không có quyền truy cập");
        var photoUrl = await haTinh.Locator("[data-testid=product-sheet] figure img").First.GetAttributeAsync("src");
        var photo = await hungYen.APIRequest.GetAsync($"{Url}/{photoUrl}");
        Assert.Equal(403, photo.Status);
    }

    [Fact]
    public async Task AJudgeOpeningTheStaffAreaGetsTheFriendly403Page()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, "giamkhao@demo.khuyencong.vn");
        Assert.EndsWith("/jury", page.Url);
        var response = await page.GotoAsync($"{Url}/staff");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=access-denied] h1")).ToHaveTextAsync("Không có quyền truy cập");
        await page.ShotAsync("access-denied-desktop");
        var phone = await site.NewPageAsync(phone: true);
        await phone.SignInAsync(Url, "giamkhao@demo.khuyencong.vn");
        await phone.GotoAsync($"{Url}/admin/users");
        await Assertions.Expect(phone.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await phone.ShotAsync("access-denied-phone");
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndBackAfterwards()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync($"{Url}/producer/products");
        Assert.Contains("/account/login", page.Url);
        await page.FillAsync("#email", "coso@demo.khuyencong.vn");
        await page.FillAsync("#password", Demo.DemoSeeder.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/producer/products");
        await page.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=product-list]")).ToContainTextAsync("Tượng gỗ Di Lặc");
    }

    [Fact]
    public async Task RefusedUploadsShowAClearVietnameseMessageAndKeepNothing()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, "coso@demo.khuyencong.vn");
        await page.GotoAsync($"{Url}/producer/products/new");
        await page.WaitInteractiveAsync();
        var before = Directory.GetFiles(site.App.MediaRoot, "*", SearchOption.AllDirectories).Length;
        var front = page.Locator("[data-testid=photo-slot-front]");

        await front.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "anh-that.jpg", MimeType = "image/jpeg", Buffer = Demo.DemoSeeder.MinimalPdf("khong phai anh"),
        });
        await Assertions.Expect(front.Locator("[data-testid=photo-error]")).ToContainTextAsync("không phải ảnh JPEG, PNG hoặc WebP");

        await front.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "logo.svg", MimeType = "image/svg+xml",
            Buffer = System.Text.Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        });
        await Assertions.Expect(front.Locator("[data-testid=photo-error]")).ToContainTextAsync("SVG/HTML");
        await page.ShotAsync("upload-refused-desktop");

        await page.Locator("[data-testid=document-upload] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "ho-so.pdf", MimeType = "application/pdf", Buffer = new byte[11 * 1024 * 1024],
        });
        await Assertions.Expect(page.Locator("[data-testid=document-error]")).ToContainTextAsync("quá lớn: tối đa 10 MB");

        // Particulars the domain refuses are refused before the file travels, under the box they concern.
        await page.FillAsync("#doc-issued", "10/05/2026");
        await page.Keyboard.PressAsync("Tab");
        await page.FillAsync("#doc-expires", "01/05/2026");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("[data-testid=document-upload] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "het-han.pdf", MimeType = "application/pdf", Buffer = Demo.DemoSeeder.MinimalPdf("het han"),
        });
        await Assertions.Expect(page.FieldError("doc-expires")).ToContainTextAsync("Ngày hết hạn");
        await Assertions.Expect(page.Locator("[data-testid=document-error]")).ToContainTextAsync("xem lời nhắn dưới ô được đánh dấu đỏ");
        await page.ShotAsync("document-field-error-desktop");

        Assert.Equal(before, Directory.GetFiles(site.App.MediaRoot, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccount()
    {
        var accounts = site.App.Get<AccountService>();
        var email = $"khoa-{Guid.NewGuid():N}@example.vn";
        Assert.True((await accounts.RegisterProducerAsync(email, "dung-mat-khau-1", "Người thử", path => Url + path)).Succeeded);
        var confirm = SmtpSink.LinkTo(await site.Mail.WaitForAsync(email, "Xác nhận"), "/account/confirm");
        var page = await site.NewPageAsync();
        await page.GotoAsync(confirm);
        for (var i = 0; i < 5; i++) await page.SignInAsync(Url, email, "saimatkhau9");
        await page.SignInAsync(Url, email, "dung-mat-khau-1");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("tạm khóa");
    }

    [Fact]
    public async Task TheHomePageReadsWellOnAPhoneAndSwitchesToEnglish()
    {
        var page = await site.NewPageAsync(phone: true);
        await page.GotoAsync(Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sản phẩm công nghiệp nông thôn tiêu biểu");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px phone");
        await page.ShotAsync("home-phone");
        await page.ClickAsync("a[hreflang=en]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Typical rural industrial products");
        var desktop = await site.NewPageAsync();
        await desktop.GotoAsync(Url);
        await desktop.ShotAsync("home-desktop");
        var health = await desktop.APIRequest.GetAsync($"{Url}/healthz");
        Assert.Equal(200, health.Status);
    }

    private static IReadOnlyList<(PhotoView View, string Path)> PhotoFiles()
    {
        var folder = Directory.CreateTempSubdirectory("kc-photos-").FullName;
        return [.. Product.RequiredViews.Select((view, i) =>
        {
            var path = System.IO.Path.Combine(folder, $"{view}.png");
            File.WriteAllBytes(path, DemoImage.Render(1200, 900, 42, i));
            return (view, path);
        })];
    }
}
