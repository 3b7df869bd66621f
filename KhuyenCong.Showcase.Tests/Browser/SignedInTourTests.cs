using Deque.AxeCore.Playwright;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

/// <summary>
/// Every interactive (signed-in) page of the app, read from its own endpoint list, opened in Chromium as every demo
/// role that may open it (the matrix's declared 200s), on a desktop and on a phone: axe-core finds no serious or
/// critical violation, and each is photographed to artifacts/screenshots/tour/ to be looked at.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    [Fact]
    public async Task EverySignedInPageHasNoSeriousAccessibilityViolationForEveryRole()
    {
        var pages = Routes(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                                && e.Metadata.GetMetadata<ExcludeFromInteractiveRoutingAttribute>() is null);
        Assert.True(pages.Count >= 25, $"only {pages.Count} interactive pages found: {string.Join(", ", pages)}");
        var folder = Path.Combine(SiteFixture.ScreenshotFolder, "tour");
        Directory.CreateDirectory(folder);

        var samples = await SamplesAsync();
        var failures = new List<string>();
        var visited = 0;
        foreach (var (role, email) in Accounts)
        {
            if (email is null) continue;
            var desktop = await site.NewPageAsync();
            var phone = await site.NewPageAsync(phone: true);
            await desktop.SignInAsync(site.App.BaseUrl, email);
            await phone.SignInAsync(site.App.BaseUrl, email);
            foreach (var pattern in pages)
            {
                if (!Declared.TryGetValue(pattern, out var declared) || declared.Codes.Split(' ')[(int)role].Split('/')[0] != "200") continue;
                var (ownId, _) = Ids(pattern, role, samples);
                if (Url(pattern, role, samples, ownId, own: true) is not { } url) continue;
                var name = $"{role.ToString().ToLowerInvariant()}{(pattern == "/" ? "-home" : pattern.Replace('/', '-').Replace("{", "").Replace("}", "").Replace(":guid", "").Replace(":int", ""))}";
                foreach (var (page, device) in new[] { (desktop, "desktop"), (phone, "phone") })
                {
                    var response = await page.GotoAsync(site.App.BaseUrl + url);
                    if (response?.Status != 200)
                    {
                        failures.Add($"{url} as {role} on {device}: HTTP {response?.Status}");
                        continue;
                    }
                    await page.WaitInteractiveAsync();
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    var axe = await page.RunAxe();
                    foreach (var violation in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
                        failures.Add($"{url} as {role} on {device}: {violation.Impact} {violation.Id} — {violation.Help} " +
                                     string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html)));
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{device}.png"), FullPage = true });
                    visited++;
                }
            }
            await desktop.Context.CloseAsync();
            await phone.Context.CloseAsync();
        }
        Assert.True(visited > 60, $"only {visited} page visits");
        Assert.True(failures.Count == 0, $"{failures.Count} problems over {visited} visits:\n" + string.Join("\n", failures));
    }
}
