// The EF Core mapping of this feature's records, beside them; ShowcaseDb applies every configuration in the assembly.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Showcase.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.ToTable("Notifications");
        n.HasKey(x => x.Id);
        n.Property(x => x.Id).ValueGeneratedNever();
        n.Property(x => x.UserId).HasMaxLength(200).IsRequired();
        n.Property(x => x.Text).HasMaxLength(Notifications.Notification.TextMaxLength).IsRequired();
        n.Property(x => x.Link).HasMaxLength(Notifications.Notification.LinkMaxLength);
        n.HasIndex(x => new { x.UserId, x.ReadAt });
    }
}
