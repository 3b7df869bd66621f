// The EF Core mapping of this feature's records, beside them; ShowcaseDb applies every configuration in the assembly.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Showcase.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.ActorId).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        entry.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        entry.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        entry.Property(e => e.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsRequired();
        entry.Property(e => e.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength).IsRequired();
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
        entry.HasIndex(e => e.At);
    }
}
