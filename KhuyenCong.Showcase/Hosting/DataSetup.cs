using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Demo;
using KhuyenCong.Showcase.Geography;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Hosting;

public sealed record SetupReport(int Applied, int UnitsCreated);

public static class DataSetup
{
    /// <summary>Safe on every start and on several instances at once (EF Core takes a migration lock).</summary>
    public static async Task<SetupReport> MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ShowcaseDb>>();
        int applied;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            applied = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            if (db.Database.IsSqlite())
            {
                // WAL lets readers carry on while one writer saves.
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.CloseConnectionAsync();
            }
            await db.Database.MigrateAsync(ct);
            await SearchKeyBackfill.RunAsync(db, ct);
        }
        await services.GetRequiredService<AccountService>().EnsureRolesAsync();
        var units = await services.GetRequiredService<GeographyService>().ImportReferenceProvincesAsync(ct);
        if (!units.Succeeded) throw new InvalidOperationException(string.Join(Environment.NewLine, units.Errors));
        await services.GetRequiredService<RegionService>().EnsureDefaultsAsync(ct);
        return new SetupReport(applied, units.Created);
    }

    public static void PrintDemo(DemoReport demo, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Dữ liệu mẫu đã tạo / demo data created: {demo.Producers} cơ sở, {demo.Products} sản phẩm, {demo.Photos} ảnh, {demo.Rounds} kỳ bình chọn.");
        output.WriteLine("Tài khoản mẫu / demo accounts:");
        foreach (var account in demo.Accounts)
            output.WriteLine($"  {account.Role,-14} {account.Email,-30} {account.Password}   {account.Description}");
        output.WriteLine();
    }
}
