using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class EntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Producer = new("p", "Cơ sở A"), Staff = new("s", "Cán bộ B");

    private static readonly DecisionRef Decision = new("15/QĐ-UBND", new DateOnly(2026, 12, 1), "Chủ tịch UBND");

    /// <summary>The frozen copy of what the entry refers to (a product and facility as the dossier records them).</summary>
    internal static DossierVersion Dossier(Entry entry, string productName = "Gốm men rạn")
    {
        var producer = KhuyenCong.Showcase.Producers.Producer.Restore(entry.ProducerId, new KhuyenCong.Showcase.Producers.ProducerDetails(
            KhuyenCong.Showcase.Producers.LegalForm.Cooperative, "HTX Gốm", "28.001", null, "3001234567", "Thôn 1", "Trần Thị Hoa", null, "0912345678",
            null, null, null, null), Guid.NewGuid(), Now);
        var product = KhuyenCong.Showcase.Producers.Product.Restore(entry.ProductId, entry.ProducerId, new KhuyenCong.Showcase.Producers.ProductDetails(
            productName, KhuyenCong.Showcase.Producers.ProductGroup.Handicraft, "Câu chuyện", null, null, null, null, null, null), [], [], Now);
        return DossierVersion.Freeze(entry, product, producer, Now);
    }

    private static void Submit(Entry entry) => entry.Submit([], Dossier(entry), Producer, Now);

    private static Round OpenRound()
    {
        var round = Round.Create(RoundStateMachineTests.Details(), "42", CriteriaTemplates.Regulation, Now);
        round.Open();
        return round;
    }

    [Fact]
    public void AnIncompleteDossierShouldNotBeSubmittedAndShouldSayWhatIsMissing()
    {
        var entry = Entry.Start(OpenRound(), Guid.NewGuid(), Guid.NewGuid(), Producer, Now);
        var error = Assert.Throws<DomainException>(() => entry.Submit(["3 ảnh màu (thiếu: Mặt bên)"], Dossier(entry), Producer, Now));
        Assert.Contains("Mặt bên", error.Message);
        Assert.Equal(EntryState.Draft, entry.State);
    }

    [Fact]
    public void AReturnedDossierShouldBeFixedResubmittedAndThenAcceptedWithACode()
    {
        var round = OpenRound();
        var entry = Entry.Start(round, Guid.NewGuid(), Guid.NewGuid(), Producer, Now);
        Submit(entry);
        entry.ReturnForCompletion(round, "Thiếu bản sao giấy đăng ký kinh doanh", Staff, Now);
        Assert.Equal(EntryState.Returned, entry.State);
        entry.EditForms(RegistrationForm.Empty with { SelfMade = true }, DescriptionForm.Empty, Producer, Now);
        Submit(entry);
        entry.Accept(round, Staff, Now);
        Assert.Equal((EntryState.Accepted, "T42-2026-001"), (entry.State, entry.Code));
        Assert.Equal(["created", "submitted", "returned", "forms-saved", "resubmitted", "accepted"], entry.Events.Select(e => e.Action));
        Assert.Null(entry.ReturnReason);
    }

    [Fact]
    public void StaffShouldGiveAReasonToReturnOrToRejectForAnOtherReason()
    {
        var round = OpenRound();
        var entry = Entry.Start(round, Guid.NewGuid(), Guid.NewGuid(), Producer, Now);
        Submit(entry);
        Assert.Throws<DomainException>(() => entry.ReturnForCompletion(round, "  ", Staff, Now));
        Assert.Throws<DomainException>(() => entry.Reject(round, IneligibilityReason.Other, null, Staff, Now));
        entry.Reject(round, IneligibilityReason.NotSelfMade, null, Staff, Now);
        Assert.Equal(EntryState.Rejected, entry.State);
        Assert.Throws<DomainException>(() => entry.Accept(round, Staff, Now));
    }

    [Fact]
    public void AProducerShouldWithdrawOnlyBeforeJudging()
    {
        var round = OpenRound();
        var entry = Entry.Start(round, Guid.NewGuid(), Guid.NewGuid(), Producer, Now);
        Submit(entry);
        entry.Accept(round, Staff, Now);
        round.StartReview();
        round.StartJudging(0, 1, Now);
        Assert.Throws<DomainException>(() => entry.Withdraw(round, Producer, Now));

        var early = Entry.Start(OpenRound(), Guid.NewGuid(), Guid.NewGuid(), Producer, Now);
        early.Withdraw(OpenRound(), Producer, Now);
        Assert.False(early.IsActive);
    }

    [Fact]
    public void EntryCodesShouldFollowEachOtherInTheRound()
    {
        var round = OpenRound();
        var codes = Enumerable.Range(0, 3).Select(_ =>
        {
            var e = Entry.Start(round, Guid.NewGuid(), Guid.NewGuid(), Producer, Now);
            Submit(e);
            e.Accept(round, Staff, Now);
            return e.Code;
        });
        Assert.Equal(["T42-2026-001", "T42-2026-002", "T42-2026-003"], codes);
    }

    [Fact]
    public void OnlyARecognisedEntryShouldBeNominatedAndItShouldKeepItsForms()
    {
        var local = OpenRound();
        var entry = Entry.Start(local, Guid.NewGuid(), Guid.NewGuid(), Producer, Now);
        entry.EditForms(RegistrationForm.Empty with { SelfMade = true, Workers = 12 }, DescriptionForm.Empty with { Highlights = "Men rạn" }, Producer, Now);
        var province = OpenRound();
        var result = new LowerLevelResult(82.5m, "15/QĐ-UBND", new DateOnly(2026, 5, 1), "Kỳ cấp xã");
        var scope = new KhuyenCong.Showcase.Accounts.UserScope("s", "Cán bộ B", new HashSet<string>(), null, null);
        var nomination = new Nomination(province, local, new DecisionRef("52/UBND-KT", new DateOnly(2026, 12, 2), "Chủ tịch UBND"), scope, Now);
        Assert.Throws<DomainException>(() => Entry.Nominate(province, entry, nomination, result, Guid.NewGuid(), Dossier(entry), Staff, Now));

        Submit(entry);
        entry.Accept(local, Staff, Now);
        entry.Decide(Decision, supplementary: false, recognised: true, noticeOn: Decision.Date, Staff, Now);
        var id = Guid.NewGuid();
        var nominated = Entry.Nominate(province, entry, nomination, result, id, DossierVersion.CopyFor(id, Dossier(entry), Now), Staff, Now);
        Assert.Equal((EntryState.Submitted, entry.ProductId, 12, "Men rạn"),
            (nominated.State, nominated.ProductId, nominated.Registration.Workers, nominated.Description.Highlights));
        Assert.Equal(entry.Id, nominated.NominatedFromEntryId);
        Assert.Equal(82.5m, nominated.LowerLevel!.Score);
    }
}
