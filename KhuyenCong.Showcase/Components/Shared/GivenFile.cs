using Microsoft.AspNetCore.Components.Forms;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// A file given to an <see cref="UploadZone"/>: its name and size as the browser says, and its bytes through a stream
/// that tells the zone how much has arrived, so the zone draws the progress and the page only reads.
/// </summary>
public sealed class GivenFile(IBrowserFile file, Action<int> report)
{
    /// <summary>The browser's file, for what is not the upload itself (a first look at a photo's header).</summary>
    public IBrowserFile File { get; } = file;

    public string Name => File.Name;
    public long Size => File.Size;

    /// <summary>The file's bytes, counted on the zone's bar.</summary>
    public Stream OpenReadStream(long maxAllowedSize) => Track(File, maxAllowedSize);

    /// <summary>Another file made from this one (the browser's shrunk copy of a photo), counted on the same bar.</summary>
    public Stream Track(IBrowserFile made, long maxAllowedSize) =>
        new ProgressStream(made.OpenReadStream(maxAllowedSize), made.Size, report);
}
