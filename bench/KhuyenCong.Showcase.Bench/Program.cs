// Judging benchmark (issue 4): prints numbers, asserts nothing. Run with bench/run.sh --judging (Release build);
// bench/run.sh --circuits measures only the memory per interactive circuit (CircuitMemory.cs).
using System.Diagnostics;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Demo;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Hosting;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Producers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

const int Entries = 2000, Judges = 9, Criteria = 12, Typists = 50, Keystrokes = 40;
var folder = Directory.CreateTempSubdirectory("kc-bench-").FullName;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", WebRootPath = ShowcasePaths.FindWebRoot() });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Showcase:DataFolder"] = folder, ["Showcase:SeedDemo"] = "false", ["Logging:LogLevel:Default"] = "Warning",
    ["ConnectionStrings:Showcase"] = Environment.GetEnvironmentVariable("BENCH_POSTGRES") ?? $"Data Source={Path.Combine(folder, "bench.db")}",
    ["Database:Provider"] = Environment.GetEnvironmentVariable("BENCH_POSTGRES") is null ? "Sqlite" : "Postgres",
});
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.AddShowcase();
var app = builder.Build();
app.MapShowcase();
await DataSetup.MigrateAsync(app.Services);
if (args.Contains("--circuits"))
{
    await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
    await app.StartAsync();
    await CircuitMemory.RunAsync(app.Urls.First(), DemoSeeder.Password);
    await app.StopAsync();
    return 0;
}
// 0. One 12-megapixel phone photo through the server's image pipeline (issue 8): identify, decode, orient, strip,
//    two sizes in JPEG and WebP. Time (median of 5) and memory: bytes allocated, and how far the process's peak rose.
{
    var media = app.Services.GetRequiredService<KhuyenCong.Showcase.Media.MediaService>();
    var phone = PhonePhoto(4032, 3024);
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    // The peak so far is start-up's; the first photo (also the warm-up) shows how far one photo lifts it.
    var rssBefore = Math.Max(self.WorkingSet64, self.PeakWorkingSet64);
    await media.StorePhotoAsync("warm-up.jpg", new MemoryStream(phone));
    var times = new List<double>();
    long allocated = 0;
    for (var i = 0; i < 5; i++)
    {
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await media.StorePhotoAsync($"phone-{i}.jpg", new MemoryStream(phone));
        times.Add(watch.Elapsed.TotalMilliseconds);
        allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
    }
    self.Refresh();
    times.Sort();
    Console.WriteLine($"photo 4032×3024 ({phone.Length / 1024 / 1024.0:0.0} MB JPEG) → 1600 + 400 px, JPEG + WebP, median of 5: {times[2]:0} ms; " +
        $"{allocated / 1024 / 1024} MB managed allocated; peak RSS {self.PeakWorkingSet64 / 1024 / 1024} MB, {(self.PeakWorkingSet64 - rssBefore) / 1024 / 1024} MB above the peak before the first photo");
}

await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
var factory = app.Services.GetRequiredService<IDbContextFactory<ShowcaseDb>>();
var accounts = app.Services.GetRequiredService<AccountService>();
var rounds = app.Services.GetRequiredService<RoundService>();
var judging = app.Services.GetRequiredService<ResultsService>();
var scoring = app.Services.GetRequiredService<ScoringService>();
var staffId = (await FindUser("tinh@demo.khuyencong.vn"))!;
var staff = await accounts.ScopeForAsync(staffId);
var haTinh = (await app.Services.GetRequiredService<GeographyService>().DirectoryAsync()).ProvincesOn(TimeProvider.System.Today()).Single(p => p.Code == "42");
var commune = (await app.Services.GetRequiredService<GeographyService>().DirectoryAsync()).All.First(u => u.Code == "M4201");

