using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Showcase.Media;

/// <summary>
/// Checks uploads by content and keeps them in the blob store. A stored upload is invisible until a row that owns it
/// commits (the media endpoint serves only owned keys); the owner's service discards it when its save fails, and
/// the sweeper removes whatever a crash left unowned.
/// </summary>
public sealed class MediaService(IBlobStore store, IDbContextFactory<ShowcaseDb> dbFactory, TimeProvider clock, ILogger<MediaService> logger)
{
    public const string UploadPrefix = "uploads/";

    /// <summary>An upload that no row owns after this long is an orphan. Long enough for a slow form.</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(6);

    /// <summary>Checks the photo as picked, before the browser is asked to resize it.</summary>
    public static MediaInfo CheckOriginalImage(string fileName, long size, ReadOnlySpan<byte> header)
    {
        if (size > MediaRules.MaxOriginalImageBytes)
            throw DomainException.Of(Messages.MediaTooLarge, fileName, MediaRules.MaxOriginalImageBytes / (1024 * 1024));
        return CheckImage(fileName, header, MediaRules.MinImageSide);
    }

    /// <summary>Stores a resized photo; thumbnails pass a smaller <paramref name="minSide"/>.</summary>
    public async Task<StoredImage> StoreImageAsync(string fileName, Stream content, int minSide = MediaRules.MinImageSide, CancellationToken ct = default)
    {
        var bytes = await ReadLimitedAsync(fileName, content, MediaRules.MaxStoredImageBytes, ct);
        var info = CheckImage(fileName, bytes, minSide);
        var key = await PutAsync(bytes, info, ct);
        return new StoredImage(key, info.ContentType, bytes.Length, info.Width, info.Height);
    }

    public async Task<StoredFile> StoreDocumentAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        var bytes = await ReadLimitedAsync(fileName, content, MediaRules.MaxDocumentBytes, ct);
        var info = MediaInspector.Inspect(bytes);
        if (info is null || !MediaRules.DocumentKinds.Contains(info.Kind))
        {
            throw MediaInspector.LooksLikeSvgOrHtml(bytes)
                ? DomainException.Of(Messages.MediaSvgRefusedDocument, fileName)
                : DomainException.Of(Messages.MediaNotDocument, fileName);
        }
        if (info.Kind != MediaKind.Pdf) CheckDimensions(fileName, info, MediaRules.MinImageSide);
        var key = await PutAsync(bytes, info, ct);
        return new StoredFile(key, info.ContentType, bytes.Length, Path.GetFileName(fileName));
    }

    /// <summary>Best effort: a key left behind is an orphan the sweeper removes later.</summary>
    public async Task DiscardAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                await store.DeleteAsync(key);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException)
            {
                logger.LogWarning(e, "Could not delete {Key}; the orphan sweeper will retry", key);
            }
        }
    }

    public async Task<bool> AllExistAsync(IEnumerable<string> keys, CancellationToken ct = default)
    {
        foreach (var key in keys)
            if (!await store.ExistsAsync(key, ct)) return false;
        return true;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct = default) => store.OpenReadAsync(key, ct);

    /// <summary>Deletes uploads older than <paramref name="olderThan"/> that no row owns. Returns how many.</summary>
    public async Task<int> SweepOrphansAsync(TimeSpan olderThan, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - olderThan;
        var candidates = new List<string>();
        await foreach (var item in store.ListAsync(UploadPrefix, ct))
            if (item.LastModified < cutoff) candidates.Add(item.Key);

        var removed = 0;
        foreach (var batch in candidates.Chunk(500))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var owned = await OwnedKeysAsync(db, batch, ct);
            foreach (var key in batch.Where(k => !owned.Contains(k)))
            {
                await store.DeleteAsync(key, ct);
                removed++;
            }
        }
        if (removed > 0) logger.LogInformation("Removed {Count} orphaned uploads", removed);
        return removed;
    }

    /// <summary>The keys among <paramref name="keys"/> that a saved row owns. New owners of media add their table here.</summary>
    public static async Task<HashSet<string>> OwnedKeysAsync(ShowcaseDb db, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        owned.UnionWith(await db.Set<ProductPhoto>().Where(p => keys.Contains(p.LargeKey)).Select(p => p.LargeKey).ToListAsync(ct));
        owned.UnionWith(await db.Set<ProductPhoto>().Where(p => keys.Contains(p.ThumbnailKey)).Select(p => p.ThumbnailKey).ToListAsync(ct));
        owned.UnionWith(await db.Set<ProductDocument>().Where(d => keys.Contains(d.BlobKey)).Select(d => d.BlobKey).ToListAsync(ct));
        owned.UnionWith(await db.Set<Contests.ComplaintAttachment>().Where(a => keys.Contains(a.BlobKey)).Select(a => a.BlobKey).ToListAsync(ct));
        return owned;
    }

    private static MediaInfo CheckImage(string fileName, ReadOnlySpan<byte> header, int minSide)
    {
        var info = MediaInspector.Inspect(header);
        if (info is null || !MediaRules.ImageKinds.Contains(info.Kind))
        {
            throw MediaInspector.LooksLikeSvgOrHtml(header)
                ? DomainException.Of(Messages.MediaSvgRefused, fileName)
                : DomainException.Of(Messages.MediaNotImage, fileName);
        }
        CheckDimensions(fileName, info, minSide);
        return info;
    }

    private static void CheckDimensions(string fileName, MediaInfo info, int minSide)
    {
        if (info.Width > MediaRules.MaxImageSide || info.Height > MediaRules.MaxImageSide
            || (long)info.Width * info.Height > MediaRules.MaxImagePixels)
            throw DomainException.Of(Messages.MediaImageTooBig, fileName, info.Width, info.Height, MediaRules.MaxImageSide);
        if (Math.Min(info.Width, info.Height) < minSide)
            throw DomainException.Of(Messages.MediaImageTooSmall, fileName, info.Width, info.Height, minSide);
    }

    private static async Task<byte[]> ReadLimitedAsync(string fileName, Stream content, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
                throw DomainException.Of(Messages.MediaTooLarge, fileName, limit / (1024 * 1024));
        }
        if (buffer.Length == 0) throw DomainException.Of(Messages.MediaEmpty, fileName);
        return buffer.ToArray();
    }

    private async Task<string> PutAsync(byte[] bytes, MediaInfo info, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = $"{UploadPrefix}{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}{MediaRules.Extension(info.Kind)}";
        using var stream = new MemoryStream(bytes, writable: false);
        await store.PutAsync(key, stream, info.ContentType, ct);
        return key;
    }
}
