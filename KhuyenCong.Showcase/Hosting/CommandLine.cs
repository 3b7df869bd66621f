using System.Security.Cryptography;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Demo;
using KhuyenCong.Showcase.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KhuyenCong.Showcase.Hosting;

/// <summary>Operator verbs: the same executable that serves the site, run with a verb instead.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "import-units", "create-admin", "schema-script", "help", "--help"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        var error = Console.Error;
        try
        {
            switch (args[0])
            {
                case "migrate":
                {
                    var report = await DataSetup.MigrateAsync(app.Services);
                    output.WriteLine($"migrate: {report.Applied} migration(s) applied, {report.UnitsCreated} reference unit(s) created.");
                    return 0;
                }
                case "seed-demo":
                {
                    await DataSetup.MigrateAsync(app.Services);
                    var demo = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
                    if (demo.Created) DataSetup.PrintDemo(demo, output);
                    else output.WriteLine("seed-demo: producers already exist; nothing created.");
                    return 0;
                }
                case "import-units":
                {
                    if (args.Length != 2) return Usage(error, "import-units needs the CSV file: import-units FILE.csv");
                    if (!File.Exists(args[1])) return Usage(error, $"import-units: file not found: {args[1]}");
                    await DataSetup.MigrateAsync(app.Services);
                    using var reader = new StreamReader(args[1]);
                    var report = await app.Services.GetRequiredService<GeographyService>().ImportAsync(reader);
                    if (!report.Succeeded)
                    {
                        error.WriteLine($"import-units: nothing imported, {report.Errors.Count} error(s):");
                        foreach (var line in report.Errors) error.WriteLine("  " + line);
                        return 1;
                    }
                    output.WriteLine($"import-units: {report.Created} created, {report.Updated} updated, {report.SuccessorLinks} successor link(s).");
                    return 0;
                }
                case "create-admin":
                {
                    if (args.Length < 2 || !args[1].Contains('@')) return Usage(error, "create-admin needs an email: create-admin EMAIL [--password PASSWORD]");
                    var password = args.Length >= 4 && args[2] == "--password" ? args[3]
                        : Environment.GetEnvironmentVariable("SHOWCASE_ADMIN_PASSWORD");
                    var generated = string.IsNullOrEmpty(password);
                    if (generated) password = GeneratePassword();
                    await DataSetup.MigrateAsync(app.Services);
                    var (created, result) = await app.Services.GetRequiredService<AccountService>().EnsureAdminAsync(args[1], password!);
                    if (!result.Succeeded)
                    {
                        error.WriteLine("create-admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                        return 1;
                    }
                    output.WriteLine(created
                        ? $"create-admin: {args[1]} created with role Admin" + (generated ? $"; password: {password}" : ".")
                        : $"create-admin: {args[1]} already existed; it now has role Admin (password unchanged).");
                    return 0;
                }
                case "schema-script":
                {
                    await using var db = await app.Services.GetRequiredService<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync();
                    output.WriteLine(db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
                    return 0;
                }
                default:
                    output.WriteLine(Help);
                    return 0;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or DbUpdateException)
        {
            error.WriteLine($"{args[0]}: {e.Message}");
            return 1;
        }
    }

    private const string Help = """
        KhuyenCong.Showcase — verbs (without a verb the web server starts):
          migrate                      apply database migrations and load the reference provinces
          seed-demo                    create the demo data if the database has no producers
          import-units FILE.csv        import administrative units (code,name,type,parent_code,valid_from,valid_to,successor_code)
          create-admin EMAIL [--password P]   create an admin account (or grant Admin); SHOWCASE_ADMIN_PASSWORD also works
          schema-script                print the idempotent SQL script of all migrations, for a DBA
        """;

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }

    private static string GeneratePassword() =>
        "Kc" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() + "7";
}
