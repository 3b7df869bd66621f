using System.Text;
using KhuyenCong.Showcase.Media;

namespace KhuyenCong.Showcase.Tests.Media;

public sealed class ContentSnifferTests
{
    [Fact]
    public void APdfIsKnownByItsBytesWhateverTheFileWasCalled() =>
        Assert.True(ContentSniffer.IsPdf(Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")));

    [Theory]
    [InlineData(" %PDF-1.7\n")]
    [InlineData("junk\n%PDF-1.4\n")]
    [InlineData("%PDF")]
    [InlineData("%pdf-1.7\n")]
    public void APdfSignatureCountsOnlyAtTheVeryStart(string text) => Assert.False(ContentSniffer.IsPdf(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    [InlineData("\uFEFF  \r\n\t<SVG viewBox=\"0 0 1 1\"/>")]
    [InlineData("<!doctype html><html></html>")]
    [InlineData("\n<HTML><body onload=\"x()\">")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\">")]
    public void SvgAndHtmlAreRecognisedToBeNamedInTheRefusal(string text) => Assert.True(ContentSniffer.LooksLikeSvgOrHtml(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello <svg>")]
    [InlineData("<sv")]
    [InlineData("%PDF-1.7")]
    public void OtherTextIsNotTakenForSvgOrHtml(string text) => Assert.False(ContentSniffer.LooksLikeSvgOrHtml(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void AnImageIsNotTakenForSvgOrHtml() => Assert.False(ContentSniffer.LooksLikeSvgOrHtml(DemoImage.Render(20, 20, 1, 0)));
}
