namespace KhuyenCong.Showcase.Media;

/// <summary>Limits on what may be uploaded. Shared by the form (to refuse early) and the service (to refuse for sure).</summary>
public static class MediaRules
{
    /// <summary>The photo as the producer picks it, before the browser shrinks it.</summary>
    public const long MaxOriginalImageBytes = 20 * 1024 * 1024;
    public const int MaxImageSide = 10_000;
    public const long MaxImagePixels = 60_000_000;
    public const int MinImageSide = 300;

    /// <summary>What the browser sends back after resizing.</summary>
    public const long MaxStoredImageBytes = 5 * 1024 * 1024;
    public const int LargeImageSide = 1600;
    public const int ThumbnailSide = 400;

    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlySet<MediaKind> ImageKinds = new HashSet<MediaKind> { MediaKind.Jpeg, MediaKind.Png, MediaKind.WebP };
    public static readonly IReadOnlySet<MediaKind> DocumentKinds = new HashSet<MediaKind> { MediaKind.Pdf, MediaKind.Jpeg, MediaKind.Png };

    public const string ImageAccept = "image/jpeg,image/png,image/webp";
    public const string DocumentAccept = "application/pdf,image/jpeg,image/png";

    public static string Extension(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => ".jpg",
        MediaKind.Png => ".png",
        MediaKind.WebP => ".webp",
        MediaKind.Pdf => ".pdf",
        _ => "",
    };
}
