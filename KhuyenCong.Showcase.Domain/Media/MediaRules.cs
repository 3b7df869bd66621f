namespace KhuyenCong.Showcase.Media;

/// <summary>Limits on what may be uploaded. Shared by the form (to refuse early) and the service (to refuse for sure).</summary>
public static class MediaRules
{
    /// <summary>A photo as the producer sends it (a phone's 12–50 megapixel JPEG fits).</summary>
    public const long MaxOriginalImageBytes = 20 * 1024 * 1024;
    public const int MaxImageSide = 10_000;
    public const long MaxImagePixels = 60_000_000;

    /// <summary>
    /// TT 26/2014 Điều 12 asks for colour photos of at least 10×15 cm; printed at 200 dpi a 15 cm side needs about
    /// 1 200 points. The regulation names no pixel count: this is our reading of its print size, kept here as one setting.
    /// </summary>
    public const int MinPhotoLongSide = 1200;

    /// <summary>The sizes the server makes of every photo: the large one for dossiers and pages, the thumbnail for lists.</summary>
    public const int LargeImageSide = 1600;
    public const int ThumbnailSide = 400;

    /// <summary>The browser shrinks a photo to this before sending it, only to spare a producer's mobile data.</summary>
    public const int UploadImageSide = 2400;

    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>Decoding never takes more than this much memory, whatever a file claims.</summary>
    public const int DecodeMemoryLimitMegabytes = 512;

    public const string ImageAccept = "image/jpeg,image/png,image/webp";
    public const string DocumentAccept = "application/pdf,image/jpeg,image/png";
}
