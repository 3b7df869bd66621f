using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

[Collection(DatabaseCollection.Name)]
public sealed class ContestFlowTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ALocalWinnerShouldMoveUpToTheProvinceWithTheSameDossier(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var entries = host.Get<EntryService>();
        var producer = await world.ProducerAsync("T4201", "HTX Gốm Thạch Hà");
        var product = await world.ProductAsync(producer, "Bình gốm men lam");
        var commune = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(commune, ContestLevel.Commune, "T4201", "Bình chọn cấp xã Thạch Hà");

        // An incomplete dossier is refused with the list of what is missing.
        var id = await entries.StartAsync(producer, round, product);
        var incomplete = await Assert.ThrowsAsync<DomainException>(async () => await entries.SubmitAsync(producer, id, await contest.VersionOfEntryAsync(producer, id)));
        Assert.Contains("cam kết sản phẩm do chính cơ sở sản xuất", incomplete.Message);
        Assert.Contains("đặc điểm nổi bật", incomplete.Message);
        await entries.SaveFormsAsync(producer, id, await contest.VersionOfEntryAsync(producer, id),
            new RegistrationForm(true, true, true, "2.000 sản phẩm/năm", 12, 900_000_000), new DescriptionForm("Men lam vẽ tay", null, null, null));
        await entries.SubmitAsync(producer, id, await contest.VersionOfEntryAsync(producer, id));

        // Returned for completion, fixed, resubmitted, accepted with an entry code.
        await entries.ReturnAsync(commune, id, await contest.VersionOfEntryAsync(commune, id), "Bổ sung giấy chứng nhận an toàn thực phẩm");
        var returned = (await entries.GetAsync(producer, id))!;
        Assert.Equal((EntryState.Returned, "Bổ sung giấy chứng nhận an toàn thực phẩm"), (returned.Entry.State, returned.Entry.ReturnReason));
        await entries.SubmitAsync(producer, id, returned.Entry.Version);
        await contest.AcceptAsync(commune, id);
        Assert.Equal("XT4201-" + contest.Today.Year + "-001", (await entries.GetAsync(commune, id))!.Entry.Code);

        // Three judges score; the mean decides; the council recognises it.
        await contest.AdvanceToJudgingAsync(commune, round);
        var jury = await contest.JuryAsync(commune, round);
        await contest.ScoreAsync(jury[0], id, 35, 30, 8, 8);
        await contest.ScoreAsync(jury[1], id, 30, 32, 7, 9);
        await contest.ScoreAsync(jury[2], id, 31, 29, 9.5m, 7.5m);
        var results = await host.Get<ResultsService>().ResultsAsync(commune, round);
        Assert.Equal(78.667m, Math.Round(Assert.Single(results).Result.Mean!.Value, 3));
        await contest.DecideAsync(commune, round, id);
        var decided = (await entries.GetAsync(producer, id))!;
        Assert.Equal(EntryState.Recognised, decided.Entry.State);
        Assert.Contains(decided.Entry.Events, e => e.Action == "recognised");
        Assert.NotNull(decided.ComplaintWindow);

        // The province round receives the same dossier with the local result attached.
        var province = await world.UserAsync(Roles.ProvinceStaff, "42");
        var provinceRound = await contest.OpenRoundAsync(province, ContestLevel.Province, "42", "Bình chọn cấp tỉnh Hà Tĩnh");
        var nominations = host.Get<NominationService>();
        var candidate = Assert.Single(await nominations.CandidatesAsync(province, provinceRound));
        Assert.Equal(id, candidate.EntryId);
        Assert.Equal(1, await contest.NominateAsync(province, provinceRound, id));
        Assert.Empty(await nominations.CandidatesAsync(province, provinceRound));
        var row = Assert.Single(await entries.ForRoundAsync(province, provinceRound));
        var nominated = (await entries.GetAsync(province, row.Id))!;
        Assert.Equal(EntryState.Submitted, nominated.Entry.State);
        Assert.Equal(78.667m, nominated.Entry.LowerLevel!.Score);
        Assert.Equal(decided.Product.Product.Photos.Select(p => p.LargeKey).Order(), nominated.Product.Product.Photos.Select(p => p.LargeKey).Order());
        Assert.Equal("Men lam vẽ tay", nominated.Entry.Description.Highlights);
        var shortList = await nominations.ShortListAsync(province, Assert.Single(await nominations.ForRoundAsync(province, provinceRound)).Id);
        Assert.Equal("%PDF"u8.ToArray(), shortList[..4]);

        // Điều 6.3: "Một sản phẩm có thể đăng ký tham gia nhiều kỳ bình chọn" — the same level again while the
        // certificate is valid is allowed; staff see a warning with the certificate's validity.
        var again = await contest.OpenRoundAsync(commune, ContestLevel.Commune, "T4201", "Kỳ xã lần sau");
        var reentry = await entries.StartAsync(producer, again, product);
        var warning = Assert.Single((await entries.GetAsync(commune, reentry))!.Warnings);
        Assert.Contains(new DateOnly(contest.Today.Year + 3, 12, 31).ToString("dd/MM/yyyy"), warning);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task EligibilityShouldRefuseOutsidersDuplicatesAndOthersProducts(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var entries = host.Get<EntryService>();
        var inside = await world.ProducerAsync("T4201");
        var outside = await world.ProducerAsync("T4202");
        var product = await world.ProductAsync(inside);
        var outsideProduct = await world.ProductAsync(outside);
        var round = await contest.OpenRoundAsync(await world.UserAsync(Roles.LocalStaff, "T4201"), ContestLevel.Commune, "T4201");

        Assert.Equal("Cơ sở không thuộc địa bàn tổ chức kỳ bình chọn.",
            (await Assert.ThrowsAsync<DomainException>(() => entries.StartAsync(outside, round, outsideProduct))).Message);
        Assert.Equal("Sản phẩm không thuộc cơ sở của bạn.",
            (await Assert.ThrowsAsync<DomainException>(() => entries.StartAsync(inside, round, outsideProduct))).Message);
        await entries.StartAsync(inside, round, product);
        Assert.Equal("Sản phẩm này đã có hồ sơ trong kỳ bình chọn.",
            (await Assert.ThrowsAsync<DomainException>(() => entries.StartAsync(inside, round, product))).Message);
        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await entries.AcceptAsync(await world.UserAsync(Roles.LocalStaff, "T4202"), (await entries.MineAsync(inside))[0].Id, 0));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TwoStaffDecidingTheSameDossierAtOnceShouldNotOverwriteEachOther(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var entries = host.Get<EntryService>();
        var producer = await world.ProducerAsync("T4201");
        var staffA = await world.UserAsync(Roles.LocalStaff, "T4201");
        var staffB = await world.UserAsync(Roles.ProvinceStaff, "42");
        var round = await contest.OpenRoundAsync(staffA, ContestLevel.Commune, "T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
        var version = await contest.VersionOfEntryAsync(staffA, id);

        var accept = Task.Run(() => entries.AcceptAsync(staffA, id, version));
        var giveBack = Task.Run(() => entries.ReturnAsync(staffB, id, version, "Ảnh chụp từ trên xuống bị mờ"));
        var outcomes = await Task.WhenAll(Outcome(accept), Outcome(giveBack));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.Single(outcomes, o => o is not null);
        Assert.IsType<ConcurrencyConflictException>(loser);
        Assert.Contains("vừa được người khác sửa", loser!.Message);
        var final = (await entries.GetAsync(staffA, id))!.Entry;
        Assert.Equal(outcomes[0] is null ? EntryState.Accepted : EntryState.Returned, final.State);
        Assert.Single(final.Events, e => e.Action is "accepted" or "returned");
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AComplaintSentForRescoringShouldReopenJudging(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var producer = await world.ProducerAsync("T4201");
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
        await contest.AcceptAsync(staff, id);
        await contest.AdvanceToJudgingAsync(staff, round);
        foreach (var judge in await contest.JuryAsync(staff, round)) await contest.ScoreAsync(judge, id, 25, 25, 6, 6);
        await contest.DecideAsync(staff, round);
        Assert.Equal(EntryState.NotRecognised, (await host.Get<EntryService>().GetAsync(producer, id))!.Entry.State);

        var complaints = host.Get<ComplaintService>();
        var attachment = (await world.DocumentAsync()).File;
        await complaints.FileAsync(producer, round, id, ComplaintKind.Complaint, "Giám khảo chưa xem mẫu sản phẩm thực tế", [attachment]);
        var filed = Assert.Single(await complaints.ForRoundAsync(staff, round));
        Assert.Equal(ComplaintState.Open, filed.State);
        Assert.NotNull(await host.Get<KhuyenCong.Showcase.Producers.ProductService>().AuthorizeMediaAsync(staff, attachment.Key));
        await complaints.ResolveAsync(staff, filed.Id, filed.Version, ComplaintState.SentForRescoring, "Chấm lại với mẫu thực tế");

        Assert.Equal(RoundState.Judging, (await host.Get<RoundService>().FindAsync(staff, round))!.State);
        Assert.Equal(EntryState.Accepted, (await host.Get<EntryService>().GetAsync(producer, id))!.Entry.State);
        await Assert.ThrowsAsync<DomainException>(() => complaints.ResolveAsync(staff, filed.Id, filed.Version + 1, ComplaintState.Dismissed, "x"));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheHolidayTableShouldBeCorrectableAndShiftDeadlines(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var calendar = host.Get<CalendarService>();
        var admin = await (await Scenario.CreateAsync(host)).UserAsync(Roles.Admin);
        var friday = new DateOnly(2026, 11, 20);
        var before = (await calendar.CalendarAsync(2026, 2026)).AddWorkingDays(friday, 1);
        Assert.Equal(new DateOnly(2026, 11, 23), before);

        await calendar.SetAsync(admin, new DateOnly(2026, 11, 23), CalendarDayKind.DayOff, "Nghỉ bù theo quyết định");
        Assert.Equal(new DateOnly(2026, 11, 24), (await calendar.CalendarAsync(2026, 2026)).AddWorkingDays(friday, 1));
        await calendar.SetAsync(admin, new DateOnly(2026, 11, 21), CalendarDayKind.WorkingDay, "Làm bù thứ Bảy");
        Assert.Equal(new DateOnly(2026, 11, 21), (await calendar.CalendarAsync(2026, 2026)).AddWorkingDays(friday, 1));
        await calendar.RemoveAsync(admin, new DateOnly(2026, 11, 21));
        await calendar.RemoveAsync(admin, new DateOnly(2026, 11, 23));
        Assert.Equal(before, (await calendar.CalendarAsync(2026, 2026)).AddWorkingDays(friday, 1));
        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await calendar.SetAsync(UserScope.Anonymous, friday, CalendarDayKind.DayOff, "x"));
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
