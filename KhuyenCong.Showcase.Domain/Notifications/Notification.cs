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
    public async Task<IReadOnlyList<Notification>> InboxAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync(ct);
    }

    public async Task<int> UnreadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct);
        foreach (var n in unread) n.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
