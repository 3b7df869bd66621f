namespace KhuyenCong.Showcase.Media;

public sealed record BlobItem(string Key, long Size, DateTimeOffset LastModified);

/// <summary>
/// Where photos, dossier files and generated PDFs live: a folder by default, an object store when several
/// instances share the data. Keys are relative, '/'-separated and never come from user input.
/// </summary>
public interface IBlobStore
{
    Task PutAsync(string key, Stream content, string contentType, CancellationToken ct = default);
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);
    Task<bool> ExistsAsync(string key, CancellationToken ct = default);
    Task DeleteAsync(string key, CancellationToken ct = default);
    IAsyncEnumerable<BlobItem> ListAsync(string prefix, CancellationToken ct = default);
}
