// The EF Core mapping of this feature's records, beside them; ShowcaseDb applies every configuration in the assembly.
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Producers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Showcase.Contests;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> round)
    {
        round.ToTable("Rounds");
        round.HasKey(r => r.Id);
        round.Property(r => r.Id).ValueGeneratedNever();
        round.Property(r => r.Code).HasMaxLength(Round.CodeMaxLength).IsRequired();
        round.Property(r => r.Name).HasMaxLength(Round.NameMaxLength).IsRequired();
        round.Property(r => r.SearchKey).HasMaxLength(Round.CodeMaxLength + 1 + Round.NameMaxLength).IsRequired();
        round.Property(r => r.Organiser).HasMaxLength(Round.OrganiserMaxLength).IsRequired();
        round.Property(r => r.PassMark).HasPrecision(5, 2);
        round.Property(r => r.Version).IsConcurrencyToken();
        round.OwnsOne(r => r.Establishment, d => Decision(d, "Establishment"));
        round.OwnsOne(r => r.Recognition, d => Decision(d, "Recognition"));
        // Flags are kept as their number: "SameFacility, SameRegistration, …" would not fit the enum column.
        round.Property(r => r.Conflicts).HasConversion<int>();
        round.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        round.OwnsOne(r => r.Schedule, s =>
        {
            s.Property(x => x.RegistrationOpens).HasColumnName("RegistrationOpens");
            s.Property(x => x.RegistrationCloses).HasColumnName("RegistrationCloses");
            s.Property(x => x.ReviewUntil).HasColumnName("ReviewUntil");
            s.Property(x => x.JudgingFrom).HasColumnName("JudgingFrom");
            s.Property(x => x.JudgingTo).HasColumnName("JudgingTo");
            s.Property(x => x.AnnouncementOn).HasColumnName("AnnouncementOn");
        });
        round.Navigation(r => r.Schedule).IsRequired();
        round.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        round.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        round.Navigation(r => r.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field);
        round.HasIndex(r => new { r.Level, r.UnitId, r.Year });
        round.Ignore(r => r.Details);
        round.Ignore(r => r.Rules);
        round.Ignore(r => r.JudgesPerEntry);
        round.Ignore(r => r.TotalPoints);
        round.Ignore(r => r.AllowsWithdrawal);
    }

    internal static void Decision<T>(OwnedNavigationBuilder<T, DecisionRef> d, string prefix) where T : class
    {
        d.Property(x => x.Number).HasColumnName(prefix + "Number").HasMaxLength(DecisionRef.NumberMaxLength);
        d.Property(x => x.Date).HasColumnName(prefix + "Date");
        d.Property(x => x.Signer).HasColumnName(prefix + "Signer").HasMaxLength(DecisionRef.SignerMaxLength);
    }
}

