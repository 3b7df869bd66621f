namespace KhuyenCong.Showcase.Producers;

/// <summary>A photo stored but not yet owned, with a preview built from the bytes we already hold.</summary>
public sealed record StagedPhoto(NewPhoto Photo, string PreviewDataUrl);
