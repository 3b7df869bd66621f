using System.Text;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>
/// Issue 7, findings 1, 2 and 13 as the probe found them: a judge with a conflict must not score, a sheet of a
/// conflicted judge never counts, and a decided round's record cannot be changed by reopening a sheet.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class JuryIntegrityTests(DatabaseFixture databases)
{
    private sealed record Judged(ShowcaseHost Host, ContestWorld Contest, UserScope Staff, Guid Round, Guid[] Entries, IReadOnlyList<UserScope> Jury);

    private static async Task<Judged> JudgingAsync(ShowcaseHost host, int entries = 2)
    {
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var staff = await world.UserAsync(Roles.LocalStaff, "T4201");
        var round = await contest.OpenRoundAsync(staff, ContestLevel.Commune, "T4201");
        var ids = new List<Guid>();
        for (var i = 0; i < entries; i++)
        {
            var producer = await world.ProducerAsync("T4201", $"HTX thử {i}");
            var id = await contest.SubmittedEntryAsync(producer, round, await world.ProductAsync(producer, $"Sản phẩm {i}"));
            await contest.AcceptAsync(staff, id);
            ids.Add(id);
        }
        await contest.AdvanceToJudgingAsync(staff, round);
        var jury = await contest.JuryAsync(staff, round);
        return new Judged(host, contest, staff, round, [.. ids], jury);
    }

    private static async Task DeclareAsync(ShowcaseHost host, UserScope judge, Guid round, params Guid[] conflicts) =>
        await host.Get<PanelService>().DeclareAsync(judge, round, conflicts.ToDictionary(c => c, _ => (string?)"Người thân làm việc tại cơ sở"));

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AJudgesListShouldPageOnlyTheirOwnEntriesWithTheirSheetsAndLeaveTheConflictOut(DbKind kind)
    {
        // Điều 16.2: each judge scores the entries given to them; a declared conflict takes the entry off their list.
        await using var host = await databases.HostAsync(kind);
        var j = await JudgingAsync(host, entries: 3);
        var judge = j.Jury[0];
        await DeclareAsync(host, judge, j.Round, j.Entries[2]);
        await j.Contest.ScoreAsync(judge, j.Entries[0], 30, 30, 8, 8);
        var scoring = host.Get<ScoringService>();

        var all = await scoring.AssignedPageAsync(judge, j.Round, new JudgeEntryFilter(), new PageRequest(0, 20));
        Assert.Equal((2, 1), (all.Assigned, all.Submitted));
        Assert.Equal([j.Entries[0], j.Entries[1]], all.Page.Items.Select(e => e.EntryId).Order());
        var scored = all.Page.Items.Single(e => e.EntryId == j.Entries[0]);
        Assert.Equal((SheetState.Submitted, 76m), (scored.SheetState, scored.Total));
        Assert.Null(all.Page.Items.Single(e => e.EntryId == j.Entries[1]).SheetState);

        var toScore = await scoring.AssignedPageAsync(judge, j.Round, new JudgeEntryFilter(OnlyToScore: true), new PageRequest(0, 20));
        Assert.Equal(j.Entries[1], Assert.Single(toScore.Page.Items).EntryId);
        var onePage = await scoring.AssignedPageAsync(judge, j.Round, new JudgeEntryFilter(), new PageRequest(1, 1, nameof(JudgeEntryRow.Code), true));
        Assert.Equal((2, 1), (onePage.Page.Total, onePage.Page.Items.Count));

        // Another judge sees all three; staff, who sit on no jury, see none of it.
        Assert.Equal(3, (await scoring.AssignedPageAsync(j.Jury[1], j.Round, new JudgeEntryFilter(), new PageRequest())).Assigned);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.AssignedPageAsync(j.Staff, j.Round, new JudgeEntryFilter(), new PageRequest()));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AConflictDeclaredInAnotherTabShouldStopTheSheetAlreadyOpen(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var j = await JudgingAsync(host);
        var judge = j.Jury[1];
        await DeclareAsync(host, judge, j.Round);
        // Tab 1 opens the sheet; tab 2 then declares a conflict on that very entry.
        var sheet = await host.Get<ScoringService>().SheetAsync(judge, j.Entries[0]);
        var criteria = (await host.Get<RoundService>().FindAsync(judge, j.Round))!.Criteria.OrderBy(c => c.Order).ToList();
        await DeclareAsync(host, judge, j.Round, j.Entries[0]);

        // Back in tab 1: 100 on every criterion, then submit. Every save is refused on the server.
        var version = sheet.Version;
        foreach (var c in criteria)
            Assert.Equal(Resources.Messages.JudgeConflicted,
                (await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().SetScoreAsync(judge, sheet.Id, version, c.Id, c.MaxPoints))).Message);
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().SetCommentsAsync(judge, sheet.Id, version, "Rất tốt"));
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().SubmitAsync(judge, sheet.Id, version));
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().SheetAsync(judge, j.Entries[0]));

        var stored = await j.Contest.World.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Set<ScoreSheet>(), s => s.Id == sheet.Id));
        Assert.Equal((SheetState.Draft, 0m, (string?)null), (stored.State, stored.Total, stored.Comments));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ASheetSubmittedBeforeAnHonestLateDeclarationShouldBeLeftOutAndShownToStaff(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var j = await JudgingAsync(host);
        await j.Contest.ScoreAsync(j.Jury[0], j.Entries[0], 30, 30, 8, 8);
        await j.Contest.ScoreAsync(j.Jury[1], j.Entries[0], 40, 40, 10, 10);
        await j.Contest.ScoreAsync(j.Jury[2], j.Entries[0], 32, 30, 8, 6);
        // Judge 2 remembers afterwards that a relative works there, and declares it.
        await DeclareAsync(host, j.Jury[1], j.Round, j.Entries[0]);

        var result = (await host.Get<ResultsService>().ResultsAsync(j.Staff, j.Round)).Single(r => r.EntryId == j.Entries[0]).Result;
        Assert.Equal((2, 76m), (result.Sheets, result.Mean!.Value));

        var excluded = Assert.Single(await host.Get<ResultsService>().ExcludedSheetsAsync(j.Staff, j.Round));
        Assert.Equal((j.Entries[0], 100m, SheetExclusion.Conflict), (excluded.EntryId, excluded.Total, excluded.Reason));
        Assert.Contains("Người thân làm việc tại cơ sở", ResultsService.ExclusionText(excluded.Reason, excluded.Detail));

        // The matrix shows the sheet as left out (with its total), not as a plain conflict that hides it.
        var cell = (await host.Get<PanelService>().ProgressAsync(j.Staff, j.Round)).Cells.Single(c => c.EntryId == j.Entries[0] && c.UserId == j.Jury[1].UserId);
        Assert.Equal((CellState.Excluded, 100m), (cell.State, cell.Total));

        // The scores file and the fairness panel leave it out and say so.
        var json = Encoding.UTF8.GetString(await host.Get<ResultsService>().ScoresFileAsync(j.Staff, j.Round));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("sheets").EnumerateArray().Count(s => s.GetProperty("total").GetString() != null));
        var left = Assert.Single(document.RootElement.GetProperty("excluded").EnumerateArray());
        Assert.Equal("100.0", left.GetProperty("total").GetString());
        var withMean = document.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("mean").GetString() is not null && r.GetProperty("sheets").GetInt32() == 2);
        Assert.Equal("76.00", withMean.GetProperty("mean").GetString());
        var fairness = await host.Get<ResultsService>().FairnessAsync(j.Staff, j.Round);
        Assert.DoesNotContain(fairness.Report.Judges, s => s.JudgeId == j.Jury[1].UserId);

        // Withdrawing the declaration now does not bring the sheet back.
        await DeclareAsync(host, j.Jury[1], j.Round);
        Assert.Single(await host.Get<ResultsService>().ExcludedSheetsAsync(j.Staff, j.Round));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheChairShouldNotReopenASheetOnceResultsAreProposedNorInAClosedRound(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var j = await JudgingAsync(host, entries: 1);
        foreach (var judge in j.Jury) await j.Contest.ScoreAsync(judge, j.Entries[0], 35, 30, 8, 8);
        var rounds = host.Get<RoundService>();
        await host.Get<ResultsService>().ProposeResultsAsync(j.Staff, j.Round, await j.Contest.VersionOfRoundAsync(j.Staff, j.Round));
        var before = await host.Get<ResultsService>().ScoresFileAsync(j.Staff, j.Round);
        var sheetId = (await host.Get<PanelService>().ProgressAsync(j.Staff, j.Round)).Cells.First(c => c.SheetId is not null).SheetId!.Value;

        var proposed = await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().ReopenAsync(j.Jury[0], sheetId, "Sửa điểm"));
        Assert.Equal(Resources.Messages.SheetReopenOnlyWhileJudging, proposed.Message);
        await host.Get<ResultsService>().IssueDecisionAsync(j.Staff, j.Round, await j.Contest.VersionOfRoundAsync(j.Staff, j.Round),
            new DecisionRef("45/QĐ-UBND", host.Today, "Chủ tịch UBND"), [j.Entries[0]]);
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().ReopenAsync(j.Jury[0], sheetId, "Sửa điểm"));

        // The scores file — and so the SHA-256 printed on the minutes — is byte for byte what it was.
        Assert.Equal(before, await host.Get<ResultsService>().ScoresFileAsync(j.Staff, j.Round));
        // Nor can a late declaration change which sheets count: declarations lock with the sheets.
        Assert.Equal(Resources.Messages.DeclarationsClosed,
            (await Assert.ThrowsAsync<DomainException>(() => DeclareAsync(host, j.Jury[1], j.Round, j.Entries[0]))).Message);
        Assert.Equal(before, await host.Get<ResultsService>().ScoresFileAsync(j.Staff, j.Round));
        Assert.Equal(EntryState.Recognised, (await host.Get<EntryService>().GetAsync(j.Staff, j.Entries[0]))!.Entry.State);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task OpeningASheetShouldCheckTheAssignmentEvenWhenTheSheetExists(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var j = await JudgingAsync(host, entries: 2);
        foreach (var judge in j.Jury) await DeclareAsync(host, judge, j.Round);
        var first = await host.Get<ScoringService>().SheetAsync(j.Jury[2], j.Entries[0]);

        // A plan stored afterwards in which the third judge no longer has the first entry.
        await j.Contest.World.QueryAsync(async db =>
        {
            db.Add(new JudgeAssignment(j.Round, j.Entries[0], j.Jury[0].UserId));
            db.Add(new JudgeAssignment(j.Round, j.Entries[0], j.Jury[1].UserId));
            db.Add(new JudgeAssignment(j.Round, j.Entries[1], j.Jury[2].UserId));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(Resources.Messages.JudgeNotAssigned,
            (await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().SheetAsync(j.Jury[2], j.Entries[0]))).Message);
        var criterion = (await host.Get<RoundService>().FindAsync(j.Staff, j.Round))!.Criteria[0];
        await Assert.ThrowsAsync<DomainException>(() => host.Get<ScoringService>().SetScoreAsync(j.Jury[2], first.Id, first.Version, criterion.Id, 10));
        Assert.NotNull(await host.Get<ScoringService>().SheetAsync(j.Jury[2], j.Entries[1]));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AddingAPanelMemberShouldCheckTheirRoleAndUnitInTheService(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var j = await JudgingAsync(host, entries: 1);
        var producer = await j.Contest.World.UserAsync(Roles.Producer);
        var otherProvince = await j.Contest.World.UserAsync(Roles.Judge, "33");
        var provinceJudge = await j.Contest.World.UserAsync(Roles.Judge, "T4202");

        Assert.Equal(Resources.Messages.PanelMemberNotJudge, (await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<PanelService>().AddMemberAsync(j.Staff, j.Round, producer.UserId, PanelBody.Jury, PanelRole.Member))).Message);
        Assert.Equal(Resources.Messages.PanelMemberOutsideUnit, (await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<PanelService>().AddMemberAsync(j.Staff, j.Round, otherProvince.UserId, PanelBody.Jury, PanelRole.Member))).Message);
        Assert.Equal(Resources.Messages.PanelMemberDuplicate, (await Assert.ThrowsAsync<DomainException>(() =>
            host.Get<PanelService>().AddMemberAsync(j.Staff, j.Round, j.Jury[0].UserId, PanelBody.Jury, PanelRole.Member))).Message);
        // A judge of another commune of the same province may be borrowed, and is offered by the page.
        Assert.Contains(await host.Get<PanelService>().CandidatesAsync(j.Staff, j.Round), c => c.UserId == provinceJudge.UserId);
        var candidates = await host.Get<PanelService>().CandidatesAsync(j.Staff, j.Round);
        Assert.DoesNotContain(candidates, c => c.UserId == producer.UserId);
        Assert.False(candidates.Single(c => c.UserId == provinceJudge.UserId).FromElsewhere);
        // A judge from another province is offered as an expert invited for the round (Điều 9, 11.2), and joins only as such.
        Assert.True(candidates.Single(c => c.UserId == otherProvince.UserId).FromElsewhere);
        await host.Get<PanelService>().AddMemberAsync(j.Staff, j.Round, provinceJudge.UserId, PanelBody.Council, PanelRole.Member);
        await host.Get<PanelService>().AddMemberAsync(j.Staff, j.Round, otherProvince.UserId, PanelBody.Jury, PanelRole.Member, [], external: true);
        var panel = await host.Get<PanelService>().PanelAsync(j.Staff, j.Round);
        Assert.Equal(5, panel.Count);
        Assert.True(panel.Single(m => m.UserId == otherProvince.UserId).External);
        var otherOfficer = await j.Contest.World.UserAsync(Roles.ProvinceStaff, "33");
        Assert.Equal(Resources.Messages.PanelExpertMustBeJudge, (await Assert.ThrowsAsync<DomainException>(() => host.Get<PanelService>()
            .AddMemberAsync(j.Staff, j.Round, otherOfficer.UserId, PanelBody.Jury, PanelRole.Member, [], external: true))).Message);
    }
}
