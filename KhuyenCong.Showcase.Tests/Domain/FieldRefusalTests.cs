using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Producers;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>
/// A refusal about one input names it (DomainException.Field, the command's property), so a form shows the sentence
/// under that box; a refusal about the whole record names none.
/// </summary>
public sealed class FieldRefusalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("12ab", null, nameof(ProducerDetails.TaxCode))]
    [InlineData(null, "abc", nameof(ProducerDetails.Phone))]
    public void AProducerDetailRefusedNamesItsField(string? taxCode, string? phone, string field)
    {
        var details = new ProducerDetailsBuilder().With(d => d with { TaxCode = taxCode ?? d.TaxCode, Phone = phone ?? d.Phone }).Build();
        var error = Assert.Throws<DomainException>(() => Producer.Create(details, Units.Commune(Units.Province()), Now));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void APriceRangeTheWrongWayRoundIsAboutTheHighestPrice()
    {
        var error = Assert.Throws<DomainException>(() => Product.Create(Guid.NewGuid(), Products.Details() with { PriceMin = 200_000, PriceMax = 100_000 }, Now));
        Assert.Equal(nameof(ProductDetails.PriceMax), error.Field);
        Assert.Equal(nameof(ProductDetails.Name),
            Assert.Throws<DomainException>(() => Product.Create(Guid.NewGuid(), Products.Details(name: "  "), Now)).Field);
    }

    [Fact]
    public void ADocumentExpiringBeforeItWasIssuedIsAboutTheExpiry()
    {
        var info = new DocumentInfo(DocumentType.BusinessRegistration, "28.099", null, new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 1));
        Assert.Equal(nameof(DocumentInfo.ExpiresOn), Assert.Throws<DomainException>(info.Check).Field);
        var nonsense = info with { IssuedOn = new DateOnly(1, 1, 1), ExpiresOn = null };
        Assert.Equal(nameof(DocumentInfo.IssuedOn), Assert.Throws<DomainException>(nonsense.Check).Field);
    }

    /// <summary>
    /// Each milestone of the round's schedule on or after the one before; a pass mark under the 70 points of Điều 17.1
    /// (TT 26/2014/TT-BCT); a decision without its signer.
    /// </summary>
    [Fact]
    public void AScheduleOutOfOrderNamesTheFirstDayBeforeTheOneItFollows()
    {
        var details = RoundStateMachineTests.Details();
        var late = details with { Schedule = details.Schedule with { JudgingTo = details.Schedule.JudgingFrom.AddDays(-1) } };
        var error = Assert.Throws<DomainException>(() => Round.Create(late, "42", CriteriaTemplates.Regulation, Now));
        Assert.Equal(nameof(RoundSchedule.JudgingTo), error.Field);

        var lowMark = details with { PassMark = 60 };
        Assert.Equal(nameof(RoundDetails.PassMark), Assert.Throws<DomainException>(() => Round.Create(lowMark, "42", CriteriaTemplates.Regulation, Now)).Field);
        var unsigned = details with { Establishment = details.Establishment! with { Signer = " " } };
        Assert.Equal(nameof(DecisionRef.Signer), Assert.Throws<DomainException>(() => Round.Create(unsigned, "42", CriteriaTemplates.Regulation, Now)).Field);
    }

    [Fact]
    public void ARefusalAboutTheWholeRecordNamesNoField()
    {
        var round = Round.Create(RoundStateMachineTests.Details(), "42", CriteriaTemplates.Regulation, Now);
        Assert.Null(Assert.Throws<DomainException>(round.StartReview).Field);
    }
}
