using System.Diagnostics;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Hosting;

/// <summary>The operator's verbs, run as the operator runs them: the built executable in its own process.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kc-cli-");

    private static string AppDll
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln"))) dir = dir.Parent;
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(dir!.FullName, "KhuyenCong.Showcase", "bin", configuration, "net10.0", "KhuyenCong.Showcase.dll");
        }
    }

    private ProcessStartInfo Start(string environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Showcase__DataFolder"] = _folder.FullName;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(Start("Production", args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task MigrateShouldCreateTheDatabaseAndLoadTheProvincesOnce()
    {
        var first = await RunAsync("migrate");
        Assert.Equal(0, first.Code);
        Assert.Matches(@"migrate: [1-9]\d* migration\(s\) applied, 87 reference unit\(s\) created", first.Output);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "showcase.db")));

        var second = await RunAsync("migrate");
        Assert.Contains("0 migration(s) applied, 0 reference unit(s) created", second.Output);
    }

    [Fact]
    public async Task ImportUnitsShouldImportAGoodFileAndRefuseABadOneWithLineNumbers()
    {
        var good = Path.Combine(_folder.FullName, "good.csv");
        await File.WriteAllTextAsync(good, "code,name,type,parent_code,valid_from,valid_to,successor_code\n42901,Xã thử,Xã,42,2025-07-01,,\n");
        var bad = Path.Combine(_folder.FullName, "bad.csv");
        await File.WriteAllTextAsync(bad, "code,name,type,parent_code,valid_from,valid_to,successor_code\n42902,Xã thử,Làng,42,2025-07-01,,\n");

        var imported = await RunAsync("import-units", good);
        Assert.Equal(0, imported.Code);
        Assert.Contains("1 created", imported.Output);

        var refused = await RunAsync("import-units", bad);
        Assert.Equal(1, refused.Code);
        Assert.Contains("Dòng 2", refused.Error);

        var missing = await RunAsync("import-units", Path.Combine(_folder.FullName, "none.csv"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("file not found", missing.Error);
    }

    [Fact]
    public async Task CreateAdminShouldCreateTheAccountAndRefuseAWeakPasswordOrNoEmail()
    {
        var created = await RunAsync("create-admin", "ops@example.vn", "--password", "Sao-Mai-2026-ops");
        Assert.Equal(0, created.Code);
        Assert.Contains("ops@example.vn created with role Admin", created.Output);

        var weak = await RunAsync("create-admin", "ops2@example.vn", "--password", "ngan");
        Assert.Equal(1, weak.Code);
        Assert.Contains("ít nhất 10 ký tự", weak.Error);

        var common = await RunAsync("create-admin", "ops3@example.vn", "--password", "matkhau2026");
        Assert.Equal(1, common.Code);
        Assert.Contains("quá dễ đoán", common.Error);

        var noEmail = await RunAsync("create-admin");
        Assert.Equal(2, noEmail.Code);
    }

    [Fact]
    public async Task SeedDemoShouldRunInProductionOnlyWhenAsked()
    {
        var seeded = await RunAsync("seed-demo");
        Assert.Equal(0, seeded.Code);
        Assert.Contains("coso@demo.khuyencong.vn", seeded.Output);
        var again = await RunAsync("seed-demo");
        Assert.Contains("nothing created", again.Output);
    }

    /// <summary>Issue 7, finding 7: started as Staging, the app seeded the demo and admin@demo… signed in with the README's password.</summary>
    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task TheDemoShouldNotBeCreatedOutsideDevelopment(string environment)
    {
        var port = FreePort.Next();
        using var server = Process.Start(Start(environment, "--urls", $"http://127.0.0.1:{port}"))!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (true)
            {
                try
                {
                    if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }
                if (server.HasExited) Assert.Fail("the app stopped: " + await server.StandardError.ReadToEndAsync());
                await Task.Delay(200);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder.FullName, "showcase.db")};Pooling=False");
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM AspNetUsers WHERE Email LIKE '%@demo.khuyencong.vn'";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        count.CommandText = "SELECT COUNT(*) FROM Producers";
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
