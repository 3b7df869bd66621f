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
            r => r.ProposeResults(),
            r => r.IssueDecision(new DecisionRef("99/QĐ-UBND", new DateOnly(2027, 3, 1), "Chủ tịch UBND tỉnh"), 2),
            r => r.Close(new DateOnly(2027, 6, 1), 0, new DateOnly(2027, 3, 22)),
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
        (RoundState.Judging, r => r.ProposeResults()),
        (RoundState.ResultsProposed, r => r.IssueDecision(new DecisionRef("1/QĐ", new DateOnly(2027, 3, 1), "A"), 1)),
        (RoundState.DecisionIssued, r => r.Close(new DateOnly(2027, 6, 1), 0, null)),
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
    public void AnEntryShortOfSheetsShouldNotHoldBackTheRoundsResults()
    {
        // The number of sheets is a round setting (DESIGN: "no invented rules"); short entries are flagged, not blocking.
        var round = RoundIn(RoundState.Judging);
        round.ProposeResults();
        Assert.Equal(RoundState.ResultsProposed, round.State);
    }

    [Fact]
    public void TheQuotaShouldCountEveryEntryRecognisedInTheRoundAndALaterDecisionShouldBeSupplementary()
    {
        // Điều 17.2–17.3: a decision belongs to each entry; a re-scoring ends in a supplementary decision.
        var round = Round.Create(Details() with { Quota = 2 }, "42", CriteriaTemplates.Regulation, Now);
        round.Open();
        round.StartReview();
        round.StartJudging(0, 3, Now);
        round.ProposeResults();
        Assert.Throws<DomainException>(() => round.IssueDecision(new DecisionRef("1/QĐ", new DateOnly(2027, 2, 5), "A"), 3));
        Assert.False(round.IssueDecision(new DecisionRef("1/QĐ", new DateOnly(2027, 2, 5), "A"), 2));
        round.ReopenForRescoring();
        round.ProposeResults();
        // Two recognised by the first decision and one more by the supplementary one is three: over the quota of two.
        Assert.Throws<DomainException>(() => round.IssueDecision(new DecisionRef("2/QĐ", new DateOnly(2027, 3, 5), "A"), 3));
        Assert.Throws<DomainException>(() => round.IssueDecision(new DecisionRef("2/QĐ", new DateOnly(2027, 2, 1), "A"), 2));
        Assert.True(round.IssueDecision(new DecisionRef("2/QĐ", new DateOnly(2027, 3, 5), "A"), 2));
        Assert.Equal("1/QĐ", round.Recognition!.Number);
    }

    [Fact]
    public void TheComplaintWindowShouldCount15WorkingDaysFromTheNoticeAcrossTet()
    {
        // Điều 20.1: "trong thời hạn 15 ngày làm việc kể từ ngày thông báo kết quả". Notice on Fri 5/2/2027 (30 Tết):
        // the Tết days off do not count, so the window runs past 26/2.
        var deadline = ContestDeadlines.Complaint(new DateOnly(2027, 2, 5), Calendar);
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2027, 2, 5), 15), deadline);
        Assert.True(deadline > new DateOnly(2027, 2, 26));
        // Điều 20.2: resolved within 10 working days of receipt.
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2027, 3, 1), 10), ContestDeadlines.Resolution(new DateOnly(2027, 3, 1), Calendar));
    }

    [Fact]
    public void ARoundShouldNotCloseDuringTheComplaintWindowOrWithOpenComplaints()
    {
        var round = RoundIn(RoundState.DecisionIssued);
        var last = ContestDeadlines.Complaint(new DateOnly(2027, 3, 1), Calendar);
        Assert.Throws<DomainException>(() => round.Close(last, 0, last));
        Assert.Throws<DomainException>(() => round.Close(last.AddDays(1), 1, last));
        round.Close(last.AddDays(1), 0, last);
        Assert.Equal(RoundState.Closed, round.State);
    }

    [Fact]
    public void APassMarkUnder70ShouldBeRefusedAndThePassMarkSheetsAndQuotaShouldLockWhenJudgingOpens()
    {
        // Điều 17.1: "điểm bình quân đạt từ 70 điểm trở lên".
        var low = Assert.Throws<DomainException>(() => Round.Create(Details() with { PassMark = 69.5m }, "42", CriteriaTemplates.Regulation, Now));
        Assert.Contains("Điều 17.1", low.Message);
        var round = Round.Create(Details() with { PassMark = 75 }, "42", CriteriaTemplates.Regulation, Now);
        round.Open();
        round.StartReview();
        round.Update(round.Details with { PassMark = 80, MinimumSheets = 2, Quota = 10 }, "42");
        round.StartJudging(0, 3, Now);
        foreach (var change in new[] { round.Details with { PassMark = 85 }, round.Details with { MinimumSheets = 1 }, round.Details with { Quota = 3 } })
            Assert.Throws<DomainException>(() => round.Update(change, "42"));
        Assert.Equal((80m, 2, 10), (round.PassMark, round.MinimumSheets!.Value, round.Quota!.Value));
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
