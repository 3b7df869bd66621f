// The EF Core mapping of this feature's records, beside them; ShowcaseDb applies every configuration in the assembly.
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Showcase.Accounts;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(AppUser.FullNameMaxLength).IsRequired();
        user.Property(u => u.NameKey).HasMaxLength(AppUser.FullNameMaxLength).IsRequired();
        user.HasIndex(u => u.NameKey);
        user.Property(u => u.Position).HasMaxLength(AppUser.PositionMaxLength);
        user.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne<Producer>().WithMany().HasForeignKey(u => u.ProducerId).OnDelete(DeleteBehavior.Restrict);
    }
}
