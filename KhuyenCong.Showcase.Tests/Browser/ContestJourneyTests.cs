using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

[Collection(SiteCollection.Name)]
public sealed class ContestJourneyTests(SiteFixture site)
{
    private string Url => site.App.BaseUrl;
    private static readonly DateOnly Today = TimeProvider.System.Today();
    private static string D(DateOnly day) => day.ToString("dd/MM/yyyy");

    [Fact]
    public async Task ADossierIsReturnedCompletedAcceptedDecidedAndMovesUpWithTheSamePhotosAndDocuments()
    {
        const string producerEmail = "coso02@demo.khuyencong.vn";
        const string password = "coso2mau2026";
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var producerUser = (await users.FindByEmailAsync(producerEmail))!;
            if (!await users.HasPasswordAsync(producerUser)) Assert.True((await users.AddPasswordAsync(producerUser, password)).Succeeded);
        }
        var roundName = $"Bình chọn thử xã mẫu Thạch Hà {Guid.NewGuid().ToString("N")[..4]}";

        // The commune officer creates and opens the round.
        var staff = await site.NewPageAsync();
        await staff.SignInAsync(Url, "xa@demo.khuyencong.vn");
        await staff.FillNewCommuneRoundAsync(Url, roundName, "120/QĐ-UBND", D(Today.AddDays(-10)), Today);
        await staff.ShotAsync("round-new-desktop");
        await staff.ClickAsync("[data-testid=save-round]");
        await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/staff/rounds/[0-9a-f-]{36}$"));
        var roundId = Guid.Parse(staff.Url.Split('/').Last());
        await staff.WaitInteractiveAsync();
        await AdvanceAsync(staff, "Đang nhận đăng ký");