Console.WriteLine($"Judging benchmark — {(Environment.GetEnvironmentVariable("BENCH_POSTGRES") is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores");
var criteria = Enumerable.Range(1, 4).Select(i => new CriterionTemplate(CriterionGroup.Market, $"1.{i}", $"Thị trường {i}", 10))
    .Concat(Enumerable.Range(1, 4).Select(i => new CriterionTemplate(CriterionGroup.EconomicTechnical, $"2.{i}", $"Kinh tế {i}", 10)))
    .Concat(Enumerable.Range(1, 2).Select(i => new CriterionTemplate(CriterionGroup.CultureAesthetics, $"3.{i}", $"Văn hóa {i}", 5)))
    .Concat(Enumerable.Range(1, 2).Select(i => new CriterionTemplate(CriterionGroup.Other, $"4.{i}", $"Khác {i}", 5))).ToList();

// 1. A big round written straight through EF (the services would take minutes to type 216 000 scores).
var seed = Stopwatch.StartNew();
var bigRound = await SeedBigRoundAsync();
Console.WriteLine($"seeded {Entries} entries × {Judges} judges × {Criteria} criteria ({Entries * Judges} sheets) in {seed.Elapsed.TotalSeconds:0.0} s");

// 2. Results and the fairness panel, from the database (median of 5).
var results = Median(5, () => judging.ResultsAsync(staff, bigRound));
var fairness = Median(5, () => judging.FairnessAsync(staff, bigRound));
Console.WriteLine($"results (load + mean + rank), median of 5: {await results:0} ms   [target < 200 ms]");
Console.WriteLine($"fairness panel (load + z-scores + agreement), median of 5: {await fairness:0} ms   [target < 200 ms]");
var totals = (await judging.ResultsAsync(staff, bigRound)).Count;

// 3. The results tab rendered in Chromium, from the click to the last row on screen.
await app.StartAsync();
var url = app.Urls.First();
using (var playwright = await Playwright.CreateAsync())
{
    await using var browser = await BenchBrowser.LaunchAsync(playwright);
    var page = await (await BenchBrowser.SignInAsync(browser, url, "tinh@demo.khuyencong.vn", DemoSeeder.Password)).NewPageAsync();
    page.SetDefaultTimeout(60_000);
    var renders = new List<double>();
    for (var i = 0; i < 3; i++)
    {
        await page.GotoAsync($"{url}/staff/rounds/{bigRound}");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var clock = Stopwatch.StartNew();
        await page.ClickAsync("[data-testid=tab-results]");
        await page.Locator("[data-testid=results-table] tbody tr").Nth(totals - 1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        renders.Add(clock.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"results tab with {totals} rows, click to last row, median of 3: {renders.Order().ElementAt(1):0} ms   [target < 2000 ms]");

    // 3b. Lists on MudDataGrid with server paging (issue 10): the round's 2 000 dossiers and 5 000 products, from the
    //     address typed to the first page's rows on screen, and a click on the pager to the next page's rows.
    var extra = 5000 - await ProductCountAsync();
    await SeedProductsAsync(extra);
    var lists = new (string Label, string Path, string Grid)[]
    {
        ($"round entries ({Entries} dossiers)", $"staff/rounds/{bigRound}", "entry-table"),
        ($"staff products ({await ProductCountAsync()})", "staff/products", "product-list"),
        ("staff producers", "staff/producers", "producer-grid"),
    };
    foreach (var (label, path, grid) in lists)
    {
        var firstPage = new List<double>();
        var nextPage = new List<double>();
        var server = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            // The server's share: the whole prerendered HTML over HTTP with the same cookie, no browser.
            var http = Stopwatch.StartNew();
            var response = await page.APIRequest.GetAsync($"{url}/{path}");
            await response.BodyAsync();
            server.Add(http.Elapsed.TotalMilliseconds);
            var clock = Stopwatch.StartNew();
            // From the address to the rows in the DOM: not to the load event, which waits for every script and style
            // (rows in the first HTML are on screen before that).
            await page.GotoAsync($"{url}/{path}", new() { WaitUntil = WaitUntilState.Commit });
            // The grid renders a page's rows in one batch: the first row on screen is the page on screen.
            var rows = page.Locator($"[data-testid={grid}] tbody tr.mud-table-row");
            await rows.First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            firstPage.Add(clock.Elapsed.TotalMilliseconds);
            await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var next = page.Locator($"[data-testid={grid}] .mud-table-pagination-actions button").Nth(2);
            if (!await next.IsEnabledAsync()) continue;
            var before = await rows.First.InnerTextAsync();
            clock.Restart();
            await next.ClickAsync();
            await page.WaitForFunctionAsync("([selector, before]) => { const r = document.querySelector(selector); return r && r.innerText !== before; }",
                new object[] { $"[data-testid={grid}] tbody tr.mud-table-row", before });
            nextPage.Add(clock.Elapsed.TotalMilliseconds);
        }
        // The same first page from a new tab (no page to leave first), and from a link inside the app (Blazor's router
        // renders the page in the open circuit: no new document, the grid's first ServerData call).
        var freshTab = new List<double>();
        var inApp = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var tab = await page.Context.NewPageAsync();
            var clock = Stopwatch.StartNew();
            await tab.GotoAsync($"{url}/{path}", new() { WaitUntil = WaitUntilState.Commit });
            await tab.Locator($"[data-testid={grid}] tbody tr.mud-table-row").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            freshTab.Add(clock.Elapsed.TotalMilliseconds);
            await tab.CloseAsync(new() { RunBeforeUnload = true });

            await page.GotoAsync($"{url}/staff");
            await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            clock.Restart();
            await page.EvaluateAsync("path => Blazor.navigateTo(path)", "/" + path);
            await page.Locator($"[data-testid={grid}] tbody tr.mud-table-row").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            inApp.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"{label}: first page on screen, median of 5: address in the same tab {firstPage.Order().ElementAt(2):0} ms, " +
            $"in a new tab {freshTab.Order().ElementAt(2):0} ms, by a link in the app {inApp.Order().ElementAt(2):0} ms " +
            $"(the server's HTML alone {server.Order().ElementAt(2):0} ms); " +
            $"next page: {(nextPage.Count > 0 ? $"{nextPage.Order().ElementAt(nextPage.Count / 2):0} ms" : "one page only")}   [target < 300 ms]");
    }
}

