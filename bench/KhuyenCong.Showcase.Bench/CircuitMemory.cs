// Memory per interactive circuit (issue 10): 20 real Chromium pages on one signed-in page each, the server's managed
// heap after a full collection with one circuit open and with twenty, and again once they are closed (median of 3 runs). Prints numbers,
// asserts nothing. It drives the app only through the browser (sign-in form, links), so this file and BenchBrowser.cs run against
// an older commit for a "before" number: bench/run.sh --circuits.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

static class CircuitMemory
{
    const int Pages = 20;

    public static async Task RunAsync(string url, string password)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        Console.WriteLine($"Memory per interactive circuit — {Pages} Chromium pages each, managed heap after a full collection");
        var staff = await BenchBrowser.SignInAsync(browser, url, "tinh@demo.khuyencong.vn", password, "vi-VN");
        var round = await FirstRoundAsync(staff, url);
        var producer = await BenchBrowser.SignInAsync(browser, url, "coso@demo.khuyencong.vn", password, "vi-VN");
        var judge = await BenchBrowser.SignInAsync(browser, url, "giamkhao@demo.khuyencong.vn", password, "vi-VN");
        foreach (var (context, path) in new[] { (staff, "/staff/products"), (staff, round), (producer, "/producer"), (judge, "/jury") })
            if (Environment.GetEnvironmentVariable("BENCH_ONLY") is not { Length: > 0 } only || path.Contains(only))
                await MeasureAsync(context, url + path, path);
    }

    const int Runs = 3;

    /// <summary>Three runs of: one page open (the heap measured), nineteen more (measured again), all closed (until the
    /// heap is back where it started: the circuits were disposed, nothing leaked). The median run is printed.</summary>
    static async Task MeasureAsync(IBrowserContext context, string address, string label)
    {
        var runs = new List<(double PerCircuit, long One, long Twenty, long Closed, long Rss)>();
        for (var run = 0; run < Runs; run++)
        {
            var before = Managed();
            var open = new List<IPage>();
            // The first page pays for what every later circuit shares (compiled components, caches, MudBlazor's statics).
            open.Add(await OpenAsync(context, address));
            var one = Managed();
            var rssOne = Rss();
            if (run == 0) await DumpAsync(label, 1);
            for (var i = 1; i < Pages; i++) open.Add(await OpenAsync(context, address));
            var twenty = Managed();
            var rssTwenty = Rss();
            if (run == 0) await DumpAsync(label, Pages);
            foreach (var page in open) await page.CloseAsync(new() { RunBeforeUnload = true });
            // Closing a page sends Blazor's disconnect beacon; the server disposes the circuit a moment later.
            var closed = Managed();
            for (var wait = 0; wait < 20 && closed > before + 512 * 1024; wait++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                closed = Managed();
            }
            runs.Add(((twenty - one) / (double)(Pages - 1), one, twenty, closed, rssTwenty - rssOne));
        }
        var all = string.Join(", ", runs.Select(r => $"{r.PerCircuit / 1024:0}"));
        var (perCircuit, oneMedian, twentyMedian, closedMedian, rss) = runs.OrderBy(r => r.PerCircuit).ElementAt(Runs / 2);
        Console.WriteLine($"{label}: managed heap with 1 circuit {oneMedian / 1024.0 / 1024:0.0} MB, with {Pages} {twentyMedian / 1024.0 / 1024:0.0} MB → " +
            $"{perCircuit / 1024:0} KB per circuit beyond the first (median of {Runs} runs: {all}) [target ≤ 300 KB]; " +
            $"RSS +{rss / 1024.0 / 1024:0.0} MB; after closing all {closedMedian / 1024.0 / 1024:0.0} MB");
    }

    static async Task<IPage> OpenAsync(IBrowserContext context, string address)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(address);
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // Let the interactive first render's own loads (the grid's ServerData, counts) finish.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Task.Delay(300);
        return page;
    }

    static async Task<string> FirstRoundAsync(IBrowserContext staff, string url)
    {
        var page = await staff.NewPageAsync();
        await page.GotoAsync($"{url}/staff/rounds");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var links = await page.Locator("a[href*='staff/rounds/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        await page.CloseAsync();
        var id = links.Select(h => Regex.Match(h, "staff/rounds/([0-9a-f-]{36})$")).First(m => m.Success).Groups[1].Value;
        return $"/staff/rounds/{id}";
    }

    /// <summary>With BENCH_GCDUMP=folder, a heap snapshot at one circuit and at twenty in the first run (dotnet-gcdump on the
    /// PATH; its report of a big heap is sampled). With BENCH_FULLDUMP=1 as well, a full heap dump by dotnet-dump instead:
    /// <c>dotnet-dump analyze x.dmp -c "dumpheap -stat"</c> of the two gives each type's exact count and bytes, the way
    /// docs/benchmarks.md found what each circuit keeps. BENCH_ONLY=products measures one of the four pages.</summary>
    static async Task DumpAsync(string label, int circuits)
    {
        if (Environment.GetEnvironmentVariable("BENCH_GCDUMP") is not { Length: > 0 } folder) return;
        var name = Regex.Replace(label, "[^a-z0-9]+", "-").Trim('-');
        var pid = Environment.ProcessId.ToString();
        using var dump = Environment.GetEnvironmentVariable("BENCH_FULLDUMP") is "1"
            ? Process.Start("dotnet-dump", ["collect", "--type", "Heap", "-p", pid, "-o", Path.Combine(folder, $"{name}-{circuits}.dmp")])
            : Process.Start("dotnet-gcdump", ["collect", "-p", pid, "-o", Path.Combine(folder, $"{name}-{circuits}.gcdump")]);
        if (dump is not null) await dump.WaitForExitAsync();
    }

    static long Managed()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    static long Rss()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
