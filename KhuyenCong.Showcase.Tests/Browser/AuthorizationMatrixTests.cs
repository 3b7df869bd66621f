using System.Text;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

/// <summary>
/// Every GET endpoint the app maps (read from its own EndpointDataSource: Razor pages and minimal APIs alike), asked
/// for by every demo role, once with a record of the role's own unit and once with one outside it. Each endpoint
/// declares what every cell must answer and why a 200 is right; an endpoint without a declaration fails the test.
/// The table is written to docs/authorization.md.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class AuthorizationMatrixTests(SiteFixture site)
{
    private enum Role { Anonymous, Producer, Judge, LocalStaff, ProvinceStaff, OtherProvince, Admin }

    private static readonly Dictionary<Role, string?> Accounts = new()
    {
        [Role.Anonymous] = null,
        [Role.Producer] = "coso@demo.khuyencong.vn",
        [Role.Judge] = "giamkhao@demo.khuyencong.vn",
        [Role.LocalStaff] = "xa@demo.khuyencong.vn",
        [Role.ProvinceStaff] = "tinh@demo.khuyencong.vn",
        [Role.OtherProvince] = "hungyen@demo.khuyencong.vn",
        [Role.Admin] = "admin@demo.khuyencong.vn",
    };

    /// <summary>
    /// What each cell answers, in role order (anonymous, producer, judge, commune officer, province officer, officer
    /// of another province, admin), "own/other" where the record matters: 302 is the sign-in page, "-" no such sample.
    /// </summary>
    private sealed record Expect(string Codes, string Why);

    private static readonly Dictionary<string, Expect> Declared = new()
    {
        ["/"] = new("200 200 200 200 200 200 200", "Public home page."),
        ["/source"] = new("200 200 200 200 200 200 200", "Public page with the source address."),
        ["/catalogue"] = new("200 200 200 200 200 200 200", "Public catalogue of recognised products."),
        ["/access-denied"] = new("403 403 403 403 403 403 403", "The refusal page answers 403 itself."),
        ["/error"] = new("500 500 500 500 500 500 500", "The exception handler's page."),
        ["/status/{Code:int}"] = new("404 404 404 404 404 404 404", "Status code pages (asked for with 404)."),
        ["/healthz"] = new("200 200 200 200 200 200 200", "Health probe for the load balancer; says only Healthy."),
        ["/culture/{culture}"] = new("302 302 302 302 302 302 302", "Sets the language cookie and goes back."),
        ["/account/login"] = new("200 200 200 200 200 200 200", "Sign-in form."),
        ["/account/register"] = new("200 200 200 200 200 200 200", "Producer sign-up form."),
        ["/account/forgot"] = new("200 200 200 200 200 200 200", "Forgotten-password form."),
        ["/account/reset"] = new("200 200 200 200 200 200 200", "Reset form; the mailed token decides."),
        ["/account/confirm"] = new("400 400 400 400 400 400 400", "Without a valid mailed token: 400."),
        ["/account/invitation"] = new("200 200 200 200 200 200 200", "Invitation form; the mailed token decides."),
        ["/producer"] = new("302 200 403 403 403 403 403", "A producer's own home."),
        ["/producer/profile"] = new("302 200 403 403 403 403 403", "The producer's own facility."),
        ["/producer/products"] = new("302 200 403 403 403 403 403", "The producer's own products."),
        ["/producer/products/new"] = new("302 200 403 403 403 403 403", "A new product of the producer's own facility."),
        ["/producer/products/{Id:guid}"] = new("302 200/404 403 403 403 403 403", "The producer's own product; another's is not found."),
        ["/producer/entries"] = new("302 200 403 403 403 403 403", "The producer's own dossiers."),
        ["/producer/entries/{Id:guid}"] = new("302 200/404 403 403 403 403 403", "The producer's own dossier; another's is not found."),
        ["/producer/rounds/{RoundId:guid}/ket-qua"] = new("302 200 403 403 403 403 403",
            "A round's published results and the complaint form, for any signed-in facility (Điều 20 sets no limit on who complains)."),
        ["/jury"] = new("302 403 200 403 403 403 403", "A judge's own rounds and assigned entries."),
        ["/jury/entries/{EntryId:guid}"] = new("302 403 200/403 403 403 403 403",
            "The judge's sheet for an assigned entry (the decided round's sheet, read only); an entry of a round they do not sit on is refused with the reason."),
        ["/jury/rounds/{RoundId:guid}/declare"] = new("302 403 200/403 403 403 403 403",
            "The judge's own declarations in a round they sit on (read only once results are proposed)."),
        ["/jury/rounds/{RoundId:guid}/progress"] = new("302 403 200/403 200/403 200 403 200",
            "The jury chair and the round's staff (the commune officer runs the commune round, not the province round)."),
        ["/jury/rounds/{RoundId:guid}/fairness"] = new("302 403 200/403 200/403 200 403 200", "The jury chair and the round's staff."),
        ["/notifications"] = new("302 200 200 200 200 200 200", "Each person's own inbox."),
        ["/staff"] = new("302 403 403 200 200 200 200", "Staff home."),
        ["/staff/producers"] = new("302 403 403 200 200 200 200", "Facilities of the officer's own units only (filtered in the service)."),
        ["/staff/products"] = new("302 403 403 200 200 200 200", "Products of the officer's own units only (filtered in the service)."),
        ["/staff/products/{Id:guid}"] = new("302 403 403 200/403 200/403 200/403 200", "A product of the officer's own units."),
        ["/staff/users"] = new("302 403 403 200 200 200 200", "Accounts of the officer's own units; invitations within them."),
        ["/staff/calendar"] = new("302 403 403 200 200 200 200",
            "The working calendar: read by all staff; the national table changed by administrators, a province's own days by its staff."),
        ["/staff/review"] = new("302 403 403 200 200 200 200", "Dossiers waiting in rounds the officer runs."),
        ["/staff/rounds"] = new("302 403 403 200 200 200 200", "Rounds the officer runs or follows."),
        ["/staff/rounds/new"] = new("302 403 403 200 200 200 200", "A new round at the officer's own level and unit."),
        ["/staff/rounds/{Id:guid}"] = new("302 403 403 200 200 403 200",
            "A round the officer runs or follows from below (the commune officer follows the province round)."),
        ["/staff/rounds/{Id:guid}/edit"] = new("302 403 403 200/403 200 403 200", "Only the staff who run the round."),
        ["/staff/entries/{Id:guid}"] = new("302 403 403 200/403 200 403 200",
            "A dossier of a round the officer runs, or of a facility in the officer's own unit."),
        ["/admin/users"] = new("302 403 403 403 403 403 200", "Administrators only."),
        ["/admin/units"] = new("302 403 403 403 403 403 200", "Administrators only."),
        ["/admin/regions"] = new("302 403 403 403 403 403 200", "The ministry's staff (and administrators) regroup the provinces into regions."),
        ["/media/{**key}"] = new("302 200/403 200/403 200/403 200/403 200/403 200",
            "Photos of products the person may read: the producer's own, staff of the facility's units, jurors of a dossier they score."),
        ["/entries/{id:guid}/phieu-dang-ky.pdf"] = new("302 200/403 200/403 200/403 200 403 200",
            "The registration form of a dossier the person may read (DossierReaders)."),
        ["/entries/{id:guid}/ban-thuyet-minh.pdf"] = new("302 200/403 200/403 200/403 200 403 200",
            "The description form of a dossier the person may read (DossierReaders)."),
        ["/rounds/{id:guid}/entries.xlsx"] = new("302 403 403 200 200 403 200",
            "Staff who run the round (every entry) or follow it from below (their own unit's entries only)."),
        ["/rounds/{id:guid}/entries.csv"] = new("302 403 403 200 200 403 200",
            "Staff who run the round (every entry) or follow it from below (their own unit's entries only)."),
        ["/nominations/{id:guid}/danh-sach-trich-ngang.pdf"] = new("302 403 403 200 200 403 200",
            "A lower authority's short list (Phụ lục 5) with its proposal letter: for the staff who sent it and those of the round that received it."),
        ["/rounds/{id:guid}/ho-so-cap-khu-vuc.zip"] = new("302 403 403 400/403 200 403 200",
            "Only the staff who run a decided province round (a commune round has no region package: 400)."),
        ["/rounds/{id:guid}/bien-ban.pdf"] = new("302 403 200/403 200/403 200 403 200", "The jury chair and the round's staff."),
        ["/rounds/{id:guid}/diem-so.json"] = new("302 403 200/403 200/403 200 403 200", "The jury chair and the round's staff."),
        ["/rounds/{id:guid}/phieu-cham/{judgeId}.pdf"] = new("302 403 200/404 200/403 200 403 200",
            "A judge's own sheets; the chair and the round's staff may print anyone's (a judge not on a round's jury has no sheets there: 404)."),
    };

    private sealed record Samples(Guid OwnProduct, Guid ThachHaProduct, Guid HungYenProduct, string OwnPhoto, string ThachHaPhoto, string HungYenPhoto,
        Guid OpenEntry, Guid CommuneEntry, Guid ProvinceEntry, Guid ProvinceRound, Guid CommuneRound, Guid OpenRound, string JudgeId, Guid Nomination);

    private async Task<Samples> SamplesAsync()
    {
        await using var db = await site.App.Get<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync();
        var coso = (await db.Users.SingleAsync(u => u.Email == "coso@demo.khuyencong.vn")).ProducerId!.Value;
        var judge = (await db.Users.SingleAsync(u => u.Email == "giamkhao@demo.khuyencong.vn")).Id;
        var units = await site.App.Get<Geography.GeographyService>().DirectoryAsync();
        Guid Commune(string code) => units.All.Single(u => u.Code == code).Id;
        async Task<(Guid, string)> ProductIn(Func<Producer, bool> where)
        {
            var producers = (await db.Set<Producer>().ToListAsync()).Where(where).Select(p => p.Id).ToList();
            var product = await db.Set<Product>().Include(p => p.Photos).Where(p => producers.Contains(p.ProducerId)).OrderBy(p => p.Name).FirstAsync();
            return (product.Id, product.Photos[0].LargeKey);
        }
        var (own, ownPhoto) = await ProductIn(p => p.Id == coso);
        var (thachHa, thachHaPhoto) = await ProductIn(p => p.UnitId == Commune("M4201"));
        var (hungYen, hungYenPhoto) = await ProductIn(p => p.UnitId == Commune("M3301"));
        var rounds = await db.Set<Round>().ToListAsync();
        var provinceRound = rounds.Single(r => r.Level == ContestLevel.Province && r.State == RoundState.Closed).Id;
        var communeRound = rounds.Single(r => r.Level == ContestLevel.Commune && r.State == RoundState.Closed).Id;
        var openRound = rounds.Single(r => r.Level == ContestLevel.Province && r.State == RoundState.OpenForRegistration).Id;
        var entries = await db.Set<Entry>().ToListAsync();
        var sheets = await db.Set<ScoreSheet>().Where(s => s.JudgeId == judge).Select(s => s.EntryId).ToListAsync();
        return new Samples(own, thachHa, hungYen, ownPhoto, thachHaPhoto, hungYenPhoto,
            entries.First(e => e.RoundId == openRound && e.ProducerId == coso).Id,
            entries.First(e => e.RoundId == communeRound).Id,
            entries.First(e => e.RoundId == provinceRound && sheets.Contains(e.Id) && e.NominatedFromEntryId != null).Id,
            provinceRound, communeRound, openRound, judge,
            (await db.Set<Nomination>().FirstAsync(n => n.TargetRoundId == provinceRound && n.SourceRoundId == communeRound)).Id);
    }

    /// <summary>The record of the role's own unit, and one outside it; null where the demo has none.</summary>
    private static (string? Own, string? Other) Values(string parameter, Role role, Samples s)
    {
        (object? Own, object? Other) pick = parameter switch
        {
            "key" => role switch
            {
                Role.Producer => (s.OwnPhoto, s.ThachHaPhoto),
                Role.LocalStaff => (s.ThachHaPhoto, s.OwnPhoto),
                Role.OtherProvince => (s.HungYenPhoto, s.OwnPhoto),
                Role.Judge => (s.ThachHaPhoto, s.HungYenPhoto),
                _ => (s.OwnPhoto, s.HungYenPhoto),
            },
            "Id" or "id" or "EntryId" or "RoundId" => (null, null),
            "judgeId" => (s.JudgeId, s.JudgeId),
            "culture" => ("en", "en"),
            "Code" => ("404", "404"),
            _ => throw new InvalidOperationException($"no sample for {{{parameter}}}"),
        };
        return (pick.Own?.ToString(), pick.Other?.ToString());
    }

    private static (Guid? Own, Guid? Other) Ids(string pattern, Role role, Samples s)
    {
        if (pattern.StartsWith("/producer/products/") || pattern.StartsWith("/staff/products/"))
            return role switch
            {
                Role.Producer => (s.OwnProduct, s.ThachHaProduct),
                Role.LocalStaff => (s.ThachHaProduct, s.OwnProduct),
                Role.OtherProvince => (s.HungYenProduct, s.OwnProduct),
                _ => (s.OwnProduct, s.HungYenProduct),
            };
        if (pattern.StartsWith("/nominations/"))
            return role == Role.OtherProvince ? (null, s.Nomination) : (s.Nomination, null);
        if (pattern.StartsWith("/jury/entries/"))
            return (s.ProvinceEntry, s.OpenEntry);
        if (pattern.StartsWith("/producer/entries/") || pattern.StartsWith("/staff/entries/") || pattern.StartsWith("/entries/"))
            return role switch
            {
                Role.Producer => (s.OpenEntry, s.CommuneEntry),
                Role.Judge => (s.ProvinceEntry, s.OpenEntry),
                Role.LocalStaff => (s.CommuneEntry, s.OpenEntry),
                Role.OtherProvince => (null, s.OpenEntry),
                _ => (s.OpenEntry, null),
            };
        // Rounds: the commune officer's own is the commune round, the judge's the province round they chaired.
        return role switch
        {
            Role.Producer => (s.OpenRound, s.CommuneRound),
            Role.Judge => (s.ProvinceRound, s.OpenRound),
            Role.LocalStaff => (s.CommuneRound, s.ProvinceRound),
            Role.OtherProvince => (null, s.ProvinceRound),
            _ => (s.ProvinceRound, null),
        };
    }

    [Fact]
    public async Task EveryEndpointAnswersEveryRoleAsDeclared()
    {
        var endpoints = Routes(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_") && !raw.StartsWith("_") && !raw.Contains(":file")
            // Framework endpoints (the circuit hub, static assets and their development fallback) are not the app's.
            && !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
            && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true));
        var undeclared = endpoints.Where(e => !Declared.ContainsKey(e)).ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without a declared answer per role (add them to Declared): " + string.Join(", ", undeclared));

        var samples = await SamplesAsync();
        var requests = new Dictionary<Role, IAPIRequestContext>();
        foreach (var (role, email) in Accounts)
        {
            var page = await site.NewPageAsync();
            if (email is not null) await page.SignInAsync(site.App.BaseUrl, email);
            requests[role] = page.APIRequest;
        }

        var failures = new List<string>();
        var rows = new List<(string Pattern, string[] Cells, string Why)>();
        foreach (var pattern in endpoints)
        {
            var declared = Declared[pattern];
            var expected = declared.Codes.Split(' ');
            var cells = new string[Accounts.Count];
            foreach (var role in Enum.GetValues<Role>())
            {
                var (ownId, otherId) = Ids(pattern, role, samples);
                var own = Url(pattern, role, samples, ownId, own: true);
                var other = Url(pattern, role, samples, otherId, own: false);
                var ownCode = own is null ? "-" : (await requests[role].GetAsync(site.App.BaseUrl + own, new() { MaxRedirects = 0 })).Status.ToString();
                var otherCode = other is null ? "-" : (await requests[role].GetAsync(site.App.BaseUrl + other, new() { MaxRedirects = 0 })).Status.ToString();
                // One number when the record makes no difference (or there is only one to ask for).
                var cell = ownCode == otherCode || otherCode == "-" ? ownCode : ownCode == "-" ? otherCode : $"{ownCode}/{otherCode}";
                cells[(int)role] = cell;
                if (cell != expected[(int)role]) failures.Add($"{pattern} as {role}: {cell}, declared {expected[(int)role]} ({own} | {other})");
            }
            rows.Add((pattern, cells, declared.Why));
        }
        WriteTable(rows);
        Assert.True(failures.Count == 0, "Answers that differ from the declaration:\n" + string.Join("\n", failures));
    }

    /// <summary>The route patterns of the app's own endpoint list (EndpointDataSource) that <paramref name="keep"/> keeps, sorted.</summary>
    private List<string> Routes(Func<RouteEndpoint, bool> keep) =>
        site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(keep)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string? Url(string pattern, Role role, Samples samples, Guid? id, bool own)
    {
        var url = pattern;
        foreach (var segment in pattern.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment.Trim('{', '}').TrimStart('*').Split(':')[0].Split('}')[0];
            string? value;
            if (name is "Id" or "id" or "EntryId" or "RoundId") value = id?.ToString();
            else
            {
                var (o, x) = Values(name, role, samples);
                value = own ? o : x;
            }
            if (value is null) return null;
            url = url.Replace(segment.Split('}')[0] + "}", value);
        }
        return url;
    }

    private static void WriteTable(List<(string Pattern, string[] Cells, string Why)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("# Who gets what: every endpoint × every role");
        text.AppendLine();
        text.AppendLine("Generated by `AuthorizationMatrixTests` from the app's own endpoint list (`EndpointDataSource`) against the demo data,");
        text.AppendLine("signed in as each demo account. A cell `own/other` answers for a record of the role's own unit (its facility, its");
        text.AppendLine("commune, its province, a round it sits on) and for one outside it; a single number where both answer the same, where");
        text.AppendLine("no record is involved, or where the demo holds only one of the two (Hưng Yên runs no round). `302` is the sign-in");
        text.AppendLine("page. Every answer is declared in the test with the reason for its 200s; an endpoint without a declaration fails it.");
        text.AppendLine("POST endpoints (sign-out, the forms) carry antiforgery tokens and are not listed.");
        text.AppendLine();
        text.AppendLine("| endpoint | anonymous | producer | judge | commune officer | province officer | other province | admin | why the 200s |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (pattern, cells, why) in rows)
            text.AppendLine($"| `{pattern}` | {string.Join(" | ", cells)} | {why} |");
        text.AppendLine();
        text.AppendLine("Roles: producer `coso@` (Thái Yên), judge `giamkhao@` (chairs the 2025 juries), commune officer `xa@` (Thạch Hà),");
        text.AppendLine("province officer `tinh@` (Hà Tĩnh), other province `hungyen@` (Hưng Yên), admin `admin@` (all `@demo.khuyencong.vn`).");
        var path = Path.Combine(Path.GetDirectoryName(SiteFixture.ScreenshotFolder)!, "..", "docs", "authorization.md");
        File.WriteAllText(Path.GetFullPath(path), text.ToString());
    }
}