// 4. 50 judges typing at once: each keystroke saves one criterion score. Flat out (every judge's next save starts
//    when the last returns: the database's write throughput) and at a fast typist's pace (a key every 250 ms).
var typing = await SeedTypingRoundAsync();
foreach (var (label, pause) in new[] { ("flat out", TimeSpan.Zero), ("a key every 250 ms", TimeSpan.FromMilliseconds(250)) })
{
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(typing.Select(judge => Task.Run(async () =>
    {
        var sheet = await scoring.SheetAsync(judge.Scope, judge.Entry);
        var version = sheet.Version;
        var random = new Random(judge.Scope.UserId.GetHashCode());
        await Task.Delay(random.Next(0, (int)pause.TotalMilliseconds + 1));
        for (var k = 0; k < Keystrokes; k++)
        {
            var clock = Stopwatch.StartNew();
            version = await scoring.SetScoreAsync(judge.Scope, sheet.Id, version, judge.Criteria[k % judge.Criteria.Count], random.Next(0, 11) / 2m);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (pause > TimeSpan.Zero) await Task.Delay(pause);
        }
    })));
    var sorted = latencies.Order().ToArray();
    double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine($"{Typists} judges × {Keystrokes} saves, {label}: {sorted.Length} saves in {wall.Elapsed.TotalSeconds:0.0} s; " +
        $"p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms   [target p95 < 50 ms]");
}

await app.StopAsync();
Directory.Delete(folder, recursive: true);
return 0;

async Task<string?> FindUser(string email)
{
    await using var scope = app.Services.CreateAsyncScope();
    return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))?.Id;
}

static async Task<double> Median(int runs, Func<Task> work)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        await work();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    return times.Order().ElementAt(runs / 2);
}