        // The producer enters a product, fills the forms and submits.
        var producer = await site.NewPageAsync();
        await producer.SignInAsync(Url, producerEmail, password);
        await producer.GotoAsync($"{Url}/producer/entries");
        await producer.WaitInteractiveAsync();
        var card = producer.Locator("[data-testid=open-round]", new() { HasTextString = roundName });
        await card.Locator("[data-testid=entry-product]").ClickAsync();
        await producer.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Đèn tre trang trí" }).ClickAsync();
        await card.Locator("[data-testid=start-entry]").ClickAsync();
        await Assertions.Expect(producer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/producer/entries/[0-9a-f-]{36}$"));
        var entryUrl = producer.Url;
        await producer.WaitInteractiveAsync();
        await Assertions.Expect(producer.Locator("[data-testid=missing]")).ToContainTextAsync("cam kết");
        await Assertions.Expect(producer.Locator("[data-testid=submit-entry]")).ToBeDisabledAsync();
        await producer.CheckAsync("[data-testid=declare-self-made]");
        await producer.CheckAsync("[data-testid=declare-mass]");
        await producer.CheckAsync("[data-testid=declare-standards]");
        await producer.FillAsync("[data-testid=highlights]", "Đèn tre đan tay, chụp đèn nhuộm màu tự nhiên.");
        await producer.ClickAsync("[data-testid=save-dossier]");
        await Assertions.Expect(producer.Locator("[data-testid=dossier-complete]")).ToBeVisibleAsync();
        await producer.ShotAsync("entry-producer-desktop");
        await producer.ClickAsync("[data-testid=submit-entry]");
        await Assertions.Expect(producer.Locator("[data-testid=entry-summary]")).ToContainTextAsync("Đã nộp, chờ thẩm định");

        // Staff find the food-safety certificate missing and return the dossier.
        await staff.GotoAsync($"{Url}/staff/review");
        await staff.WaitInteractiveAsync();
        await staff.Locator("[data-testid=queue] li", new() { HasTextString = "Đèn tre trang trí" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=dossier]")).ToContainTextAsync("Đèn tre trang trí");
        await staff.FillAsync("[data-testid=review-panel] [data-testid=return-reason]", "Bổ sung giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.");
        await staff.ClickAsync("[data-testid=return]");
        // Asked first, with the reason the facility will read.
        await Assertions.Expect(staff.Locator(".mud-dialog")).ToContainTextAsync("an toàn thực phẩm");
        await staff.ClickAsync("[data-testid=return-confirm]");
        await Assertions.Expect(staff.Locator("[data-testid=form-success]")).ToContainTextAsync("trả lại");

        // The producer sees why, adds the certificate to the product, and resubmits.
        await producer.GotoAsync(entryUrl);
        await producer.WaitInteractiveAsync();
        await Assertions.Expect(producer.Locator("[data-testid=return-reason]")).ToContainTextAsync("an toàn thực phẩm");
        await producer.GotoAsync($"{Url}/producer/products");
        await producer.WaitInteractiveAsync();
        await producer.Locator("[data-testid=product-list] li", new() { HasTextString = "Đèn tre trang trí" }).Locator("a").ClickAsync();
        await Assertions.Expect(producer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/producer/products/[0-9a-f-]{36}$"));
        await producer.WaitInteractiveAsync();
        await producer.ChooseAsync("doc-type", "Chứng nhận an toàn thực phẩm");
        await producer.FillAsync("#doc-number", "ATTP-2026-15");
        await producer.Locator("[data-testid=document-upload] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "chung-nhan-attp.pdf", MimeType = "application/pdf", Buffer = Demo.DemoSeeder.MinimalPdf("ATTP"),
        });
        await Assertions.Expect(producer.Locator("[data-testid=document-list]")).ToContainTextAsync("chung-nhan-attp.pdf");
        await producer.ClickAsync("[data-testid=save-product]");
        await Assertions.Expect(producer.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã lưu sản phẩm");
        await producer.GotoAsync(entryUrl);
        await producer.WaitInteractiveAsync();
        await Assertions.Expect(producer.Locator("[data-testid=submit-entry]")).ToContainTextAsync("Nộp lại");
        await producer.ClickAsync("[data-testid=submit-entry]");
        await Assertions.Expect(producer.Locator("[data-testid=entry-summary]")).ToContainTextAsync("Đã nộp, chờ thẩm định");

        // Staff accept it from the queue with the keyboard.
        await staff.GotoAsync($"{Url}/staff/review");
        await staff.WaitInteractiveAsync();
        var queueItem = staff.Locator("[data-testid=queue] li", new() { HasTextString = "Đèn tre trang trí" });
        await queueItem.ClickAsync();
        await staff.FocusAsync("[data-testid=queue]");
        await staff.Keyboard.PressAsync("a");
        await Assertions.Expect(staff.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã tiếp nhận");

        // Review closes, judging opens; three judges score through the services; results and the decision in the UI.
        await staff.GotoAsync($"{Url}/staff/rounds/{roundId}");
        await staff.WaitInteractiveAsync();
        await AdvanceAsync(staff, "Đang thẩm định hồ sơ");
        await AdvanceAsync(staff, "Đang chấm điểm");
        await ScoreAsync(roundId);
        await staff.ReloadAsync();
        await staff.WaitInteractiveAsync();
        await AdvanceAsync(staff, "Đã có kết quả, chờ quyết định");
        await staff.ClickAsync("[data-testid=tab-results]");
        await Assertions.Expect(staff.Locator("[data-testid=results-table]")).ToContainTextAsync("78,00");
        await staff.FillAsync("#recognition-number", "150/QĐ-UBND");
        await staff.FillAsync("#recognition-date", D(Today));
        await staff.Keyboard.PressAsync("Tab");
        await staff.FillAsync("#recognition-signer", "Chủ tịch UBND xã mẫu Thạch Hà");
        await staff.ClickAsync("[data-testid=issue-decision]");
        await staff.ClickAsync("[data-testid=decision-confirm]");
        await Assertions.Expect(staff.Locator("[data-testid=recognition-decision]")).ToContainTextAsync("150/QĐ-UBND");
        // The round needs every assigned juror's sheet (no number set): the decided entry had all three.
        await Assertions.Expect(staff.Locator("[data-testid=result-row]").First).ToContainTextAsync("3/3");
        await staff.ShotAsync("round-decided-desktop");

        // The producer is told in the app.
        await producer.GotoAsync($"{Url}/notifications");
        await Assertions.Expect(producer.Locator("[data-testid=inbox]")).ToContainTextAsync("“Đèn tre trang trí” đã được công nhận");

        // The province officer nominates it into the open province round, which shows the same photos and documents.
        var province = await site.NewPageAsync();
        await province.SignInAsync(Url, "tinh@demo.khuyencong.vn");
        var openProvince = (await site.App.Get<RoundService>().ListAsync(await site.ScopeOfAsync("tinh@demo.khuyencong.vn")))
            .First(r => r.Level == ContestLevel.Province && r.State == RoundState.OpenForRegistration);
        await province.GotoAsync($"{Url}/staff/rounds/{openProvince.Id}");
        await province.WaitInteractiveAsync();
        await province.ClickAsync("[data-testid=tab-nominations]");
        // The commune's proposal: its recognised product, its letter (Điều 10.2), signed on its behalf.
        var source = province.Locator("[data-testid=nomination-source]", new() { HasTextString = "Đèn tre trang trí" });
        var candidate = source.Locator("[data-testid=candidate-table] tr", new() { HasTextString = "Đèn tre trang trí" });
        await candidate.Locator("input[type=checkbox]").CheckAsync();
        await source.Locator("input[id$='-number']").FillAsync("61/UBND-KT");
        await source.Locator("input[id$='-signer']").FillAsync("Chủ tịch UBND xã Thạch Hà");
        await source.Locator("[data-testid=nominate]").ClickAsync();
        await Assertions.Expect(province.Locator("[data-testid=form-success]")).ToBeVisibleAsync();
        await province.ClickAsync("[data-testid=tab-entries]");
        await province.Locator("[data-testid=entry-table] a", new() { HasTextString = "Đèn tre trang trí" }).ClickAsync();
        await province.WaitInteractiveAsync();
        await Assertions.Expect(province.Locator("[data-testid=product-sheet] figure")).ToHaveCountAsync(3);
        await Assertions.Expect(province.Locator("[data-testid=product-sheet]")).ToContainTextAsync("chung-nhan-attp.pdf");
        await Assertions.Expect(province.Locator("[data-testid=dossier]")).ToContainTextAsync("150/QĐ-UBND");
        await province.ShotAsync("province-nominated-desktop");
        var local = await site.App.Get<EntryService>().ForRoundAsync(await site.ScopeOfAsync("xa@demo.khuyencong.vn"), roundId);
        var localView = await site.App.Get<EntryService>().GetAsync(await site.ScopeOfAsync("xa@demo.khuyencong.vn"), local.Single().Id);
        var nominatedId = Guid.Parse(province.Url.Split('/').Last());
        var nominatedView = await site.App.Get<EntryService>().GetAsync(await site.ScopeOfAsync("tinh@demo.khuyencong.vn"), nominatedId);
        Assert.Equal(localView!.Product.Product.Photos.Select(p => p.LargeKey).Order(), nominatedView!.Product.Product.Photos.Select(p => p.LargeKey).Order());
        Assert.Equal(localView.Product.Product.Documents.Select(d => d.BlobKey).Order(), nominatedView.Product.Product.Documents.Select(d => d.BlobKey).Order());
        var proposal = (await site.App.Get<NominationService>().ForRoundAsync(await site.ScopeOfAsync("tinh@demo.khuyencong.vn"), openProvince.Id))
            .Single(n => n.Letter.Number == "61/UBND-KT");
        var shortList = await province.APIRequest.GetAsync($"{Url}/nominations/{proposal.Id}/danh-sach-trich-ngang.pdf");
        Assert.Equal(200, shortList.Status);
        var text = Tools.PdfText(await shortList.BodyAsync());
        Assert.Contains("Đèn tre trang trí", text);
        Assert.Contains("61/UBND-KT", text);
    }

    [Fact]
    public async Task StaffDownloadTheEntriesAndTheRegionPackageOfADecidedProvinceRound()
    {
        var staff = await site.ScopeOfAsync("tinh@demo.khuyencong.vn");
        var decided = (await site.App.Get<RoundService>().ListAsync(staff)).Single(r => r.Code == "T42-2025");
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, "tinh@demo.khuyencong.vn");

        var xlsx = await page.APIRequest.GetAsync($"{Url}/rounds/{decided.Id}/entries.xlsx");
        Assert.Equal(200, xlsx.Status);
        var xlsxBytes = await xlsx.BodyAsync();
        Assert.Equal("PK"u8.ToArray(), xlsxBytes[..2]);
        var csv = await page.APIRequest.GetAsync($"{Url}/rounds/{decided.Id}/entries.csv");
        var csvBytes = await csv.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var csvText = System.Text.Encoding.UTF8.GetString(csvBytes);
        Assert.Contains("Được công nhận", csvText);
        Assert.Equal(11, csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);

        var zip = await page.APIRequest.GetAsync($"{Url}/rounds/{decided.Id}/ho-so-cap-khu-vuc.zip");
        Assert.Equal(200, zip.Status);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await zip.BodyAsync()));
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("tong-hop.json", names);
        Assert.Equal(decided.Recognised, names.Count(n => n.EndsWith("/01-phieu-dang-ky.pdf", StringComparison.Ordinal)));
        Assert.Equal(decided.Recognised * 3, names.Count(n => n.Contains("/anh-", StringComparison.Ordinal)));
        using var summary = new StreamReader(archive.GetEntry("tong-hop.json")!.Open());
        var json = System.Text.Json.JsonDocument.Parse(await summary.ReadToEndAsync());
        Assert.Equal("2410/QĐ-UBND", json.RootElement.GetProperty("decision").GetProperty("Number").GetString());
        Assert.Equal(decided.Recognised, json.RootElement.GetProperty("entries").GetArrayLength());

        // On a phone the round page and the review queue fit the screen.
        var phone = await site.NewPageAsync(phone: true);
        await phone.SignInAsync(Url, "tinh@demo.khuyencong.vn");
        foreach (var (path, name) in new[] { ($"staff/rounds/{decided.Id}", "round-phone"), ("staff/review", "review-phone") })
        {
            await phone.GotoAsync($"{Url}/{path}");
            await phone.WaitInteractiveAsync();
            await phone.Locator("h1").WaitForAsync();
            var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{path} is {width}px wide on a 390px phone");
            await phone.ShotAsync(name);
        }

        // Another province's officer gets none of it.
        var other = await site.NewPageAsync();
        await other.SignInAsync(Url, "hungyen@demo.khuyencong.vn");
        Assert.NotEqual(200, (await other.APIRequest.GetAsync($"{Url}/rounds/{decided.Id}/ho-so-cap-khu-vuc.zip")).Status);
        Assert.NotEqual(200, (await other.APIRequest.GetAsync($"{Url}/rounds/{decided.Id}/entries.xlsx")).Status);
    }

