using System.IO.Compression;
using System.Text;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Audit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Notifications;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Domain;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>
/// The contest as TT 26/2014/TT-BCT (as amended, DESIGN.md) runs it, through the real services on both providers:
/// each test names the article its rule comes from.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class RegulationTests(DatabaseFixture databases)
{
    /// <summary>A Tuesday in December with no holiday within the next month: windows are easy to follow.</summary>
    private static readonly DateOnly Start = new(2026, 12, 1);

    private static async Task<(ShowcaseHost Host, ContestWorld Contest)> StartAsync(ShowcaseHost host) =>
        (host, new ContestWorld(await Scenario.CreateAsync(host)));

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ADossierShouldBeJudgedSentUpAndExportedAsSubmittedWhateverTheProducerEditsLater(DbKind kind)
    {
        // Điều 13 and 22.1: what the jury scores and what goes up is the dossier the facility submitted.
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var products = host.Get<ProductService>();
        var entries = host.Get<EntryService>();
        var producer = await world.ProducerAsync("T4201", "HTX Gốm Thạch Hà");
        var productId = await world.ProductAsync(producer, "Bình gốm men lam");
        var commune = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(commune, ContestLevel.Commune, "T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, productId);
        var submitted = (await products.GetAsync(producer, productId))!.Product;
        var photoKeys = submitted.Photos.Select(p => p.LargeKey).Order().ToList();
        var documentKey = Assert.Single(submitted.Documents).BlobKey;

        async Task EditAsync(string name)
        {
            var current = (await products.GetAsync(producer, productId))!.Product;
            await products.UpdateAsync(producer, productId, current.Version, Products.Details(name) with { Group = current.Group },
                new ProductChanges([await world.PhotoAsync(current.Photos[0].View, seed: name.Length)], [current.Photos[0].Id],
                    [await world.DocumentAsync()], [current.Documents[0].Id]));
        }

        async Task AssertSubmittedAsync(UserScope who, Guid entryId)
        {
            var seen = (await entries.GetAsync(who, entryId))!.Product.Product;
            Assert.Equal("Bình gốm men lam", seen.Name);
            Assert.Equal(photoKeys, seen.Photos.Select(p => p.LargeKey).Order());
            Assert.Equal(documentKey, Assert.Single(seen.Documents).BlobKey);
            Assert.NotNull(await products.AuthorizeMediaAsync(who, documentKey));
        }

        await EditAsync("Bình gốm sửa sau khi nộp");
        Assert.Equal("Bình gốm sửa sau khi nộp", (await products.GetAsync(producer, productId))!.Product.Name);
        await contest.AcceptAsync(commune, id);
        await contest.AdvanceToJudgingAsync(commune, round);
        var jury = await contest.JuryAsync(commune, round);
        await AssertSubmittedAsync(jury[0], id);
        Assert.Contains("Bình gốm men lam", Tools.PdfText(ContestDocuments.DescriptionForm((await entries.GetAsync(jury[0], id))!)));
        foreach (var judge in jury) await contest.ScoreAsync(judge, id, 35, 35, 8, 8);
        await contest.DecideAsync(commune, round, id);
        await EditAsync("Bình gốm sửa sau khi được công nhận");

        // The province round receives the submitted dossier; so does the region package once the province decides.
        var province = await world.UserAsync(Roles.ProvinceStaff, "42");
        var provinceRound = await contest.OpenRoundAsync(province, ContestLevel.Province, "42");
        Assert.Equal(1, await contest.NominateAsync(province, provinceRound, id));
        var upId = Assert.Single(await entries.ForRoundAsync(province, provinceRound)).Id;
        await AssertSubmittedAsync(province, upId);
        await contest.JudgeAndDecideAsync(province, provinceRound, "42", [upId], [upId]);
        var zip = await host.Get<NominationService>().RegionPackageAsync(province, provinceRound);
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Contains(archive.Entries, e => e.FullName.Contains("Bình gốm men lam", StringComparison.Ordinal));
        Assert.DoesNotContain(archive.Entries, e => e.FullName.Contains("sửa", StringComparison.Ordinal));
        using var summary = new StreamReader(archive.Entries.Single(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Open());
        var json = await summary.ReadToEndAsync();
        Assert.Contains("Bình gốm men lam", json);
        Assert.DoesNotContain("sửa", json);
        Assert.Equal(photoKeys.Count, archive.Entries.Count(e => e.Name.StartsWith("anh-", StringComparison.Ordinal)));

        // The timeline records each version: a return unfreezes it; the resubmission is version 2.
        Assert.Single((await entries.GetAsync(commune, id))!.Versions);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AReturnedDossierShouldUnfreezeAndItsResubmissionShouldBeANewVersion(DbKind kind)
    {
        // Điều 13: the dossier is completed at the staff's request; what counts is the complete one.
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var entries = host.Get<EntryService>();
        var producer = await contest.World.ProducerAsync("T4201");
        var productId = await contest.World.ProductAsync(producer, "Nón lá lần một");
        var commune = await contest.World.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(commune, ContestLevel.Commune, "T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, productId);
        await entries.ReturnAsync(commune, id, await contest.VersionOfEntryAsync(commune, id), "Bổ sung ảnh mặt sau");
        var product = (await host.Get<ProductService>().GetAsync(producer, productId))!.Product;
        await host.Get<ProductService>().UpdateAsync(producer, productId, product.Version, Products.Details("Nón lá lần hai") with { Group = product.Group },
            new ProductChanges([], [], [], []));
        Assert.Equal("Nón lá lần hai", (await entries.GetAsync(commune, id))!.Product.Product.Name);
        await entries.SubmitAsync(producer, id, await contest.VersionOfEntryAsync(producer, id));
        var view = (await entries.GetAsync(commune, id))!;
        Assert.Equal([1, 2], view.Versions.Select(v => v.Number));
        Assert.Equal(2, view.Entry.DossierVersion);
        Assert.Equal("Nón lá lần hai", view.Product.Product.Name);
    }

    private sealed record TwoEntries(ShowcaseHost Host, ContestWorld Contest, UserScope Staff, Guid Round, Guid A, Guid B, UserScope ProducerB,
        IReadOnlyList<UserScope> Jury);

    /// <summary>A commune round with a quota: A scores 86 and is recognised; B scores <paramref name="pointsB"/> each group and is not.</summary>
    private async Task<TwoEntries> TwoEntriesDecidedAsync(DbKind kind, int quota, decimal[] pointsB)
    {
        var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await host.Get<RoundService>().CreateAsync(staff,
            contest.Details(ContestLevel.Commune, world.Unit("T4201"), "Kỳ có hạn mức") with { Quota = quota }, CriteriaTemplates.Regulation);
        await host.Get<RoundService>().OpenAsync(staff, round, await contest.VersionOfRoundAsync(staff, round));
        var producerA = await world.ProducerAsync("T4201", "HTX A");
        var producerB = await world.ProducerAsync("T4201", "HTX B");
        var a = await contest.SubmittedEntryAsync(producerA, round, await world.ProductAsync(producerA, "A"));
        var b = await contest.SubmittedEntryAsync(producerB, round, await world.ProductAsync(producerB, "B"));
        foreach (var id in new[] { a, b }) await contest.AcceptAsync(staff, id);
        await contest.AdvanceToJudgingAsync(staff, round);
        var jury = await contest.JuryAsync(staff, round);
        foreach (var judge in jury)
        {
            await contest.ScoreAsync(judge, a, 35, 35, 8, 8);
            await contest.ScoreAsync(judge, b, pointsB);
        }
        await contest.DecideAsync(staff, round, a);
        return new TwoEntries(host, contest, staff, round, a, b, producerB, jury);
    }

    /// <summary>B complains; the council sends it back for re-scoring.</summary>
    private static async Task RescoreAsync(TwoEntries t)
    {
        var complaints = t.Host.Get<ComplaintService>();
        await complaints.FileAsync(t.ProducerB, t.Round, t.B, ComplaintKind.Complaint, "Mẫu chưa được xem", []);
        var filed = Assert.Single(await complaints.ForRoundAsync(t.Staff, t.Round));
        await complaints.ResolveAsync(t.Staff, filed.Id, filed.Version, ComplaintState.SentForRescoring, "Chấm lại");
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ARescoredEntryShouldGetASupplementaryDecisionAndTheOthersShouldKeepTheirs(DbKind kind)
    {
        // Điều 17.2–17.3 and 20.2: the decision is each recognised entry's; a re-scoring after a complaint ends in a
        // supplementary decision for that entry only; validity runs to 31/12 of the 4th year counting the issue year.
        var t = await TwoEntriesDecidedAsync(kind, quota: 2, [25, 25, 6, 6]);
        await using var host = t.Host;
        var (contest, staff, round, a, b, jury) = (t.Contest, t.Staff, t.Round, t.A, t.B, t.Jury);

        // B complains; the council sends it back for re-scoring, the chair reopens the sheets, the jury scores again.
        host.SetToday(Start.AddDays(3));
        await RescoreAsync(t);
        var cells = (await host.Get<PanelService>().ProgressAsync(staff, round)).Cells.Where(c => c.EntryId == b && c.SheetId is not null);
        foreach (var cell in cells) await host.Get<ScoringService>().ReopenAsync(jury[0], cell.SheetId!.Value, "Chấm lại theo khiếu nại");
        foreach (var judge in jury) await contest.ScoreAsync(judge, b, 36, 34, 8, 8);
        host.SetToday(new DateOnly(2027, 1, 12));
        await host.Get<ResultsService>().ProposeResultsAsync(staff, round, await contest.VersionOfRoundAsync(staff, round));
        await contest.IssueAsync(staff, round, "3/QĐ-UBND", b);

        var entryA = (await host.Get<EntryService>().GetAsync(staff, a))!.Entry;
        var entryB = (await host.Get<EntryService>().GetAsync(staff, b))!.Entry;
        Assert.Equal(("45/QĐ-UBND", Start, false, new DateOnly(2029, 12, 31)),
            (entryA.Decision!.Number, entryA.Decision.Date, entryA.SupplementaryDecision, entryA.ValidUntil!.Value));
        Assert.Equal(("3/QĐ-UBND", new DateOnly(2027, 1, 12), true, new DateOnly(2030, 12, 31)),
            (entryB.Decision!.Number, entryB.Decision.Date, entryB.SupplementaryDecision, entryB.ValidUntil!.Value));
        var rows = await host.Get<ResultsService>().ResultsAsync(staff, round);
        Assert.Equal(2, rows.Count(r => r.State == EntryState.Recognised));
        var audits = await contest.World.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "decision.recorded").ToListAsync());
        Assert.Contains(audits, e =>
        {
            using var after = System.Text.Json.JsonDocument.Parse(e.After!);
            return after.RootElement.GetProperty("Decision").GetProperty("Number").GetString() == "3/QĐ-UBND"
                && after.RootElement.GetProperty("Supplementary").GetBoolean();
        });
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheQuotaShouldCountEveryEntryRecognisedInTheRound(DbKind kind)
    {
        // Điều 17.2: the council recognises up to the round's number; a supplementary decision cannot go past it.
        var t = await TwoEntriesDecidedAsync(kind, quota: 1, [30, 30, 8, 8]);
        await using var host = t.Host;
        var (contest, staff, round, b) = (t.Contest, t.Staff, t.Round, t.B);
        await RescoreAsync(t);
        await host.Get<ResultsService>().ProposeResultsAsync(staff, round, await contest.VersionOfRoundAsync(staff, round));
        var refused = await Assert.ThrowsAsync<DomainException>(() => contest.IssueAsync(staff, round, "2/QĐ-UBND", b));
        Assert.Contains("1", refused.Message);
        await contest.IssueAsync(staff, round, "2/QĐ-UBND");
        Assert.Equal(EntryState.NotRecognised, (await host.Get<EntryService>().GetAsync(staff, b))!.Entry.State);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ADecisionShouldNotRecogniseAnEntryBelowThePassMarkNorARoundSetOneUnder70(DbKind kind)
    {
        // Điều 17.1: "điểm bình quân đạt từ 70 điểm trở lên".
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var low = await Assert.ThrowsAsync<DomainException>(() => host.Get<RoundService>().CreateAsync(staff,
            contest.Details(ContestLevel.Commune, world.Unit("T4201"), "Kỳ điểm chuẩn thấp") with { PassMark = 60 }, CriteriaTemplates.Regulation));
        Assert.Contains("70", low.Message);

        var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
        var producer = await world.ProducerAsync("T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
        await contest.AcceptAsync(staff, id);
        await contest.AdvanceToJudgingAsync(staff, round);
        foreach (var judge in await contest.JuryAsync(staff, round)) await contest.ScoreAsync(judge, id, 30, 30, 5, 4); // 69
        await host.Get<ResultsService>().ProposeResultsAsync(staff, round, await contest.VersionOfRoundAsync(staff, round));
        var refused = await Assert.ThrowsAsync<DomainException>(() => contest.IssueAsync(staff, round, "45/QĐ-UBND", id));
        Assert.Contains("70", refused.Message);
        Assert.Equal(EntryState.Accepted, (await host.Get<EntryService>().GetAsync(staff, id))!.Entry.State);

        // The pass mark, the sheets and the quota are locked once judging opened.
        var current = (await host.Get<RoundService>().FindAsync(staff, round))!;
        await Assert.ThrowsAsync<DomainException>(() => host.Get<RoundService>().UpdateAsync(staff, round, current.Version, current.Details with { PassMark = 75 }));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheComplaintClockShouldRunFromTheNoticeOnTheCalendarAsCorrectedAndTakeAnyonesComplaint(DbKind kind)
    {
        // Điều 20.1: 15 working days "kể từ ngày thông báo kết quả"; Điều 20.2: resolved within 10 working days of receipt;
        // Điều 20 sets no limit on who complains: any facility, about any entry, or a letter recorded by staff.
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
        var producer = await world.ProducerAsync("T4201", "HTX Được Công Nhận");
        var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
        await contest.JudgeAndDecideAsync(staff, round, "42", [id], [id]);
        var roundRecord = (await host.Get<RoundService>().FindAsync(staff, round))!;
        var calendars = host.Get<CalendarService>();
        var before = ContestDeadlines.Complaint(Start, await calendars.ForRoundAsync(roundRecord, Start));
        Assert.Equal(Start, (await host.Get<EntryService>().GetAsync(staff, id))!.Entry.Notice!.On);

        // The province adds a day off inside the window before it passes: the window moves with it.
        var provinceStaff = await world.UserAsync(Roles.ProvinceStaff, "42");
        await calendars.SetAsync(provinceStaff, Start.AddDays(9), CalendarDayKind.DayOff, "Nghỉ bù của tỉnh", world.Unit("42"));
        var last = ContestDeadlines.Complaint(Start, await calendars.ForRoundAsync(roundRecord, Start));
        Assert.True(last > before);

        var neighbour = await world.ProducerAsync("T4201", "HTX Hàng Xóm");
        var complaints = host.Get<ComplaintService>();
        var targets = await complaints.TargetsAsync(neighbour, round);
        Assert.Equal(last, targets.RoundWindow!.Due);
        host.SetToday(last);
        await complaints.FileAsync(neighbour, round, id, ComplaintKind.Complaint, "Sản phẩm không do cơ sở tự làm", []);
        host.SetToday(last.AddDays(1));
        var late = await Assert.ThrowsAsync<DomainException>(() => complaints.FileAsync(neighbour, round, null, ComplaintKind.Petition, "Kiến nghị muộn", []));
        Assert.Contains(last.ToString("dd/MM/yyyy"), late.Message);

        // A letter stamped as received on the last day is in time even if recorded later.
        await complaints.RecordPaperAsync(staff, round, null, ComplaintKind.Petition, "Ông Nguyễn Văn An", last, "Đề nghị công khai điểm", []);
        await Assert.ThrowsAsync<DomainException>(() =>
            complaints.RecordPaperAsync(staff, round, null, ComplaintKind.Petition, "Bà Lê Thị Bình", last.AddDays(1), "Muộn", []));
        var rows = await complaints.ForRoundAsync(staff, round);
        Assert.Equal(2, rows.Count);
        var cal = await calendars.ForRoundAsync(roundRecord, last);
        Assert.All(rows, r => Assert.Equal(ContestDeadlines.Resolution(r.ReceivedOn, cal), r.ResolveBy.Due));
        Assert.Contains(rows, r => r.Channel == ComplaintChannel.Paper && r.Complainant == "Ông Nguyễn Văn An" && r.EntryId is null);
        Assert.Contains(rows, r => r.Channel == ComplaintChannel.Online && r.Complainant == "HTX Hàng Xóm" && r.EntryId == id);
        // The staff's table pages the same rows in SQL: oldest first, by kind, by state, sorted by entry code; facilities may not read it.
        var first = await complaints.PageAsync(staff, round, new ComplaintFilter(), new PageRequest(0, 1));
        Assert.Equal((2, "HTX Hàng Xóm"), (first.Total, Assert.Single(first.Items).Complainant));
        var petitions = await complaints.PageAsync(staff, round, new ComplaintFilter(Kind: ComplaintKind.Petition), new PageRequest());
        Assert.Equal("Ông Nguyễn Văn An", Assert.Single(petitions.Items).Complainant);
        Assert.Equal(rows.Single(r => r.EntryId is null).ResolveBy, petitions.Items[0].ResolveBy);
        Assert.Equal(2, (await complaints.PageAsync(staff, round, new ComplaintFilter(ComplaintState.Open), new PageRequest(0, 20, nameof(ComplaintRow.EntryCode), true))).Total);
        Assert.Equal(0, (await complaints.PageAsync(staff, round, new ComplaintFilter(ComplaintState.Dismissed), new PageRequest())).Total);
        await Assert.ThrowsAsync<AccessDeniedException>(() => complaints.PageAsync(neighbour, round, new ComplaintFilter(), new PageRequest()));
        // The entrant is told someone complained about its entry.
        var inbox = (await host.Get<NotificationService>().PageAsync(producer.UserId, null, new PageRequest(0, 200))).Items;
        Assert.Contains(inbox, n => n.Link == $"/producer/entries/{id}" && n.Text.Contains("khiếu nại", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ARecognitionShouldBeRevokedByItsOwnDecisionAuditedToldAndNotSentUp(DbKind kind)
    {
        // Điều 20.3: the authority that recognised may revoke at any time during validity.
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
        var producer = await world.ProducerAsync("T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer, "Chổi đót"));
        await contest.JudgeAndDecideAsync(staff, round, "42", [id], [id]);
        host.SetToday(new DateOnly(2027, 6, 1));
        var revocation = new DecisionRef("88/QĐ-UBND", new DateOnly(2027, 6, 1), "Chủ tịch UBND xã");
        var recognition = host.Get<RecognitionService>();
        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await recognition.RevokeAsync(await world.UserAsync(Roles.LocalStaff, "T4202"), id, await contest.VersionOfEntryAsync(staff, id), revocation, "x"));
        await recognition.RevokeAsync(staff, id, await contest.VersionOfEntryAsync(staff, id), revocation, "Sản phẩm không còn sản xuất tại cơ sở");

        var entry = (await host.Get<EntryService>().GetAsync(staff, id))!.Entry;
        Assert.Equal((EntryState.Revoked, "88/QĐ-UBND"), (entry.State, entry.Revocation!.Number));
        Assert.False(entry.HoldsValidCertificate(host.Today));
        var audit = await world.QueryAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "entry.revoked" && e.EntityId == id.ToString()));
        Assert.Equal(staff.UserId, audit.ActorId);
        using (var before = System.Text.Json.JsonDocument.Parse(audit.Before!))
        using (var after = System.Text.Json.JsonDocument.Parse(audit.After!))
        {
            Assert.Equal((int)EntryState.Recognised, before.RootElement.GetProperty("State").GetInt32());
            Assert.Equal("88/QĐ-UBND", after.RootElement.GetProperty("Revocation").GetProperty("Number").GetString());
            Assert.Equal("Sản phẩm không còn sản xuất tại cơ sở", after.RootElement.GetProperty("RevocationReason").GetString());
        }
        Assert.Contains((await host.Get<NotificationService>().PageAsync(producer.UserId, null, new PageRequest(0, 200))).Items, n => n.Text.Contains("88/QĐ-UBND"));

        var province = await world.UserAsync(Roles.ProvinceStaff, "42");
        var provinceRound = await contest.OpenRoundAsync(province, ContestLevel.Province, "42");
        var candidate = Assert.Single(await host.Get<NominationService>().CandidatesAsync(province, provinceRound));
        Assert.Contains("88/QĐ-UBND", candidate.Refusal);
        await Assert.ThrowsAsync<DomainException>(() => contest.NominateAsync(province, provinceRound, id));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task RegionAndNationalRoundsShouldDrawOnlyValidCertificatesOfTheLevelBelow(DbKind kind)
    {
        // Điều 3.1.c, 12.3, 12.4: a region round takes products recognised by its provinces with a valid certificate,
        // a national round those of the regions; nobody enters them directly.
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var entries = host.Get<EntryService>();

        // A province recognition of December 2026: its certificate runs to 31/12/2029 and has run out by 2030.
        var haTinh = await world.UserAsync(Roles.ProvinceStaff, "42");
        var oldRound = await contest.OpenRoundAsync(haTinh, ContestLevel.Province, "42", "Cấp tỉnh 2026");
        var oldProducer = await world.ProducerAsync("T4202", "HTX Hết Hạn");
        var expired = await contest.SubmittedEntryAsync(oldProducer, oldRound, await world.ProductAsync(oldProducer, "Tương Nam Đàn"));
        await contest.JudgeAndDecideAsync(haTinh, oldRound, "42", [expired], [expired]);
        var later = new DateOnly(2030, 3, 5);
        host.SetToday(later);

        var recognised = new Dictionary<string, Guid>();
        foreach (var (province, commune, name) in new[] { ("42", "T4201", "HTX Gốm Hà Tĩnh"), ("33", "T3301", "HTX Nhãn Hưng Yên") })
        {
            var officer = await world.UserAsync(Roles.ProvinceStaff, province);
            var round = await contest.OpenRoundAsync(officer, ContestLevel.Province, province, $"Cấp tỉnh {province}");
            var producer = await world.ProducerAsync(commune, name);
            var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer, $"Sản phẩm {name}"));
            await contest.JudgeAndDecideAsync(officer, round, province, [id], [id]);
            recognised[province] = id;
        }

        var ministry = await world.UserAsync(Roles.MinistryStaff);
        var north = (await host.Get<KhuyenCong.Showcase.Geography.GeographyService>().DirectoryAsync()).Regions.Single(r => r.Code == "BAC");
        await Assert.ThrowsAsync<AccessDeniedException>(() => contest.OpenRoundAsync(haTinh, ContestLevel.Region, "42", "Khu vực", north.Id));
        var regionRound = await contest.OpenRoundAsync(ministry, ContestLevel.Region, "42", "Khu vực phía Bắc", north.Id);

        var directProducer = await world.ProducerAsync("T4201", "HTX Tự Đăng Ký");
        var direct = await Assert.ThrowsAsync<DomainException>(async () =>
            await entries.StartAsync(directProducer, regionRound, await world.ProductAsync(directProducer)));
        Assert.Equal(Resources.Messages.EntryOnlyByNomination, direct.Message);

        var nominations = host.Get<NominationService>();
        var candidates = await nominations.CandidatesAsync(haTinh, regionRound);
        Assert.Null(candidates.Single(c => c.EntryId == recognised["42"]).Refusal);
        Assert.Contains("31/12/2029", candidates.Single(c => c.EntryId == expired).Refusal);
        await Assert.ThrowsAsync<DomainException>(() => nominations.NominateAsync(haTinh, regionRound, oldRound, contest.Letter("9/SCT-QLCN"), [expired]));
        Assert.DoesNotContain(candidates, c => c.EntryId == recognised["33"]);
        Assert.Equal(1, await contest.NominateAsync(haTinh, regionRound, recognised["42"]));
        Assert.Equal(1, await contest.NominateAsync(await world.UserAsync(Roles.ProvinceStaff, "33"), regionRound, recognised["33"]));

        var regionEntries = (await entries.ForRoundAsync(ministry, regionRound)).Select(r => r.Id).ToArray();
        Assert.Equal(2, regionEntries.Length);
        await contest.JudgeAndDecideAsync(ministry, regionRound, "01", regionEntries, regionEntries);

        var nationalRound = await contest.OpenRoundAsync(ministry, ContestLevel.National, "01", "Cấp quốc gia");
        var national = await nominations.CandidatesAsync(ministry, nationalRound);
        Assert.Equal(2, national.Count(c => c.Eligible));
        Assert.Equal(1, await contest.NominateAsync(ministry, nationalRound, regionEntries[0]));
        var up = Assert.Single(await entries.ForRoundAsync(ministry, nationalRound));
        Assert.Equal(EntryState.Submitted, up.State);
        Assert.Equal(new DateOnly(later.Year + 3, 12, 31), (await entries.GetAsync(ministry, up.Id))!.Entry.LowerLevel!.CertificateValidUntil);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ConflictChecksShouldBeRoundSettingsAndAnInvitedExpertsUnitShouldNotDriveTheCommuneRule(DbKind kind)
    {
        // The regulation has no conflict-of-interest clause (only independent scoring, Điều 16.2): each check is a
        // round setting, on by default; experts may come from outside the unit (Điều 9, 11.2).
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var panel = host.Get<PanelService>();

        async Task<(Guid Round, Guid Entry, UserScope Judge)> RoundAsync(JudgingRules? rules, bool external)
        {
            var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
            if (rules is not null)
                await host.Get<RoundService>().SetJudgingRulesAsync(staff, round, await contest.VersionOfRoundAsync(staff, round), rules);
            var producer = await world.ProducerAsync("T4201");
            var entry = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
            await contest.AcceptAsync(staff, entry);
            var neighbour = await world.UserAsync(Roles.Judge, "T4201");
            await panel.AddMemberAsync(staff, round, neighbour.UserId, PanelBody.Jury, PanelRole.Member, [], external);
            await contest.AdvanceToJudgingAsync(staff, round);
            return (round, entry, neighbour);
        }

        async Task<string?> AutomaticAsync((Guid Round, Guid Entry, UserScope Judge) r) =>
            Assert.Single((await panel.DeclarationFormAsync(r.Judge, r.Round)).Lines).Automatic;

        var byDefault = await RoundAsync(null, external: false);
        Assert.NotNull(await AutomaticAsync(byDefault));
        await panel.DeclareAsync(byDefault.Judge, byDefault.Round, new Dictionary<Guid, string?>());
        Assert.Contains(await panel.ConflictsAsync(staff, byDefault.Round), c => c.Automatic && c.UserId == byDefault.Judge.UserId);
        var off = await RoundAsync(JudgingRules.Default with { Conflicts = ConflictChecks.All & ~ConflictChecks.SameCommune }, external: false);
        Assert.Null(await AutomaticAsync(off));
        var expert = await RoundAsync(null, external: true);
        Assert.Null(await AutomaticAsync(expert));

        // Without the declaration step a judge scores straight away.
        var noDeclaration = await RoundAsync(JudgingRules.Default with { RequireDeclaration = false, Conflicts = ConflictChecks.None }, external: false);
        Assert.NotNull(await host.Get<ScoringService>().SheetAsync(noDeclaration.Judge, noDeclaration.Entry));
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().SheetAsync(byDefault.Judge, byDefault.Entry));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task NobodyWhoScoresShouldSeeAnotherJudgesPointsWhileJudgingIsOpen(DbKind kind)
    {
        // Điều 16.2: "chấm điểm độc lập".
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
        var producer = await world.ProducerAsync("T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
        await contest.AcceptAsync(staff, id);
        await contest.AdvanceToJudgingAsync(staff, round);
        var jury = await contest.JuryAsync(staff, round);
        await contest.ScoreAsync(jury[1], id, 35, 35, 8, 8);
        var chair = jury[0];
        var panel = host.Get<PanelService>();
        var hidden = await panel.ProgressAsync(chair, round);
        Assert.False(hidden.PointsShown);
        Assert.All(hidden.Cells, c => Assert.Null(c.Total));
        Assert.Contains(hidden.Cells, c => c.State == CellState.Submitted);
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ResultsService>().ResultsAsync(chair, round));
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ResultsService>().MinutesPdfAsync(chair, round));
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ResultsService>().FairnessAsync(chair, round));
        // The staff who run the round and do not score follow the points.
        Assert.Contains((await panel.ProgressAsync(staff, round)).Cells, c => c.Total == 86);

        foreach (var judge in new[] { jury[0], jury[2] }) await contest.ScoreAsync(judge, id, 30, 30, 8, 8);
        await host.Get<ResultsService>().ProposeResultsAsync(staff, round, await contest.VersionOfRoundAsync(staff, round));
        var shown = await panel.ProgressAsync(chair, round);
        Assert.True(shown.PointsShown);
        Assert.Contains(shown.Cells, c => c.Total == 86);
        Assert.NotEmpty(await host.Get<ResultsService>().ResultsAsync(chair, round));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task StaffShouldSeeTheThirtyWorkingDayLimitAndAWarningForASecondRoundWithinTwoYears(DbKind kind)
    {
        // DESIGN (processing time): 30 working days from the complete dossier; Điều 14 as amended: a round every two years.
        await using var host = await databases.HostAsync(kind, Start);
        var (_, contest) = await StartAsync(host);
        var world = contest.World;
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
        var producer = await world.ProducerAsync("T4201");
        var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer));
        var roundRecord = (await host.Get<RoundService>().FindAsync(staff, round))!;
        var cal = await host.Get<CalendarService>().ForRoundAsync(roundRecord, Start);
        var processing = (await host.Get<EntryService>().GetAsync(staff, id))!.Processing!;
        Assert.Equal(ContestDeadlines.Processing(Start, cal), processing.Due);
        Assert.Equal(30, processing.WorkingDaysLeft);
        Assert.NotNull(Assert.Single((await host.Get<EntryService>().ReviewQueueAsync(staff, null, new PageRequest())).Items).Processing);

        var again = contest.Details(ContestLevel.Commune, world.Unit("T4201"), "Kỳ năm sau") with { Year = Start.Year + 1 };
        var warning = Assert.Single(await host.Get<RoundService>().WarningsAsync(staff, again, null));
        Assert.Contains(roundRecord.Code, warning);
        Assert.Empty(await host.Get<RoundService>().WarningsAsync(staff, again with { Year = Start.Year + 2 }, null));
    }
}
