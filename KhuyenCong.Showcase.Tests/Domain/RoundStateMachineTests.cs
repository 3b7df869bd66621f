using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class RoundStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WithDefaults(2026, 2027);

    public static RoundDetails Details(ContestLevel level = ContestLevel.Province, Guid? unit = null, DecisionRef? establishment = null) => new(
        level, unit ?? Guid.NewGuid(), 2026, "Bình chọn sản phẩm CNNT tiêu biểu tỉnh Hà Tĩnh năm 2026", "Sở Công Thương tỉnh Hà Tĩnh",
        establishment ?? new DecisionRef("1234/QĐ-UBND", new DateOnly(2026, 9, 1), "Phó Chủ tịch UBND tỉnh"),
        new RoundSchedule(new(2026, 10, 1), new(2026, 12, 31), new(2027, 1, 15), new(2027, 1, 20), new(2027, 2, 10), new(2027, 3, 1)),
        70, null, false, 3);

    private static Round RoundIn(RoundState state)
    {
        var round = Round.Create(Details(), "42", CriteriaTemplates.Regulation, Now);
        var steps = new Action<Round>[]
        {
            r => r.Open(),
            r => r.StartReview(),
            r => r.StartJudging(0, 3, Now),
            r => r.ProposeResults(0),
            r => r.IssueDecision(new DecisionRef("99/QĐ-UBND", new DateOnly(2027, 3, 1), "Chủ tịch UBND tỉnh"), 2, Calendar),
            r => r.Close(new DateOnly(2027, 6, 1), 0),
        };
        foreach (var step in steps.Take((int)state)) step(round);
        Assert.Equal(state, round.State);
        return round;
    }

    private static readonly (RoundState From, Action<Round> Step)[] Transitions =
    [
        (RoundState.Draft, r => r.Open()),
        (RoundState.OpenForRegistration, r => r.StartReview()),
        (RoundState.DossierReview, r => r.StartJudging(0, 1, Now)),
        (RoundState.Judging, r => r.ProposeResults(0)),
        (RoundState.ResultsProposed, r => r.IssueDecision(new DecisionRef("1/QĐ", new DateOnly(2027, 3, 1), "A"), 1, Calendar)),
        (RoundState.DecisionIssued, r => r.Close(new DateOnly(2027, 6, 1), 0)),
    ];

    public static TheoryData<RoundState, int> EveryStateAndTransition()
    {
        var data = new TheoryData<RoundState, int>();
        foreach (var state in Enum.GetValues<RoundState>())
            for (var t = 0; t < Transitions.Length; t++) data.Add(state, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTransition))]
    public void OnlyTheNextTransitionShouldBeAllowedFromEachState(RoundState state, int transition)
    {
        var round = RoundIn(state);
        var (from, step) = Transitions[transition];
        if (from == state)
        {
            step(round);
            Assert.Equal(state + 1, round.State);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => step(round));
            Assert.Contains(EnumText.Of(state), error.Message);
            Assert.Equal(state, round.State);
        }
    }

    [Fact]
    public void JudgingShouldNotOpenWhileDossiersAwaitReviewAndShouldFreezeTheCriteria()
    {
        var round = RoundIn(RoundState.DossierReview);
        Assert.Contains("2 hồ sơ", Assert.Throws<DomainException>(() => round.StartJudging(2, 5, Now)).Message);
        Assert.Throws<DomainException>(() => round.StartJudging(0, 0, Now));
        round.StartJudging(0, 5, Now);
        Assert.Equal(Now, round.CriteriaFrozenAt);
        Assert.Throws<DomainException>(() => round.SetCriteria(CriteriaTemplates.Detailed));
    }

    [Fact]
    public void ARoundShouldNotOpenWithoutItsEstablishingDecision()
    {
        var round = Round.Create(Details() with { Establishment = null }, "42", CriteriaTemplates.Regulation, Now);
        Assert.Contains("quyết định", Assert.Throws<DomainException>(round.Open).Message);
    }

    [Fact]
    public void ResultsShouldWaitForEveryEntrysSheets() =>
        Assert.Contains("3 bài", Assert.Throws<DomainException>(() => RoundIn(RoundState.Judging).ProposeResults(3)).Message);

    [Fact]
    public void TheDecisionShouldRespectTheQuotaAndOpenA15WorkingDayComplaintWindow()
    {
        var round = Round.Create(Details() with { Quota = 1 }, "42", CriteriaTemplates.Regulation, Now);
        round.Open();
        round.StartReview();
        round.StartJudging(0, 3, Now);
        round.ProposeResults(0);
        Assert.Throws<DomainException>(() => round.IssueDecision(new DecisionRef("1/QĐ", new DateOnly(2027, 2, 5), "A"), 2, Calendar));
        // Fri 5/2/2027; Tết 2027: Fri 5/2 (30 Tết) and Sat 6/2–Tue 9/2 with make-up days: the window runs past Tết.
        round.IssueDecision(new DecisionRef("1/QĐ", new DateOnly(2027, 2, 5), "A"), 1, Calendar);
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2027, 2, 5), 15), round.ComplaintDeadline);
        Assert.True(round.ComplaintDeadline > new DateOnly(2027, 2, 26));
    }

    [Fact]
    public void ARoundShouldNotCloseDuringTheComplaintWindowOrWithOpenComplaints()
    {
        var round = RoundIn(RoundState.DecisionIssued);
        Assert.Throws<DomainException>(() => round.Close(round.ComplaintDeadline!.Value, 0));
        Assert.Throws<DomainException>(() => round.Close(round.ComplaintDeadline!.Value.AddDays(1), 1));
        round.Close(round.ComplaintDeadline!.Value.AddDays(1), 0);
        Assert.Equal(RoundState.Closed, round.State);
    }

    [Fact]
    public void CriteriaShouldKeepTheRegulationsGroupTotals()
    {
        var round = Round.Create(Details(), "42", CriteriaTemplates.Detailed, Now);
        Assert.Equal(100, round.TotalPoints);
        var wrong = CriteriaTemplates.Detailed.Select(c => c.Code == "1.1" ? c with { MaxPoints = 25 } : c).ToList();
        Assert.Contains("40", Assert.Throws<DomainException>(() => round.SetCriteria(wrong)).Message);
        var halfStep = CriteriaTemplates.Detailed.Select(c => c.Code == "1.1" ? c with { MaxPoints = 19.75m } : c).ToList();
        Assert.Throws<DomainException>(() => round.SetCriteria(halfStep));
    }

    [Fact]
    public void DistrictRoundsShouldOnlyBeRecordedForTheTimeBeforeTheReform()
    {
        var details = Details(ContestLevel.District) with
        {
            Schedule = new RoundSchedule(new(2025, 8, 1), new(2025, 9, 1), new(2025, 9, 2), new(2025, 9, 3), new(2025, 9, 4), new(2025, 9, 5)),
        };
        Assert.Throws<DomainException>(() => Round.Create(details, "436", CriteriaTemplates.Regulation, Now));
        var before = details with { Schedule = new RoundSchedule(new(2023, 4, 1), new(2023, 5, 1), new(2023, 5, 2), new(2023, 5, 3), new(2023, 5, 4), new(2023, 5, 5)) };
        Assert.Equal("H436-2026", Round.Create(before, "436", CriteriaTemplates.Regulation, Now).Code);
    }

    [Fact]
    public void ACertificateShouldBeValidToTheEndOfTheFourthYear() =>
        Assert.Equal(new DateOnly(2026, 12, 31), Round.CertificateValidUntil(new DateOnly(2023, 6, 15)));

    [Fact]
    public void OnlyTheRightStaffShouldManageARound()
    {
        var province = new UnitNode(Guid.NewGuid(), "42", "Hà Tĩnh", UnitKind.Province, null, new(2008, 8, 1), null, false);
        var commune = new UnitNode(Guid.NewGuid(), "M1", "Xã A", UnitKind.Commune, province.Id, new(2025, 7, 1), null, true);
        var other = new UnitNode(Guid.NewGuid(), "33", "Hưng Yên", UnitKind.Province, null, new(2025, 6, 12), null, false);
        var units = new UnitDirectory([province, commune, other], []);
        UserScope As(string role, Guid? unit) => new("u", role, new HashSet<string> { role }, unit, null);

        Assert.True(ContestPolicy.CanManage(As(Roles.ProvinceStaff, province.Id), units, ContestLevel.Province, province.Id));
        Assert.True(ContestPolicy.CanManage(As(Roles.ProvinceStaff, province.Id), units, ContestLevel.Commune, commune.Id));
        Assert.True(ContestPolicy.CanManage(As(Roles.LocalStaff, commune.Id), units, ContestLevel.Commune, commune.Id));
        Assert.False(ContestPolicy.CanManage(As(Roles.LocalStaff, commune.Id), units, ContestLevel.Province, province.Id));
        Assert.False(ContestPolicy.CanManage(As(Roles.ProvinceStaff, other.Id), units, ContestLevel.Province, province.Id));
        Assert.False(ContestPolicy.CanManage(As(Roles.Judge, province.Id), units, ContestLevel.Province, province.Id));
        Assert.False(ContestPolicy.CanManage(As(Roles.Producer, commune.Id), units, ContestLevel.Commune, commune.Id));
        Assert.False(ContestPolicy.CanManage(As(Roles.ProvinceStaff, province.Id), units, ContestLevel.Region, province.Id));
        Assert.True(ContestPolicy.CanManage(As(Roles.Admin, null), units, ContestLevel.National, province.Id));
        Assert.False(ContestPolicy.LevelFitsUnit(ContestLevel.Province, commune));
    }
}
