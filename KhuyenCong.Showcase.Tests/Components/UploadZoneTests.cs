using System.Globalization;
using Bunit;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Resources;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The drop area of photos and documents: its progress while the page reads the bytes, then what the server does.</summary>
public sealed class UploadZoneTests : MudComponentContext
{
    [Fact]
    public async Task TheZoneShowsHowMuchOfTheFileTheHandlerHasReadThenWhatTheServerIsDoingAndIsBusyUntilItReturns()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            var halfway = new TaskCompletionSource();
            var readAll = new TaskCompletionSource();
            var done = new TaskCompletionSource();
            var zone = Render<UploadZone>(p => p.Add(x => x.Accept, "image/*").Add(x => x.Label, "Chọn ảnh: Mặt trước")
                .Add(x => x.Working, UiText.Photo_Processing)
                .Add(x => x.OnFile, async file =>
                {
                    // The page only reads; the zone counts what it reads.
                    await using var stream = file.OpenReadStream(10_000);
                    var buffer = new byte[420];
                    await stream.ReadExactlyAsync(buffer);
                    await halfway.Task;
                    await stream.CopyToAsync(Stream.Null);
                    await readAll.Task;
                    done.SetResult();
                }));
            Assert.Empty(zone.FindAll("[role=status]"));
            Assert.Equal("Chọn ảnh: Mặt trước", zone.Find("input[type=file]").GetAttribute("aria-label"));
            Assert.Contains("Kéo và thả tệp", zone.Markup);

            // bUnit's UploadFiles returns only when the handler has: give it from another thread, as the browser would.
            var input = zone.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();
            var given = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromBinary(new byte[1000], "mat-truoc.jpg")));
            zone.WaitForAssertion(() => Assert.Equal(string.Format(UiText.Upload_Progress, 42), zone.Find("[role=status] small").TextContent));
            Assert.Equal("42", zone.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
            Assert.NotNull(zone.Find("input[type=file]").GetAttribute("disabled"));

            halfway.SetResult();
            zone.WaitForAssertion(() => Assert.Equal(UiText.Photo_Processing, zone.Find("[role=status] small").TextContent));

            readAll.SetResult();
            zone.WaitForAssertion(() => Assert.Empty(zone.FindAll("[role=status]")));
            await given.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(done.Task.IsCompleted);
            Assert.Null(zone.Find("input[type=file]").GetAttribute("disabled"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void APageBusyWithItsOwnWorkDisablesTheZone()
    {
        var zone = Render<UploadZone>(p => p.Add(x => x.Accept, "application/pdf").Add(x => x.Label, "Thêm tệp").Add(x => x.Disabled, true));
        Assert.NotNull(zone.Find("input[type=file]").GetAttribute("disabled"));
    }

    [Fact]
    public void SeveralFilesGivenAtOnceReachThePageTogetherAndOneFileAloneReachesOnFile()
    {
        IReadOnlyList<string>? received = null;
        var many = Render<UploadZone>(p => p.Add(x => x.Accept, "application/pdf").Add(x => x.Label, "Thêm tệp").Add(x => x.Multiple, true)
            .Add(x => x.OnFiles, files => received = [.. files.Select(f => f.Name)]));
        Assert.NotNull(many.Find("input[type=file]").GetAttribute("multiple"));
        many.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText("a", "bien-ban.pdf"), InputFileContent.CreateFromText("b", "anh-mau.pdf"), InputFileContent.CreateFromText("c", "hoa-don.pdf"));
        many.WaitForAssertion(() => Assert.Equal(["bien-ban.pdf", "anh-mau.pdf", "hoa-don.pdf"], received));

        string? one = null;
        var single = Render<UploadZone>(p => p.Add(x => x.Accept, "text/csv").Add(x => x.Label, "Chọn tệp CSV").Add(x => x.OnFile, f => one = f.Name));
        Assert.Null(single.Find("input[type=file]").GetAttribute("multiple"));
        single.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("ma,ten", "don-vi.csv"));
        single.WaitForAssertion(() => Assert.Equal("don-vi.csv", one));
    }

    [Fact]
    public async Task AStreamReadThroughReportsEachWholePercentOnceAndEndsAt100()
    {
        var reported = new List<int>();
        await using var stream = new ProgressStream(new MemoryStream(new byte[1000]), 1000, reported.Add);
        var buffer = new byte[64];
        while (await stream.ReadAsync(buffer) > 0) { }
        Assert.Equal(100, reported[^1]);
        Assert.Equal(reported.Distinct().Count(), reported.Count);
        Assert.True(reported.SequenceEqual(reported.Order()), string.Join(",", reported));
        Assert.True(reported.Count >= 15, $"{reported.Count} reports for 16 reads");
    }
}
