using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

/// <summary>The whole site on Kestrel at a free loopback port, on its embedded defaults (SQLite file, media folder), with demo data.</summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kc-app-");

    public AppServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = "";

    /// <summary>The SMTP server the site sends its mail through; set before <see cref="Start"/>.</summary>
    public SmtpSink? Mail { get; set; }
    public string MediaRoot => Path.Combine(_folder.FullName, "media");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = ShowcaseHost.Settings(DbKind.Sqlite, $"Data Source={Path.Combine(_folder.FullName, "showcase.db")}", _folder.FullName);
        settings["Showcase:SeedDemo"] = "true";
        settings["Logging:LogLevel:Default"] = "Warning";
        if (Mail is not null)
        {
            settings["Mail:SmtpHost"] = "127.0.0.1";
            settings["Mail:SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Mail:Security"] = "None";
        }
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One site and one browser for all browser tests; each test opens its own browser context.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The scope the services see for a demo (or test) account, by its e-mail.</summary>
    public async Task<Accounts.UserScope> ScopeOfAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Accounts.AppUser>>().FindByEmailAsync(email);
        return await App.Get<Accounts.AccountService>().ScopeForAsync(user!.Id);
    }

    public AppServer App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln"))) dir = dir.Parent;
            var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await Chromium.LaunchAsync();
        App.Mail = await SmtpSink.StartAsync();
        await Task.Run(App.Start);
    }

    public SmtpSink Mail => App.Mail!;

    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(phone);
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        if (App.Mail is not null) await App.Mail.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
