using System.Text;
using KhuyenCong.Showcase.Common;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Gốm Bát Tràng", "gom bat trang")]
    [InlineData("Đồ gỗ mỹ nghệ", "do go my nghe")]
    [InlineData("  NƯỚC   MẮM  Cửa Sót ", "nuoc mam cua sot")]
    [InlineData("Kẹo cu-đơ (Hà Tĩnh)", "keo cu do ha tinh")]
    public void SearchKeyShouldFoldCaseDiacriticsAndDStroke(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.SearchKey(text));

    [Fact]
    public void SearchKeyShouldBeTheSameForComposedAndDecomposedInput()
    {
        var composed = "Thủ công mỹ nghệ".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(VietnameseText.SearchKey(composed), VietnameseText.SearchKey(decomposed));
    }

    [Fact]
    public void CleanShouldStoreComposedTextWithSingleSpaces()
    {
        var decomposed = "  Hợp   tác xã ".Normalize(NormalizationForm.FormD);
        var cleaned = VietnameseText.Clean(decomposed);
        Assert.Equal("Hợp tác xã", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void MoneyShouldUseVietnameseSeparators()
    {
        Assert.Equal("1.234.567 đ", Money.Dong(1_234_567));
        Assert.Equal("20.104 triệu đồng", Money.Million(20_104_000_000));
    }

    [Fact]
    public void MatchingShouldFindTypedWordsWithoutDiacriticsAndKeepEverythingWhenNothingIsTyped()
    {
        string[] names = ["Lọ hoa gốm men rạn", "Khăn lụa tơ tằm", "Chổi đót cán tre"];
        Assert.Equal(["Lọ hoa gốm men rạn"], VietnameseText.Matching(names, "lo hoa gom", n => n));
        Assert.Equal(names, VietnameseText.Matching(names, "  ", n => n));
    }
}
