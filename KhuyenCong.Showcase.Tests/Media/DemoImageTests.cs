using KhuyenCong.Showcase.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace KhuyenCong.Showcase.Tests.Media;

public sealed class DemoImageTests
{
    private static Image<Rgb24> Decode(byte[] png) => Image.Load<Rgb24>(png);

    private static int Brightness(Image<Rgb24> image, int x, int y) => image[x, y].R + image[x, y].G + image[x, y].B;

    [Theory]
    [InlineData(640, 480)]
    [InlineData(1, 1)]
    [InlineData(3, 200)]
    public void APictureHasTheSizeAskedForAndIsAPng(int width, int height)
    {
        var png = DemoImage.Render(width, height, seed: 42, view: 0);
        Assert.Equal("PNG", Image.DetectFormat(png)!.Name);
        using var image = Decode(png);
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void TheSameArgumentsGiveTheSameBytes() => Assert.Equal(DemoImage.Render(120, 90, 7, 1), DemoImage.Render(120, 90, 7, 1));

    [Fact]
    public void EachViewIsADifferentPicture()
    {
        var views = Enumerable.Range(0, 3).Select(view => DemoImage.Render(120, 90, 7, view)).ToArray();
        Assert.NotEqual(views[0], views[1]);
        Assert.NotEqual(views[0], views[2]);
        Assert.NotEqual(views[1], views[2]);
    }

    [Fact]
    public void NeighbouringSeedsGetDifferentColours()
    {
        var colours = Enumerable.Range(1, 10).Select(seed =>
        {
            using var image = Decode(DemoImage.Render(8, 8, seed, 0));
            return image[0, 0].ToString();
        }).ToHashSet();
        Assert.True(colours.Count >= 8, string.Join(", ", colours));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ALighterShapeStandsOnADarkeningGradient(int view)
    {
        for (var seed = -5; seed < 25; seed++)
        {
            using var image = Decode(DemoImage.Render(160, 120, seed, view));
            var top = Brightness(image, 0, 0);
            var bottom = Brightness(image, 0, image.Height - 1);
            var brightest = Enumerable.Range(0, image.Width * image.Height).Max(i => Brightness(image, i % image.Width, i / image.Width));
            Assert.True(top > bottom, $"seed {seed}: top {top} bottom {bottom}");
            Assert.True(brightest > top + 60, $"seed {seed} view {view}: shape {brightest} background {top}");
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void AnUnknownViewIsRefused(int view) => Assert.Throws<ArgumentOutOfRangeException>(() => DemoImage.Render(10, 10, 1, view));
}
