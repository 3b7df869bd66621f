using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Notifications;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>The inbox (issue 10): paged newest first instead of cut at 100 rows; opening it reads it, and what was new stays findable.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class NotificationPagingTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheInboxShouldPageNewestFirstAndKeepWhatWasNewWhenOpened(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var producer = await world.ProducerAsync("T4201");
        var other = await world.ProducerAsync("T4202", "HTX Khác");
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));
        await world.QueryAsync(async db =>
        {
            for (var i = 0; i < 130; i++) db.Add(new Notification(producer.UserId, $"Tin {i:000}", null, start.AddMinutes(i)));
            db.Add(new Notification(other.UserId, "Tin của cơ sở khác", null, start));
            return await db.SaveChangesAsync();
        });
        var inbox = host.Get<NotificationService>();
        Assert.Equal(130, await inbox.UnreadAsync(producer.UserId));

        var openedAt = await inbox.MarkAllReadAsync(producer.UserId);
        Assert.Equal(0, await inbox.UnreadAsync(producer.UserId));
        Assert.Equal(1, await inbox.UnreadAsync(other.UserId));
        var first = await inbox.PageAsync(producer.UserId, openedAt, new PageRequest(0, 50));
        Assert.Equal(130, first.Total);
        Assert.Equal("Tin 129", first.Items[0].Text);
        var last = await inbox.PageAsync(producer.UserId, null, new PageRequest(2, 50));
        Assert.Equal(["Tin 029", "Tin 000"], new[] { last.Items[0].Text, last.Items[^1].Text });
        Assert.Equal("Tin 000", (await inbox.PageAsync(producer.UserId, null, new PageRequest(0, 1, nameof(Notification.CreatedAt)))).Items[0].Text);

        // Opened again later: nothing is new any more, one message that arrives since is.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.QueryAsync(async db => { db.Add(new Notification(producer.UserId, "Tin mới", null, start.AddDays(1))); return await db.SaveChangesAsync(); });
        var again = await inbox.MarkAllReadAsync(producer.UserId);
        Assert.True(again > openedAt);
        Assert.Equal(["Tin mới"], (await inbox.PageAsync(producer.UserId, again, new PageRequest())).Items.Select(n => n.Text));
        Assert.Equal(131, (await inbox.PageAsync(producer.UserId, null, new PageRequest())).Total);
    }
}
