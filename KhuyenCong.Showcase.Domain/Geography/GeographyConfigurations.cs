// The EF Core mapping of this feature's records, beside them; ShowcaseDb applies every configuration in the assembly.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Showcase.Geography;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> r)
    {
        r.ToTable("Regions");
        r.HasKey(x => x.Id);
        r.Property(x => x.Id).ValueGeneratedNever();
        r.Property(x => x.Code).HasMaxLength(Region.CodeMaxLength).IsRequired();
        r.Property(x => x.Name).HasMaxLength(Region.NameMaxLength).IsRequired();
        r.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class RegionProvinceConfiguration : IEntityTypeConfiguration<RegionProvince>
{
    public void Configure(EntityTypeBuilder<RegionProvince> m)
    {
        m.ToTable("RegionProvinces");
        m.HasKey(x => x.ProvinceId);
        m.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> unit)
    {
        unit.ToTable("AdministrativeUnits");
        unit.HasKey(u => u.Id);
        unit.Property(u => u.Id).ValueGeneratedNever();
        unit.Property(u => u.Code).HasMaxLength(AdministrativeUnit.CodeMaxLength).IsRequired();
        unit.Property(u => u.Name).HasMaxLength(AdministrativeUnit.NameMaxLength).IsRequired();
        unit.Property(u => u.SearchKey).HasMaxLength(AdministrativeUnit.NameMaxLength).IsRequired();
        unit.HasIndex(u => new { u.Code, u.ValidFrom }).IsUnique();
        unit.HasIndex(u => u.SearchKey);
        unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        unit.HasMany(u => u.Successors).WithOne().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Cascade);
        unit.Navigation(u => u.Successors).UsePropertyAccessMode(PropertyAccessMode.Field);
        unit.Ignore(u => u.Tier);
        unit.Ignore(u => u.DisplayName);
    }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> succession)
    {
        succession.ToTable("UnitSuccessions");
        succession.HasKey(s => new { s.PredecessorId, s.SuccessorId });
        succession.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
