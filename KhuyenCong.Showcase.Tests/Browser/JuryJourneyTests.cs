using System.Security.Cryptography;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

[Collection(SiteCollection.Name)]
public sealed class JuryJourneyTests(SiteFixture site)
{
    private string Url => site.App.BaseUrl;

    // Hand-computed (market, economic, culture, other) per judge and entry; judge 2 declares a conflict on entry 3.
    private static readonly string[][][] Scores =
    [
        [["34", "32", "8", "8"], ["30", "30", "7", "7"], ["32", "30", "8,5", "7,5"]],       // E1: 82, 74, 78 → 78,00
        [["25", "25", "6", "6"], ["28", "27", "7", "6"], ["26", "24", "6,5", "6"]],         // E2: 62, 68, 62,5 → 64,17
        [["36", "35", "9", "9"], [], ["35", "36", "9", "8,5"]],                              // E3: 89, —, 88,5 → 88,75
        [["30", "28", "8", "7"], ["29", "29", "7", "7"], ["27", "27", "7", "7"]],           // E4: 73, 72, 68 → reopened: 70,5 → 71,83
        [["20", "22", "5", "5"], ["25", "26", "6", "6"], ["24", "23", "6", "5"]],           // E5: 52, 63, 58 → 57,67
    ];

    [Fact]
    public async Task ThreeJudgesScoreFiveEntriesWithTheKeyboardAndTheMinutesMatchTheHandComputedMeans()
    {
        var round = await JuryFixture.JudgingRoundAsync(site.App, entries: 5, judges: 3, minimumSheets: 2);

        for (var j = 0; j < 3; j++)
        {
            var page = await site.NewPageAsync();
            await page.SignInAsync(Url, round.Judges[j].Email, JuryFixture.JudgePassword);
            await page.WaitInteractiveAsync();
            await page.ClickAsync("[data-testid=declare-link]");
            await page.Locator("[data-testid=declarations]").WaitForAsync();
            if (j == 1) await page.CheckAsync($"[data-testid=conflict-{round.Entries[2].Code}]");
            await page.ClickAsync("[data-testid=declare-submit]");
            await Assertions.Expect(page.Locator("[data-testid=jury-entries]")).ToBeVisibleAsync();
            if (j == 0) await page.ShotAsync("jury-home-desktop");
            for (var e = 0; e < 5; e++)
            {
                if (Scores[e][j].Length == 0)
                {
                    // The conflicted entry is not given to this judge at all.
                    await page.GotoAsync($"{Url}/jury");
                    await Assertions.Expect(page.Locator("[data-testid=jury-entries]")).ToContainTextAsync(round.Entries[0].Code);
                    await Assertions.Expect(page.Locator("[data-testid=jury-entries]")).Not.ToContainTextAsync(round.Entries[e].Code);
                    continue;
                }
                await ScoreWithKeyboardAsync(page, round.Entries[e].Id, Scores[e][j], shot: j == 0 && e == 0);
            }
        }

        // The chair reopens judge 3's sheet on E4 with a reason; judge 3 corrects the market score and resubmits.
        var chair = await site.NewPageAsync();
        await chair.SignInAsync(Url, round.Judges[0].Email, JuryFixture.JudgePassword);
        await chair.GotoAsync($"{Url}/jury/rounds/{round.RoundId}/progress");
        await chair.WaitInteractiveAsync();
        await Assertions.Expect(chair.Locator("[data-testid=conflict-list]")).ToContainTextAsync(round.Entries[2].Code);
        await chair.ShotAsync("jury-progress-desktop");
        await chair.Locator($"[data-testid='cell-{round.Entries[3].Code}-Giám khảo 3'] button").ClickAsync();
        await chair.FillAsync("#reopen-reason", "Nhập nhầm điểm tiêu chí thị trường");
        await chair.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.SiteFixture.ScreenshotFolder, "reopen-dialog-desktop.png") });
        await chair.ClickAsync("[data-testid=reopen-confirm]");
        await Assertions.Expect(chair.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã mở lại phiếu");
        var third = await site.NewPageAsync();
        await third.SignInAsync(Url, round.Judges[2].Email, JuryFixture.JudgePassword);
        await ScoreWithKeyboardAsync(third, round.Entries[3].Id, ["29,5"], shot: false);

        // Every sheet as typed (judge order 1, 2, 3; null where judge 2 stood aside).
        var progress = await site.App.Get<PanelService>().ProgressAsync(round.Staff, round.RoundId);
        decimal?[][] expected = [[82, 74, 78], [62, 68, 62.5m], [89, null, 88.5m], [73, 72, 70.5m], [52, 63, 58]];
        for (var e = 0; e < 5; e++)
            Assert.Equal(expected[e], progress.Jury.Select(j => progress.Cells.Single(c => c.EntryId == round.Entries[e].Id && c.UserId == j.UserId).Total));

        // Results: the regulation's mean with two decimals; the conflicted judge's missing sheet does not count.
        var results = await site.App.Get<ResultsService>().ResultsAsync(round.Staff, round.RoundId);
        decimal Mean(int e) => Math.Round(results.Single(r => r.EntryId == round.Entries[e].Id).Result.Mean!.Value, 2);
        Assert.Equal([78.00m, 64.17m, 88.75m, 71.83m, 57.67m], Enumerable.Range(0, 5).Select(Mean));
        Assert.Equal(2, results.Single(r => r.EntryId == round.Entries[2].Id).Result.Sheets);
        // E3 88,75 > E1 78,00 > E4 71,83 > E2 64,17 > E5 57,67.
        Assert.Equal([2, 4, 1, 3, 5], Enumerable.Range(0, 5).Select(e => results.Single(r => r.EntryId == round.Entries[e].Id).Result.Rank!.Value));
        // Independence (Điều 16.2): the chair scores too, so while judging is open the minutes (with everyone's points) are refused.
        Assert.Equal(400, (await chair.APIRequest.GetAsync($"{Url}/rounds/{round.RoundId}/bien-ban.pdf")).Status);
        var rounds = site.App.Get<RoundService>();
        await site.App.Get<ResultsService>().ProposeResultsAsync(round.Staff, round.RoundId, (await rounds.FindAsync(round.Staff, round.RoundId))!.Version);

        // Once judging closes, the minutes carry the means and a fingerprint that matches the scores file.
        var pdf = await chair.APIRequest.GetAsync($"{Url}/rounds/{round.RoundId}/bien-ban.pdf");
        Assert.Equal(200, pdf.Status);
        var text = Tools.PdfText(await pdf.BodyAsync());
        foreach (var mean in new[] { "78,00", "64,17", "88,75", "71,83", "57,67" }) Assert.Contains(mean, text);
        Assert.Contains("Biên bản tổng hợp kết quả bình chọn".ToUpperInvariant(), text.ToUpperInvariant());
        var json = await (await chair.APIRequest.GetAsync($"{Url}/rounds/{round.RoundId}/diem-so.json")).BodyAsync();
        var fingerprint = Convert.ToHexString(SHA256.HashData(json)).ToLowerInvariant();
        Assert.Contains(fingerprint, text.Replace("\n", "").Replace(" ", ""));
        await chair.GotoAsync($"{Url}/jury/rounds/{round.RoundId}/fairness");
        await chair.WaitInteractiveAsync();
        await Assertions.Expect(chair.Locator("[data-testid=fairness-judges] tbody tr")).ToHaveCountAsync(3);
        await chair.ShotAsync("jury-fairness-desktop");

        // Someone outside the jury gets neither the minutes nor the fairness panel.
        var outsider = await site.NewPageAsync();
        await outsider.SignInAsync(Url, "giamkhao@demo.khuyencong.vn");
        Assert.NotEqual(200, (await outsider.APIRequest.GetAsync($"{Url}/rounds/{round.RoundId}/bien-ban.pdf")).Status);
    }

    [Fact]
    public async Task AJudgeInTwoTabsNeverSilentlyOverwritesAndAClosedTabLosesNothing()
    {
        var round = await JuryFixture.JudgingRoundAsync(site.App, entries: 1, judges: 1, minimumSheets: 1);
        var (entryId, _) = round.Entries[0];
        var first = await JudgeWithNoConflictsAsync(round.Judges[0].Email);

        var tabA = first;
        var tabB = await first.Context.NewPageAsync();
        foreach (var tab in new[] { tabA, tabB })
        {
            await tab.GotoAsync($"{Url}/jury/entries/{entryId}");
            await tab.WaitInteractiveAsync();
            await Assertions.Expect(tab.Locator("[data-testid=score-1]")).ToBeEnabledAsync();
        }
        await tabA.FocusAsync("[data-testid=score-1]");
        await tabA.Keyboard.TypeAsync("31");
        await Assertions.Expect(tabA.Locator("[data-testid=save-state]")).ToContainTextAsync("Đã lưu");
        // Tab B still holds the sheet as it was: its save must not overwrite tab A's score.
        await tabB.FocusAsync("[data-testid=score-2]");
        await tabB.Keyboard.TypeAsync("33");
        try
        {
            await Assertions.Expect(tabB.Locator("[data-testid=sheet-conflict]")).ToContainTextAsync("vừa được lưu ở nơi khác");
        }
        catch
        {
            await tabB.ShotAsync("failed-two-tabs");
            throw;
        }
        await Assertions.Expect(tabB.Locator("[data-testid=score-1]")).ToHaveValueAsync("31");
        await tabB.ShotAsync("sheet-two-tabs-desktop");
        await tabB.FocusAsync("[data-testid=score-2]");
        await tabB.Keyboard.PressAsync("Control+A");
        await tabB.Keyboard.TypeAsync("33");
        await Assertions.Expect(tabB.Locator("[data-testid=save-state]")).ToContainTextAsync("Đã lưu");

        // Typing, then the tab closes (the connection drops with it): what was typed is on the server.
        await tabB.FocusAsync("[data-testid=score-3]");
        await tabB.Keyboard.TypeAsync("9");
        await Assertions.Expect(tabB.Locator("[data-testid=save-state]")).ToContainTextAsync("Đã lưu");
        await tabB.CloseAsync();
        await tabA.CloseAsync();
        var again = await site.NewPageAsync(phone: true);
        await again.SignInAsync(Url, round.Judges[0].Email, JuryFixture.JudgePassword);
        await again.GotoAsync($"{Url}/jury/entries/{entryId}");
        await again.WaitInteractiveAsync();
        await Assertions.Expect(again.Locator("[data-testid=score-1]")).ToBeEnabledAsync();
        await Assertions.Expect(again.Locator("[data-testid=score-1]")).ToHaveValueAsync("31");
        await Assertions.Expect(again.Locator("[data-testid=score-2]")).ToHaveValueAsync("33");
        await Assertions.Expect(again.Locator("[data-testid=score-3]")).ToHaveValueAsync("9");
        await Assertions.Expect(again.Locator("[data-testid=sheet-total]")).ToContainTextAsync("73");
        await again.ShotAsync("sheet-phone");
    }

    /// <summary>Issue 7, finding 1, as the probe did it: a conflict declared in a second tab while the first has the sheet open.</summary>
    [Fact]
    public async Task AConflictDeclaredInASecondTabStopsTheOpenSheetFromSavingOrSubmitting()
    {
        var round = await JuryFixture.JudgingRoundAsync(site.App, entries: 1, judges: 1, minimumSheets: 1);
        var (entryId, code) = round.Entries[0];
        var tabA = await JudgeWithNoConflictsAsync(round.Judges[0].Email);
        await tabA.GotoAsync($"{Url}/jury/entries/{entryId}");
        await tabA.WaitInteractiveAsync();
        await Assertions.Expect(tabA.Locator("[data-testid=score-1]")).ToBeEnabledAsync();

        var tabB = await tabA.Context.NewPageAsync();
        await tabB.GotoAsync($"{Url}/jury/rounds/{round.RoundId}/declare");
        await tabB.WaitInteractiveAsync();
        await tabB.CheckAsync($"[data-testid=conflict-{code}]");
        await tabB.ClickAsync("[data-testid=declare-submit]");
        await Assertions.Expect(tabB).ToHaveURLAsync($"{Url}/jury");

        await tabA.FocusAsync("[data-testid=score-1]");
        await tabA.Keyboard.TypeAsync("40");
        await Assertions.Expect(tabA.Locator("[data-testid=form-error]")).ToContainTextAsync("xung đột lợi ích");
        await tabA.FocusAsync("[data-testid=sheet-submit]");
        await tabA.Keyboard.PressAsync("Enter");
        await tabA.ClickAsync("[data-testid=sheet-confirm]");
        await Assertions.Expect(tabA.Locator("[data-testid=sheet-closed]")).ToContainTextAsync("xung đột lợi ích");
        await Assertions.Expect(tabA.Locator("[data-testid=sheet-submitted]")).ToHaveCountAsync(0);
        await tabA.ShotAsync("sheet-conflict-refused-desktop");

        var cell = (await site.App.Get<PanelService>().ProgressAsync(round.Staff, round.RoundId)).Cells.Single();
        Assert.Equal((CellState.Conflict, 0m), (cell.State, cell.Total ?? 0m));
        Assert.Null(Assert.Single(await site.App.Get<ResultsService>().ResultsAsync(round.Staff, round.RoundId)).Result.Mean);
    }

    /// <summary>A judge signed in who has declared no conflict, on the jury's home page.</summary>
    private async Task<IPage> JudgeWithNoConflictsAsync(string email)
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, email, JuryFixture.JudgePassword);
        await page.ClickAsync("[data-testid=declare-link]");
        await page.Locator("[data-testid=declarations]").WaitForAsync();
        await page.ClickAsync("[data-testid=declare-submit]");
        await Assertions.Expect(page.Locator("[data-testid=jury-entries]")).ToBeVisibleAsync();
        return page;
    }

    private async Task ScoreWithKeyboardAsync(IPage page, Guid entryId, IReadOnlyList<string> values, bool shot)
    {
        await page.GotoAsync($"{Url}/jury/entries/{entryId}");
        await page.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=score-1]")).ToBeEnabledAsync();
        await page.FocusAsync("[data-testid=score-1]");
        foreach (var value in values)
        {
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(value);
            await page.Keyboard.PressAsync("Enter");
        }
        await Assertions.Expect(page.Locator("[data-testid=save-state]")).ToContainTextAsync("Đã lưu");
        if (shot) await page.ShotAsync("score-sheet-desktop");
        await page.FocusAsync("[data-testid=sheet-submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.FocusAsync("[data-testid=sheet-confirm]");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=sheet-submitted]")).ToBeVisibleAsync();
        }
        catch
        {
            await page.ShotAsync("failed-submit");
            throw;
        }
    }
}
