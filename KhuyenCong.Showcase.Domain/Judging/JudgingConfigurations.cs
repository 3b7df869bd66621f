// The EF Core mapping of this feature's records, beside them; ShowcaseDb applies every configuration in the assembly.
using KhuyenCong.Showcase.Contests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Showcase.Judging;

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> m)
    {
        m.ToTable("PanelMembers");
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.UserId).HasMaxLength(200).IsRequired();
        m.Property(x => x.FullName).HasMaxLength(PanelMember.NameMaxLength).IsRequired();
        m.Property(x => x.Position).HasMaxLength(PanelMember.NameMaxLength);
        m.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => new { x.RoundId, x.UserId, x.Body }).IsUnique();
        m.Ignore(x => x.Scores);
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> s)
    {
        s.ToTable("ScoreSheets");
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).ValueGeneratedNever();
        s.Property(x => x.JudgeId).HasMaxLength(200).IsRequired();
        s.Property(x => x.Comments).HasMaxLength(ScoreSheet.CommentsMaxLength);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        s.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        s.Navigation(x => x.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
        s.HasIndex(x => new { x.EntryId, x.JudgeId }).IsUnique();
        s.HasIndex(x => new { x.RoundId, x.State });
        s.Ignore(x => x.Total);
    }
}

internal sealed class SheetScoreConfiguration : IEntityTypeConfiguration<SheetScore>
{
    public void Configure(EntityTypeBuilder<SheetScore> s)
    {
        s.ToTable("SheetScores");
        s.HasKey(x => new { x.SheetId, x.CriterionId });
        s.Property(x => x.Points).HasPrecision(5, 2);
        s.HasOne<RoundCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> c)
    {
        c.ToTable("ConflictDeclarations");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.Property(x => x.UserId).HasMaxLength(200).IsRequired();
        c.Property(x => x.Reason).HasMaxLength(ConflictDeclaration.ReasonMaxLength);
        c.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.RoundId, x.EntryId, x.UserId, x.Automatic }).IsUnique();
    }
}

internal sealed class JudgeAssignmentConfiguration : IEntityTypeConfiguration<JudgeAssignment>
{
    public void Configure(EntityTypeBuilder<JudgeAssignment> a)
    {
        a.ToTable("JudgeAssignments");
        a.HasKey(x => new { x.RoundId, x.EntryId, x.UserId });
        a.Property(x => x.UserId).HasMaxLength(200);
        a.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
