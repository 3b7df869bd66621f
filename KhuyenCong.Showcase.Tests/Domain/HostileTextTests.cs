using System.Text;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Common.Export;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Producers;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>Issue 7, findings 10 and 11: text that looks empty or lies, dates out of sense, and CSV split on ';'.</summary>
public sealed class HostileTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Geography.AdministrativeUnit Commune = Units.Commune(Units.Province());

    private static ProducerDetails With(Func<ProducerDetails, ProducerDetails> change) => new ProducerDetailsBuilder().With(change).Build();

    [Fact]
    public void ANameOfOnlyZeroWidthSpacesShouldBeRefusedAsEmpty()
    {
        var invisible = "\u200B\u200B\u200C\uFEFF\u2060";
        var refused = Assert.Throws<DomainException>(() => Producer.Create(With(d => d with { Name = invisible }), Commune, Now));
        Assert.Equal(Resources.Messages.ProducerNameRequired, refused.Message);
        Assert.Throws<DomainException>(() => Product.Create(Guid.NewGuid(), Products.Details(name: invisible), Now));
    }

    [Fact]
    public void ARightToLeftOverrideAndANulShouldBeTakenOutOfANameBeforeItIsStored()
    {
        var producer = Producer.Create(With(d => d with { Name = "HTX \u202EGỗ\u0000 mỹ nghệ\u202C" }), Commune, Now);
        Assert.Equal("HTX Gỗ mỹ nghệ", producer.Name);
        Assert.DoesNotContain(producer.Name, c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
        Assert.Equal("Dòng một dòng hai", VietnameseText.Clean("Dòng một\r\n\tdòng hai"));
    }

    [Theory]
    [InlineData("a@b.vn Bcc: x@y.vn")]
    [InlineData("Cơ sở <coso@example.vn>")]
    [InlineData("coso@example.vn, ke-gian@example.vn")]
    [InlineData("coso@localhost")]
    public void AContactEmailShouldBeOneAddressAndNothingElse(string email)
    {
        Assert.False(VietnameseText.IsEmail(email));
        var refused = Assert.Throws<DomainException>(() => Producer.Create(With(d => d with { Email = email }), Commune, Now));
        Assert.Equal(Resources.Messages.ProducerEmailInvalid, refused.Message);
    }

    [Fact]
    public void AnOrdinaryEmailShouldBeKept()
    {
        Assert.True(VietnameseText.IsEmail("htx.maytre+hoso@gmail.com"));
        Assert.Equal("htx.maytre@gmail.com", Producer.Create(With(d => d with { Email = " htx.maytre@gmail.com " }), Commune, Now).Email);
    }

    [Fact]
    public void DatesOutOfSenseShouldBeRefusedWithTheirRange()
    {
        var refused = Assert.Throws<DomainException>(() => Producer.Create(With(d => d with { RegistrationDate = DateOnly.MinValue }), Commune, Now));
        Assert.Equal("Ngày 01/01/0001 không hợp lệ: hãy nhập một ngày từ 01/01/1950 đến 31/12/2100.", refused.Message);
        var product = Product.Create(Guid.NewGuid(), Products.Details(), Now);
        Assert.Throws<DomainException>(() => product.AddDocument(new DocumentInfo(DocumentType.QualityCertificate, "01", "Sở KH&CN", null, new DateOnly(9999, 12, 31)),
            new StoredFile("k", "application/pdf", 10, "a.pdf"), Now));
        var details = ContestWorldLike.Details() with { Establishment = new DecisionRef("1/QĐ", new DateOnly(1, 1, 1), "Chủ tịch") };
        Assert.Throws<DomainException>(() => Round.Create(details, "42", CriteriaTemplates.Regulation, Now));
    }

    [Fact]
    public void ACsvFieldHoldingASemicolonShouldBeQuotedAndAFormulaNeutralised()
    {
        var table = new ExportTable("Danh sách", [new("Sản phẩm"), new("Ghi chú")],
            [["Gỗ;=1+1;=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"], ["Gỗ\tlim", "Bình thường; rất tốt"]]);
        var csv = Encoding.UTF8.GetString(TableExport.ToCsv(table)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n");
        Assert.Equal("\"Gỗ;=1+1;=cmd|' /C calc'!A0\",\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1]);
        Assert.Equal("Gỗ\tlim,\"Bình thường; rất tốt\"", lines[2]);
    }

    private static class ContestWorldLike
    {
        public static RoundDetails Details() => new(ContestLevel.Province, Guid.NewGuid(), 2026, "Kỳ thử", "UBND",
            new DecisionRef("12/QĐ-UBND", new DateOnly(2026, 3, 1), "Chủ tịch UBND"),
            new RoundSchedule(new(2026, 4, 1), new(2026, 5, 1), new(2026, 5, 10), new(2026, 5, 11), new(2026, 5, 20), new(2026, 5, 30)),
            70, null, false, 3);
    }
}
