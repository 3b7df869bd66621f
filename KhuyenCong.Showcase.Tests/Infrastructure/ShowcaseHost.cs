using KhuyenCong.Showcase.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using KhuyenCong.Showcase.Common;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

public enum DbKind { Sqlite, Postgres, SqlServer }

/// <summary>
/// The real application's services (the same AddShowcase the site uses) on a fresh database of either kind, without
/// starting the web server: for service-level integration tests.
/// </summary>
public sealed class ShowcaseHost : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;

    private ShowcaseHost(WebApplication app, DirectoryInfo folder, string connectionString, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
        _folder = folder;
        ConnectionString = connectionString;
    }

    public WebApplication App { get; }

    /// <summary>
    /// The services' only clock: starts at the moment the host is made and moves a millisecond per reading (so events
    /// keep their order); tests move it with <c>Advance</c> or <c>SetUtcNow</c> to reach a deadline.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Today in Vietnam on the host's clock.</summary>
    public DateOnly Today => Clock.Today();

    /// <summary>Moves the clock to 09:00 (Vietnam) of a day.</summary>
    public void SetToday(DateOnly day) => Clock.SetUtcNow(VietnamTime.MorningOf(day));
    public IServiceProvider Services => App.Services;
    public string ConnectionString { get; }
    public string MediaRoot => Path.Combine(_folder.FullName, "media");

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<ShowcaseHost> CreateAsync(DbKind kind, PostgresServer? postgres = null, bool migrate = true, DateTimeOffset? start = null)
    {
        var folder = Directory.CreateTempSubdirectory("kc-host-");
        var connectionString = kind switch
        {
            DbKind.Sqlite => $"Data Source={Path.Combine(folder.FullName, "showcase.db")};Pooling=False",
            DbKind.Postgres => await (postgres ?? throw new ArgumentNullException(nameof(postgres))).CreateDatabaseAsync(),
            _ => SqlServerTarget.NewDatabase(),
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(Settings(kind, connectionString, folder.FullName));
        builder.Logging.ClearProviders();
        var clock = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddShowcase();
        var app = builder.Build();
        if (migrate) await DataSetup.MigrateAsync(app.Services);
        return new ShowcaseHost(app, folder, connectionString, clock);
    }

    public static Dictionary<string, string?> Settings(DbKind kind, string connectionString, string folder) => new()
    {
        ["Database:Provider"] = kind.ToString(),
        ["ConnectionStrings:Showcase"] = connectionString,
        ["Storage:Path"] = Path.Combine(folder, "media"),
        ["Showcase:DataFolder"] = folder,
        ["Showcase:SeedDemo"] = "false",
    };

    public IReadOnlyList<string> MediaFiles() =>
        Directory.Exists(MediaRoot) ? Directory.GetFiles(MediaRoot, "*", SearchOption.AllDirectories) : [];

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString.Contains("Initial Catalog=kc_test_", StringComparison.Ordinal))
        {
            await using var db = Showcase.Data.ShowcaseDatabase.Create(Showcase.Data.DatabaseProvider.SqlServer, ConnectionString);
            await db.Database.EnsureDeletedAsync();
        }
        await App.DisposeAsync();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle closing late must not fail the test; the OS cleans /tmp.
        }
    }
}