RoundDetails Details(string name, int minimumSheets) => new(ContestLevel.Province, haTinh.Id, 2030, name, "Sở Công Thương",
    new DecisionRef("1/QĐ", new DateOnly(2026, 1, 1), "Chủ tịch"),
    new RoundSchedule(TimeProvider.System.Today().AddDays(-1), TimeProvider.System.Today().AddDays(10), TimeProvider.System.Today().AddDays(11),
        TimeProvider.System.Today().AddDays(12), TimeProvider.System.Today().AddDays(13), TimeProvider.System.Today().AddDays(14)),
    70, null, false, minimumSheets);

async Task<Guid> SeedBigRoundAsync()
{
    var now = DateTimeOffset.UtcNow;
    var actor = new Actor(staff.UserId, staff.UserName);
    var round = Round.Create(Details("Kỳ đo hiệu năng", 3), "42", criteria, now);
    round.Open();
    var producer = Producer.Create(new ProducerDetails(LegalForm.Cooperative, "HTX đo hiệu năng", "BENCH-1", null, null, "Thôn 1", "Người đo", null,
        "0912000000", null, null, null, null), await LoadUnit(commune.Id), now);
    var entries = new List<Entry>();
    var products = new List<Product>();
    var dossiers = new List<DossierVersion>();
    for (var e = 0; e < Entries; e++)
    {
        var product = Product.Create(producer.Id, new ProductDetails($"Sản phẩm đo {e + 1}", (ProductGroup)(1 + e % 4), "Mô tả", null, null, null, null, null, null), now);
        var entry = Entry.Start(round, product.Id, producer.Id, actor, now);
        var dossier = DossierVersion.Freeze(entry, product, producer, now);
        entry.Submit([], dossier, actor, now);
        entry.Accept(round, actor, now);
        products.Add(product);
        entries.Add(entry);
        dossiers.Add(dossier);
    }
    round.StartReview();
    round.StartJudging(0, Entries, now);
    await using (var db = await factory.CreateDbContextAsync())
    {
        db.Add(round);
        db.Add(producer);
        for (var j = 0; j < Judges; j++)
            db.Add(new PanelMember(round.Id, $"bench-judge-{j}", $"Giám khảo {j + 1}", "Chuyên gia", PanelBody.Jury, j == 0 ? PanelRole.Chair : PanelRole.Member));
        await db.SaveChangesAsync();
    }
    await SaveInBatches(products.Cast<object>().Concat(entries).Concat(dossiers));
    var random = new Random(42);
    var sheets = new List<object>();
    foreach (var entry in entries)
    {
        var quality = 0.55m + random.Next(0, 40) / 100m;
        for (var j = 0; j < Judges; j++)
        {
            var sheet = ScoreSheet.Start(round.Id, entry.Id, $"bench-judge-{j}", now);
            foreach (var c in round.Criteria)
                sheet.SetScore(c, Math.Clamp(Math.Round(c.MaxPoints * (quality + (j - 4) * 0.02m + random.Next(-5, 6) / 100m) * 2) / 2, 0, c.MaxPoints), now);
            sheet.Submit(round.Criteria, now);
            sheets.Add(sheet);
        }
    }
    await SaveInBatches(sheets);
    return round.Id;
}

async Task<int> ProductCountAsync()
{
    await using var db = await factory.CreateDbContextAsync();
    return await db.Set<Product>().CountAsync();
}

async Task SeedProductsAsync(int count)
{
    if (count <= 0) return;
    var now = DateTimeOffset.UtcNow;
    var unit = await LoadUnit(commune.Id);
    var facilities = Enumerable.Range(1, 50).Select(i => Producer.Create(new ProducerDetails(LegalForm.HouseholdBusiness, $"Cơ sở đo danh sách {i}", $"BENCH-L{i}",
        null, null, "Thôn 2", "Người đo", null, "0912000001", null, null, null, null), unit, now)).ToList();
    var items = Enumerable.Range(0, count).Select(i => Product.Create(facilities[i % facilities.Count].Id,
        new ProductDetails($"Sản phẩm danh sách {i + 1}", (ProductGroup)(1 + i % 4), "Mô tả", null, null, null, null, null, null), now));
    await SaveInBatches(facilities.Cast<object>().Concat(items));
}