    /// <summary>Clicks the round's one valid transition, confirms it, and waits for the new state.</summary>
    private static async Task AdvanceAsync(IPage page, string state)
    {
        await page.ClickAsync("[data-testid=round-action]");
        await page.ClickAsync("[data-testid=round-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=round-summary]")).ToContainTextAsync(state);
    }


    private async Task ScoreAsync(Guid roundId)
    {
        var staff = await site.ScopeOfAsync("xa@demo.khuyencong.vn");
        var round = await site.App.Get<RoundService>().FindAsync(staff, roundId);
        var entry = (await site.App.Get<EntryService>().ForRoundAsync(staff, roundId)).Single(e => e.State == EntryState.Accepted);
        foreach (var email in new[] { "giamkhao@demo.khuyencong.vn", "giamkhao2@demo.khuyencong.vn", "giamkhao3@demo.khuyencong.vn" })
        {
            var judge = await site.ScopeOfAsync(email);
            await site.App.Get<PanelService>().AddMemberAsync(staff, roundId, judge.UserId, PanelBody.Jury, email.StartsWith("giamkhao@") ? PanelRole.Chair : PanelRole.Member);
            await site.App.Get<PanelService>().DeclareAsync(judge, roundId, new Dictionary<Guid, string?>());
            var sheet = await site.App.Get<ScoringService>().SheetAsync(judge, entry.Id);
            var version = sheet.Version;
            foreach (var (criterion, points) in round!.Criteria.OrderBy(c => c.Order).Zip(new decimal[] { 32, 30, 8, 8 }))
                version = await site.App.Get<ScoringService>().SetScoreAsync(judge, sheet.Id, version, criterion.Id, points);
            await site.App.Get<ScoringService>().SubmitAsync(judge, sheet.Id, version);
        }
    }
}
