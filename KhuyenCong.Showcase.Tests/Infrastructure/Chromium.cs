using Microsoft.Playwright;
using Xunit;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallHint =
        "Chromium is needed for the browser tests: apt-get install -y chromium fonts-noto-core (the README's test command does this).";

    // Debian's build rather than a Playwright download, because nothing but package registries is reachable.
    // --no-sandbox: the tests run as root, where Chromium's sandbox will not start.
    // --disable-dev-shm-usage: containers often give /dev/shm only 64 MB, and Chromium crashes when it fills.
    // --disable-gpu: there is none, and probing for one only adds noise to the log.
    // The rest stop background fetches and updates that would only wait on a network that is not there.
    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
    ];

    /// <summary>
    /// Launches headless Debian Chromium through Playwright. The caller disposes both:
    /// the browser first, then Playwright.
    /// </summary>
    /// <exception cref="InvalidOperationException">When /usr/bin/chromium is missing.</exception>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(InstallHint);
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                Headless = true,
                ExecutablePath = ExecutablePath,
                Args = Args,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A Vietnamese-locale context: desktop 1366x900, or with <paramref name="phone"/> a 390x844 touch phone.
    /// Call it with an argument (<c>NewContextAsync(phone: false)</c>): a bare <c>NewContextAsync()</c>
    /// binds to Playwright's own instance method, which has neither the locale nor the viewport.
    /// </summary>
    public static async Task<IBrowserContext> NewContextAsync(this IBrowser browser, bool phone = false)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var options = phone
            ? new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                DeviceScaleFactor = 2,
                IsMobile = true,
                HasTouch = true,
                Locale = "vi-VN",
            }
            : new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
                Locale = "vi-VN",
            };
        return await browser.NewContextAsync(options);
    }
}

