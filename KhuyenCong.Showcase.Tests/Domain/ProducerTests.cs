using System.Text;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class ProducerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly AdministrativeUnit Province = Units.Province();
    private static readonly AdministrativeUnit Commune = Units.Commune(Province);

    [Fact]
    public void ShouldStoreCleanComposedTextAndASearchKey()
    {
        var details = new ProducerDetailsBuilder().With(d => d with { Name = "  HTX  Gốm Bát Tràng ".Normalize(NormalizationForm.FormD) }).Build();
        var producer = Producer.Create(details, Commune, Now);
        Assert.Equal("HTX Gốm Bát Tràng", producer.Name);
        Assert.Equal("htx gom bat trang", producer.SearchKey);
        Assert.Equal(Commune.Id, producer.UnitId);
        Assert.Equal("https://example.vn", producer.Website);
    }

    [Fact]
    public void ShouldRequireACurrentCommuneNotAProvinceOrAnOldUnit()
    {
        var details = new ProducerDetailsBuilder().Build();
        Assert.Throws<DomainException>(() => Producer.Create(details, Province, Now));
        var oldCommune = Units.Commune(Province, "10001", "Xã cũ", new DateOnly(2008, 8, 1), new DateOnly(2025, 6, 30));
        var error = Assert.Throws<DomainException>(() => Producer.Create(details, oldCommune, Now));
        Assert.Contains("01/07/2025", error.Message);
    }

    [Theory]
    [InlineData("0101234567")]
    [InlineData("0101234567-001")]
    [InlineData("0101234567001")]
    [InlineData("042198001234")] // a household's 12-digit personal ID, its tax code since 1/7/2025 (TT 86/2024/TT-BTC)
    public void ShouldAcceptTaxCodesOfTenTwelveOrThirteenDigits(string taxCode) =>
        Assert.Equal(taxCode, Producer.Create(new ProducerDetailsBuilder().With(d => d with { TaxCode = taxCode }).Build(), Commune, Now).TaxCode);

    [Theory]
    [InlineData("12345")]
    [InlineData("010123456X")]
    [InlineData("04219800123")]
    public void ShouldRefuseMalformedTaxCodes(string taxCode) =>
        Assert.Contains("Mã số thuế", Assert.Throws<DomainException>(() =>
            Producer.Create(new ProducerDetailsBuilder().With(d => d with { TaxCode = taxCode }).Build(), Commune, Now)).Message);

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84912345678", "+84912345678")]
    [InlineData("0239.3855.123", "02393855123")]
    public void ShouldNormalisePhoneNumbers(string phone, string stored) =>
        Assert.Equal(stored, Producer.Create(new ProducerDetailsBuilder().With(d => d with { Phone = phone }).Build(), Commune, Now).Phone);

    [Theory]
    [InlineData("12345")]
    [InlineData("abc")]
    public void ShouldRefuseBadPhoneNumbers(string phone) =>
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { Phone = phone }).Build(), Commune, Now));

    [Fact]
    public void ShouldRefuseARegistrationDateInTheFuture() =>
        Assert.Throws<DomainException>(() => Producer.Create(
            new ProducerDetailsBuilder().With(d => d with { RegistrationDate = new DateOnly(2030, 1, 1) }).Build(), Commune, Now));

    [Fact]
    public void ShouldRefuseHalfALocationOrOneOutOfRange()
    {
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { Longitude = null }).Build(), Commune, Now));
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { Latitude = 95 }).Build(), Commune, Now));
    }

    [Fact]
    public void ShouldRequireNameRegistrationAddressAndRepresentative()
    {
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { Name = "  " }).Build(), Commune, Now));
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { RegistrationNumber = "" }).Build(), Commune, Now));
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { Address = "" }).Build(), Commune, Now));
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { Representative = "" }).Build(), Commune, Now));
        Assert.Throws<DomainException>(() => Producer.Create(new ProducerDetailsBuilder().With(d => d with { Name = new string('a', 201) }).Build(), Commune, Now));
    }
}