async Task SaveInBatches(IEnumerable<object> rows)
{
    foreach (var batch in rows.Chunk(1000))
    {
        await using var db = await factory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(batch);
        await db.SaveChangesAsync();
    }
}

async Task<AdministrativeUnit> LoadUnit(Guid id)
{
    await using var db = await factory.CreateDbContextAsync();
    return await db.Set<AdministrativeUnit>().AsNoTracking().FirstAsync(u => u.Id == id);
}

/// <summary>A round in judging with one entry and 50 declared jurors, each a real account.</summary>
async Task<List<(UserScope Scope, Guid Entry, IReadOnlyList<Guid> Criteria)>> SeedTypingRoundAsync()
{
    var now = DateTimeOffset.UtcNow;
    var actor = new Actor(staff.UserId, staff.UserName);
    var round = Round.Create(Details("Kỳ đo gõ điểm", 1), "42", criteria, now);
    round.Open();
    var producer = Producer.Create(new ProducerDetails(LegalForm.Cooperative, "HTX gõ điểm", "BENCH-2", null, null, "Thôn 2", "Người đo", null,
        "0912000001", null, null, null, null), await LoadUnit(commune.Id), now);
    var product = Product.Create(producer.Id, new ProductDetails("Sản phẩm gõ điểm", ProductGroup.Handicraft, "Mô tả", null, null, null, null, null, null), now);
    var entry = Entry.Start(round, product.Id, producer.Id, actor, now);
    var dossier = DossierVersion.Freeze(entry, product, producer, now);
    entry.Submit([], dossier, actor, now);
    entry.Accept(round, actor, now);
    round.StartReview();
    round.StartJudging(0, 1, now);
    var judges = new List<(UserScope, Guid, IReadOnlyList<Guid>)>();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var db = await factory.CreateDbContextAsync();
        db.AddRange(round, producer, product, entry, dossier);
        for (var j = 0; j < Typists; j++)
        {
            var user = new AppUser { UserName = $"typist{j}@bench.vn", Email = $"typist{j}@bench.vn", FullName = $"Giám khảo gõ {j}", CreatedAt = now };
            await users.CreateAsync(user);
            var member = new PanelMember(round.Id, user.Id, user.FullName, null, PanelBody.Jury, j == 0 ? PanelRole.Chair : PanelRole.Member);
            member.MarkDeclared(now);
            db.Add(member);
            // What DeclareAsync records for an entry without a conflict: every save checks it is there.
            db.Add(new ConflictDeclaration(round.Id, entry.Id, user.Id, false, false, null, now));
            judges.Add((new UserScope(user.Id, user.FullName, new HashSet<string> { Roles.Judge }, null, null), entry.Id, round.Criteria.Select(c => c.Id).ToList()));
        }
        await db.SaveChangesAsync();
    }
    return judges;
}

/// <summary>A phone-like photo: smooth light across the frame with fine grain, so the JPEG is of a camera's size.</summary>
static byte[] PhonePhoto(int width, int height)
{
    using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(width, height);
    var random = new Random(12);
    image.ProcessPixelRows(rows =>
    {
        for (var y = 0; y < rows.Height; y++)
        {
            var row = rows.GetRowSpan(y);
            for (var x = 0; x < row.Length; x++)
            {
                var grain = random.Next(-12, 12);
                row[x] = new SixLabors.ImageSharp.PixelFormats.Rgb24((byte)Math.Clamp(x * 255 / width + grain, 0, 255),
                    (byte)Math.Clamp(y * 255 / height + grain, 0, 255), (byte)Math.Clamp(140 + grain, 0, 255));
            }
        }
    });
    using var output = new MemoryStream();
    SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, output, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 92 });
    return output.ToArray();
}
