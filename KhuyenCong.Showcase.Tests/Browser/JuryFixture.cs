using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Showcase.Tests.Browser;

public sealed record JuryRound(Guid RoundId, IReadOnlyList<(Guid Id, string Code)> Entries, IReadOnlyList<(string Email, string UserId)> Judges, UserScope Staff);

/// <summary>Puts a province round into judging with accepted dossiers from the demo facilities and a jury with passwords.</summary>
public static class JuryFixture
{
    public const string JudgePassword = "cham-diem-2026";

    public static async Task<JuryRound> JudgingRoundAsync(AppServer app, int entries, int judges, int minimumSheets)
    {
        var accounts = app.Get<AccountService>();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var staff = await accounts.ScopeForAsync((await users.FindByEmailAsync("tinh@demo.khuyencong.vn"))!.Id);
        var units = await app.Get<GeographyService>().DirectoryAsync();
        var haTinh = units.ProvincesOn(ContestWorldToday).Single(p => p.Code == "42").Id;
        var rounds = app.Get<RoundService>();
        var details = new RoundDetails(ContestLevel.Province, haTinh, ContestWorldToday.Year, $"Kỳ chấm thử {Guid.NewGuid().ToString("N")[..6]}", "Sở Công Thương tỉnh Hà Tĩnh",
            new DecisionRef("77/QĐ-UBND", ContestWorldToday.AddDays(-20), "Phó Chủ tịch UBND tỉnh"),
            new RoundSchedule(ContestWorldToday.AddDays(-5), ContestWorldToday.AddDays(20), ContestWorldToday.AddDays(25), ContestWorldToday.AddDays(26),
                ContestWorldToday.AddDays(35), ContestWorldToday.AddDays(40)), 70, null, false, minimumSheets);
        var roundId = await rounds.CreateAsync(staff, details, CriteriaTemplates.Regulation);
        await rounds.OpenAsync(staff, roundId, (await rounds.FindAsync(staff, roundId))!.Version);

        // Facilities whose products have never been in a province round: no certificate stands in the way.
        List<(string UserId, Guid ProductId)> picks;
        await using (var db = await app.Get<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync())
        {
            var inProvince = await (from e in db.Set<Entry>() join r in db.Set<Round>() on e.RoundId equals r.Id
                                    where r.Level == ContestLevel.Province select e.ProductId).ToListAsync();
            var rows = await (from p in db.Set<Product>() join u in db.Users on p.ProducerId equals u.ProducerId
                              join f in db.Set<Producer>() on p.ProducerId equals f.Id
                              where !inProvince.Contains(p.Id) select new { u.Id, ProductId = p.Id, p.ProducerId, f.UnitId }).ToListAsync();
            var province = units.ScopeOf(haTinh);
            picks = [.. rows.Where(r => province.Contains(r.UnitId)).GroupBy(r => r.ProducerId).Select(g => g.First())
                .OrderBy(r => r.ProductId).Take(entries).Select(r => (r.Id, r.ProductId))];
        }
        Assert.Equal(entries, picks.Count);
        var entryService = app.Get<EntryService>();
        foreach (var (userId, productId) in picks)
        {
            var producer = await accounts.ScopeForAsync(userId);
            var id = await entryService.StartAsync(producer, roundId, productId);
            await entryService.SaveFormsAsync(producer, id, (await entryService.GetAsync(producer, id))!.Entry.Version,
                new RegistrationForm(true, true, true, "1.000 sản phẩm", 6, 300_000_000), new DescriptionForm("Nổi bật", null, null, null));
            await entryService.SubmitAsync(producer, id, (await entryService.GetAsync(producer, id))!.Entry.Version);
            await entryService.AcceptAsync(staff, id, (await entryService.GetAsync(staff, id))!.Entry.Version);
        }
        await rounds.StartReviewAsync(staff, roundId, (await rounds.FindAsync(staff, roundId))!.Version);
        await rounds.StartJudgingAsync(staff, roundId, (await rounds.FindAsync(staff, roundId))!.Version);

        var jury = new List<(string, string)>();
        for (var i = 0; i < judges; i++)
        {
            var email = $"gk{i + 1}-{Guid.NewGuid().ToString("N")[..6]}@example.vn";
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Giám khảo {i + 1}", Position = "Chuyên gia", UnitId = haTinh, CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, JudgePassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Judge)).Succeeded);
            await app.Get<PanelService>().AddMemberAsync(staff, roundId, user.Id, PanelBody.Jury, i == 0 ? PanelRole.Chair : PanelRole.Member);
            jury.Add((email, user.Id));
        }
        var codes = (await entryService.ForRoundAsync(staff, roundId)).OrderBy(r => r.Code).Select(r => (r.Id, r.Code!)).ToList();
        return new JuryRound(roundId, codes, jury, staff);
    }

    private static DateOnly ContestWorldToday => TimeProvider.System.Today();
}
