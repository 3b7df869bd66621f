using System.Text;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>
/// Issue 7, findings 3–5 as the probe found them: a blind round leaked the producer through its PDFs and documents,
/// judges and panel members who may not score read every dossier, and a commune officer read other communes' dossiers.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DossierAccessTests(DatabaseFixture databases)
{
    // What names the facility in the scenario's records: its name, registration, tax code, address, phone, e-mail,
    // representative, and the number and issuer of its registration paper.
    private static readonly string[] Identity =
        ["HTX Bí Mật", "28.001.2019", "3001234567", "Thôn 1", "0912345678", "htx@example.vn", "Trần Thị Hoa", "28.001", "UBND xã"];

    private static RoundDetails Details(ContestLevel level, Guid unit, bool blind, DateOnly today) =>
        ContestWorld.Details(level, unit, "Kỳ thử", today) with { Blind = blind, MinimumSheets = 1 };

    private static async Task<(ContestWorld Contest, UserScope Staff, Guid Round)> RoundAsync(ShowcaseHost host, bool blind)
    {
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var rounds = host.Get<RoundService>();
        var round = await rounds.CreateAsync(staff, Details(ContestLevel.Commune, world.Unit("T4201"), blind, host.Today), CriteriaTemplates.Regulation);
        await rounds.OpenAsync(staff, round, await contest.VersionOfRoundAsync(staff, round));
        return (contest, staff, round);
    }

    private static async Task<Guid> AcceptedEntryAsync(ContestWorld contest, UserScope staff, Guid round, string name = "HTX Bí Mật")
    {
        var producer = await contest.World.ProducerAsync("T4201", name);
        var id = await contest.SubmittedEntryAsync(producer, round, await contest.World.ProductAsync(producer, "Chiếu cói"));
        await contest.AcceptAsync(staff, id);
        return id;
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ABlindRoundShouldGiveItsJudgesADossierThatNamesNoFacility(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var (contest, staff, round) = await RoundAsync(host, blind: true);
        var entryId = await AcceptedEntryAsync(contest, staff, round);
        await contest.AdvanceToJudgingAsync(staff, round);
        var judge = (await contest.JuryAsync(staff, round, size: 1))[0];
        var entries = host.Get<EntryService>();

        var view = (await entries.GetAsync(judge, entryId))!;
        Assert.Equal(DossierAccess.Blind, view.Access);
        Assert.Null(view.Producer);
        Assert.Empty(view.Entry.Events);
        Assert.DoesNotContain("HTX Bí Mật", view.Product.ProducerName);

        foreach (var pdf in new[] { ContestDocuments.RegistrationForm(view), ContestDocuments.DescriptionForm(view) })
        {
            var text = Tools.PdfText(pdf) + Tools.PdfInfo(pdf);
            foreach (var fact in Identity) Assert.DoesNotContain(fact, text);
            Assert.Contains("Chiếu cói", text);
        }

        // The photos, but no document: the registration paper names the facility.
        var products = host.Get<ProductService>();
        var product = view.Product.Product;
        Assert.NotNull(await products.AuthorizeMediaAsync(judge, product.Photos[0].LargeKey));
        await Assert.ThrowsAsync<AccessDeniedException>(() => products.AuthorizeMediaAsync(judge, product.Documents[0].BlobKey));

        // Staff of the round still read the whole dossier.
        var full = (await entries.GetAsync(staff, entryId))!;
        Assert.Equal("HTX Bí Mật", full.Producer!.Name);
        Assert.Contains("3001234567", Tools.PdfText(ContestDocuments.RegistrationForm(full)));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task OnlyPanelMembersWhoseRoleNeedsItShouldReadADossier(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var (contest, staff, round) = await RoundAsync(host, blind: false);
        var world = contest.World;
        var accepted = await AcceptedEntryAsync(contest, staff, round);
        var other = await AcceptedEntryAsync(contest, staff, round, "HTX Thứ Hai");
        var producer = await world.ProducerAsync("T4201", "HTX Bị Từ Chối");
        var rejected = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
        var entries = host.Get<EntryService>();
        await entries.RejectAsync(staff, rejected, await contest.VersionOfEntryAsync(staff, rejected), IneligibilityReason.NotSelfMade, null);
        await contest.AdvanceToJudgingAsync(staff, round);
        var jury = await contest.JuryAsync(staff, round, size: 3);
        var judging = host.Get<PanelService>();
        var councillor = await world.UserAsync(Roles.Judge, "42");
        var secretary = await world.UserAsync(Roles.Judge, "42");
        await judging.AddMemberAsync(staff, round, councillor.UserId, PanelBody.Council, PanelRole.Member);
        await judging.AddMemberAsync(staff, round, secretary.UserId, PanelBody.Secretariat, PanelRole.Member);
        // Judge 1 declares a conflict on the first entry; judge 3 is given only the second entry.
        await judging.DeclareAsync(jury[0], round, new Dictionary<Guid, string?> { [accepted] = "Họ hàng" });
        await world.QueryAsync(async db =>
        {
            foreach (var judge in jury.Take(2)) db.AddRange(new JudgeAssignment(round, accepted, judge.UserId), new JudgeAssignment(round, other, judge.UserId));
            db.Add(new JudgeAssignment(round, other, jury[2].UserId));
            return await db.SaveChangesAsync();
        });
        var documentKey = (await entries.GetAsync(staff, accepted))!.Product.Product.Documents[0].BlobKey;
        var products = host.Get<ProductService>();

        async Task DeniedAsync(UserScope who, Guid entry)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => entries.GetAsync(who, entry));
            if (entry == accepted) await Assert.ThrowsAsync<AccessDeniedException>(() => products.AuthorizeMediaAsync(who, documentKey));
        }

        await DeniedAsync(jury[0], accepted);   // conflicted
        await DeniedAsync(jury[2], accepted);   // not assigned
        await DeniedAsync(councillor, accepted); // the council reads once results are proposed
        foreach (var member in new[] { jury[1], secretary }) await DeniedAsync(member, rejected); // never accepted: not the panel's
        Assert.Equal(DossierAccess.Read, (await entries.GetAsync(jury[1], accepted))!.Access);
        Assert.Equal(DossierAccess.Read, (await entries.GetAsync(secretary, accepted))!.Access);
        Assert.NotNull(await products.AuthorizeMediaAsync(secretary, documentKey));

        foreach (var judge in jury.Skip(1).Take(1)) await contest.ScoreAsync(judge, accepted, 30, 30, 8, 8);
        foreach (var judge in jury) await contest.ScoreAsync(judge, other, 30, 30, 8, 8);
        await host.Get<ResultsService>().ProposeResultsAsync(staff, round, await contest.VersionOfRoundAsync(staff, round));
        Assert.Equal(DossierAccess.Read, (await entries.GetAsync(councillor, accepted))!.Access);
        await DeniedAsync(councillor, rejected);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ACommuneOfficerShouldSeeOnlyTheirCommunesDossiersInTheProvinceRound(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var thachHa = await world.UserAsync(Roles.LocalStaff, "T4201");
        var ducTho = await world.UserAsync(Roles.LocalStaff, "T4202");
        var province = await world.UserAsync(Roles.ProvinceStaff, "42");

        // Each commune recognises one product and nominates it into the province round.
        var local = new Dictionary<string, Guid>();
        foreach (var (code, officer, name) in new[] { ("T4201", thachHa, "HTX Gốm Thạch Hà"), ("T4202", ducTho, "HTX Nón Đức Thọ") })
        {
            var round = await contest.OpenRoundAsync(officer, ContestLevel.Commune, code);
            var producer = await world.ProducerAsync(code, name);
            var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer, $"Sản phẩm {code}"));
            await contest.AcceptAsync(officer, id);
            await contest.AdvanceToJudgingAsync(officer, round);
            foreach (var judge in await contest.JuryAsync(officer, round)) await contest.ScoreAsync(judge, id, 35, 35, 8, 8);
            await contest.DecideAsync(officer, round, id);
            local[code] = id;
        }
        var provinceRound = await contest.OpenRoundAsync(province, ContestLevel.Province, "42");
        var nominations = host.Get<NominationService>();
        Assert.Equal(2, await contest.NominateAsync(province, provinceRound, [.. local.Values]));
        var entries = host.Get<EntryService>();
        var all = await entries.ForRoundAsync(province, provinceRound);
        Assert.Equal(2, all.Count);
        var foreign = all.Single(r => r.ProducerName == "HTX Nón Đức Thọ").Id;
        var own = all.Single(r => r.ProducerName == "HTX Gốm Thạch Hà").Id;

        // The Thạch Hà officer follows the province round: their own commune's dossier only.
        Assert.Equal([own], (await entries.ForRoundAsync(thachHa, provinceRound)).Select(r => r.Id));
        Assert.Equal(DossierAccess.Read, (await entries.GetAsync(thachHa, own))!.Access);
        await Assert.ThrowsAsync<AccessDeniedException>(() => entries.GetAsync(thachHa, foreign));
        var csv = Encoding.UTF8.GetString(await entries.ExportAsync(thachHa, provinceRound, xlsx: false));
        Assert.Contains("HTX Gốm Thạch Hà", csv);
        Assert.DoesNotContain("HTX Nón Đức Thọ", csv);
        // Each commune's short list (Phụ lục 5) is its own, with its proposal letter (Điều 10.2): the officer sees theirs only.
        var mine = Assert.Single(await nominations.ForRoundAsync(thachHa, provinceRound));
        var shortList = Tools.PdfText(await nominations.ShortListAsync(thachHa, mine.Id));
        Assert.Contains("HTX Gốm Thạch Hà", shortList);
        Assert.DoesNotContain("HTX Nón Đức Thọ", shortList);
        var received = await nominations.ForRoundAsync(province, provinceRound);
        Assert.Equal(2, received.Count);
        var other = received.Single(n => n.Id != mine.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => nominations.ShortListAsync(thachHa, other.Id));

        // The province officer who runs it sees both, in the list, the export and the short lists.
        Assert.Contains("HTX Nón Đức Thọ", Tools.PdfText(await nominations.ShortListAsync(province, other.Id)));
        Assert.Contains("HTX Nón Đức Thọ", Encoding.UTF8.GetString(await entries.ExportAsync(province, provinceRound, xlsx: false)));
    }
}