internal sealed class RoundCriterionConfiguration : IEntityTypeConfiguration<RoundCriterion>
{
    public void Configure(EntityTypeBuilder<RoundCriterion> criterion)
    {
        criterion.ToTable("RoundCriteria");
        criterion.HasKey(c => c.Id);
        criterion.Property(c => c.Id).ValueGeneratedNever();
        criterion.Property(c => c.Code).HasMaxLength(RoundCriterion.CodeMaxLength).IsRequired();
        criterion.Property(c => c.Name).HasMaxLength(RoundCriterion.NameMaxLength).IsRequired();
        criterion.Property(c => c.MaxPoints).HasPrecision(5, 2);
    }
}

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> entry)
    {
        entry.ToTable("Entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.Code).HasMaxLength(Entry.CodeMaxLength);
        entry.Property(e => e.ReturnReason).HasMaxLength(Entry.ReasonMaxLength);
        entry.Property(e => e.RejectionNote).HasMaxLength(Entry.ReasonMaxLength);
        entry.Property(e => e.Score).HasPrecision(6, 3);
        entry.Property(e => e.Version).IsConcurrencyToken();
        entry.OwnsOne(e => e.Registration, r =>
        {
            r.Property(x => x.SelfMade).HasColumnName("DeclaresSelfMade");
            r.Property(x => x.MassProducible).HasColumnName("DeclaresMassProducible");
            r.Property(x => x.MeetsStandards).HasColumnName("DeclaresStandards");
            r.Property(x => x.AnnualCapacity).HasColumnName("AnnualCapacity").HasMaxLength(RegistrationForm.TextMaxLength);
            r.Property(x => x.Workers).HasColumnName("Workers");
            r.Property(x => x.AnnualRevenue).HasColumnName("AnnualRevenue");
        });
        entry.Navigation(e => e.Registration).IsRequired();
        entry.OwnsOne(e => e.Description, d =>
        {
            d.Property(x => x.Highlights).HasColumnName("Highlights").HasMaxLength(DescriptionForm.TextMaxLength);
            d.Property(x => x.EconomicValue).HasColumnName("EconomicValue").HasMaxLength(DescriptionForm.TextMaxLength);
            d.Property(x => x.SocialAndEnvironment).HasColumnName("SocialAndEnvironment").HasMaxLength(DescriptionForm.TextMaxLength);
            d.Property(x => x.CultureAndAesthetics).HasColumnName("CultureAndAesthetics").HasMaxLength(DescriptionForm.TextMaxLength);
        });
        entry.Navigation(e => e.Description).IsRequired();
        entry.OwnsOne(e => e.LowerLevel, l =>
        {
            l.Property(x => x.Score).HasColumnName("LowerScore").HasPrecision(6, 3);
            l.Property(x => x.DecisionNumber).HasColumnName("LowerDecisionNumber").HasMaxLength(DecisionRef.NumberMaxLength);
            l.Property(x => x.DecisionDate).HasColumnName("LowerDecisionDate");
            l.Property(x => x.RoundName).HasColumnName("LowerRoundName").HasMaxLength(Round.NameMaxLength);
            l.Property(x => x.CertificateValidUntil).HasColumnName("LowerValidUntil");
        });
        entry.OwnsOne(e => e.Decision, d => RoundConfiguration.Decision(d, "Decision"));
        entry.OwnsOne(e => e.Revocation, d => RoundConfiguration.Decision(d, "Revocation"));
        entry.OwnsOne(e => e.Notice, n =>
        {
            n.Property(x => x.On).HasColumnName("NoticeOn");
            n.Property(x => x.Method).HasColumnName("NoticeMethod");
        });
        entry.Property(e => e.RevocationReason).HasMaxLength(Entry.ReasonMaxLength);
        entry.Property(e => e.DossierProductName).HasMaxLength(Product.NameMaxLength);
        entry.HasOne<Round>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Nomination>().WithMany().HasForeignKey(e => e.NominationId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Product>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Producer>().WithMany().HasForeignKey(e => e.ProducerId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Entry>().WithMany().HasForeignKey(e => e.NominatedFromEntryId).OnDelete(DeleteBehavior.Restrict);
        entry.HasMany(e => e.Events).WithOne().HasForeignKey(e => e.EntryId).OnDelete(DeleteBehavior.Cascade);
        entry.Navigation(e => e.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        entry.HasIndex(e => new { e.RoundId, e.State });
        entry.HasIndex(e => new { e.RoundId, e.Code }).IsUnique();
        entry.HasIndex(e => e.ProductId);
        entry.Ignore(e => e.IsActive);
        entry.Ignore(e => e.AwaitsReview);
        entry.Ignore(e => e.IsFrozen);
        entry.Ignore(e => e.IsDecided);
        entry.Ignore(e => e.ValidUntil);
        entry.Ignore(e => e.NextDossierVersion);
    }
}

internal sealed class EntryEventConfiguration : IEntityTypeConfiguration<EntryEvent>
{
    public void Configure(EntityTypeBuilder<EntryEvent> e)
    {
        e.ToTable("EntryEvents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ActorId).HasMaxLength(200).IsRequired();
        e.Property(x => x.ActorName).HasMaxLength(200).IsRequired();
        e.Property(x => x.Action).HasMaxLength(EntryEvent.ActionMaxLength).IsRequired();
        e.Property(x => x.Note).HasMaxLength(EntryEvent.NoteMaxLength);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        c.ToTable("Complaints");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.Property(x => x.FiledById).HasMaxLength(200).IsRequired();
        c.Property(x => x.ComplainantName).HasMaxLength(ComplaintFiling.NameMaxLength).IsRequired();
        c.HasOne<Producer>().WithMany().HasForeignKey(x => x.ComplainantProducerId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => x.ComplainantProducerId);
        c.Property(x => x.FiledByName).HasMaxLength(200).IsRequired();
        c.Property(x => x.Reasons).HasMaxLength(Complaint.TextMaxLength).IsRequired();
        c.Property(x => x.Resolution).HasMaxLength(Complaint.TextMaxLength);
        c.Property(x => x.ResolvedById).HasMaxLength(200);
        c.Property(x => x.ResolvedByName).HasMaxLength(200);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        c.Navigation(x => x.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ComplaintAttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> a)
    {
        a.ToTable("ComplaintAttachments");
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).ValueGeneratedNever();
        a.Property(x => x.BlobKey).HasMaxLength(ProductPhotoConfiguration.BlobKeyMaxLength).IsRequired();
        a.Property(x => x.ContentType).HasMaxLength(60).IsRequired();
        a.Property(x => x.FileName).HasMaxLength(200).IsRequired();
        a.HasIndex(x => x.BlobKey).IsUnique();
    }
}

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> c)
    {
        c.ToTable("CalendarOverrides");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.Property(x => x.Name).HasMaxLength(CalendarOverride.NameMaxLength).IsRequired();
        c.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        // Not unique: SQL Server would let only one national row (UnitId null) per index; the service replaces a day.
        c.HasIndex(x => new { x.Date, x.UnitId });
    }
}

internal sealed class DossierVersionConfiguration : IEntityTypeConfiguration<DossierVersion>
{
    public void Configure(EntityTypeBuilder<DossierVersion> v)
    {
        v.ToTable("DossierVersions");
        v.HasKey(x => x.Id);
        v.Property(x => x.Id).ValueGeneratedNever();
        v.Property(x => x.ProductName).HasMaxLength(Product.NameMaxLength).IsRequired();
        v.Property(x => x.Content).IsRequired();
        v.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        v.HasIndex(x => new { x.EntryId, x.Number }).IsUnique();
        v.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.DossierVersionId).OnDelete(DeleteBehavior.Cascade);
        v.Navigation(x => x.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFile>
{
    public void Configure(EntityTypeBuilder<DossierFile> f)
    {
        f.ToTable("DossierFiles");
        f.HasKey(x => new { x.DossierVersionId, x.BlobKey });
        f.Property(x => x.BlobKey).HasMaxLength(ProductPhotoConfiguration.BlobKeyMaxLength);
        f.Property(x => x.ContentType).HasMaxLength(60).IsRequired();
        f.Property(x => x.FileName).HasMaxLength(200);
        f.HasIndex(x => x.BlobKey);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> n)
    {
        n.ToTable("Nominations");
        n.HasKey(x => x.Id);
        n.Property(x => x.Id).ValueGeneratedNever();
        n.Property(x => x.Authority).HasMaxLength(Nomination.AuthorityMaxLength).IsRequired();
        n.Property(x => x.ById).HasMaxLength(200).IsRequired();
        n.Property(x => x.ByName).HasMaxLength(200).IsRequired();
        n.OwnsOne(x => x.Letter, d => RoundConfiguration.Decision(d, "Letter"));
        n.Navigation(x => x.Letter).IsRequired();
        n.HasOne<Round>().WithMany().HasForeignKey(x => x.TargetRoundId).OnDelete(DeleteBehavior.Restrict);
        n.HasOne<Round>().WithMany().HasForeignKey(x => x.SourceRoundId).OnDelete(DeleteBehavior.Restrict);
        n.HasIndex(x => x.TargetRoundId);
    }
}
