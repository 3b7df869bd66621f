using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Data;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Notifications;

/// <summary>A message in the person's in-app inbox: a decision on their dossier, a reminder to score.</summary>
public sealed class Notification
{
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 200;

    private Notification() { }

    public Notification(string userId, string text, string? link, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text;
        Link = link;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

/// <summary>Adds messages to the inbox of every account acting for a facility, in the same save as the change that caused them.</summary>
public static class Notify
{
    public static async Task ProducerAsync(ShowcaseDb db, Guid producerId, string text, string? link, DateTimeOffset at, CancellationToken ct = default)
    {
        var users = await db.Users.Where(u => u.ProducerId == producerId).Select(u => u.Id).ToListAsync(ct);
        foreach (var user in users) db.Add(new Notification(user, text, link, at));
    }
}

public sealed class NotificationService(IDbContextFactory<ShowcaseDb> dbFactory, TimeProvider clock)
{
    private static readonly SortMap<Notification> Sorts =
        new SortMap<Notification>(q => q.OrderByDescending(n => n.CreatedAt), q => q.ThenByDescending(n => n.Id))
            .Add(nameof(Notification.CreatedAt), n => n.CreatedAt);

    /// <summary>
    /// One page of the person's inbox, newest first. With <paramref name="unreadAsOf"/>, only what was unread at that
    /// moment (the page marks everything read when it opens, and still shows which messages were new).
    /// </summary>
    public async Task<Paged<Notification>> PageAsync(string userId, DateTimeOffset? unreadAsOf, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        if (unreadAsOf is { } at) query = query.Where(n => n.ReadAt == null || n.ReadAt >= at);
        return await query.PageAsync(page, Sorts, n => n, ct);
    }

    public async Task<int> UnreadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    /// <summary>Marks the whole inbox read in one statement; returns the moment used, which <see cref="PageAsync"/> takes to find what was new.</summary>
    public async Task<DateTimeOffset> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        // To the millisecond: what every provider stores (SQLite as unix ms, PostgreSQL to the µs), so ReadAt == now compares equal.
        var clockNow = clock.GetUtcNow();
        var now = new DateTimeOffset(clockNow.Ticks - clockNow.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        return now;
    }
}
