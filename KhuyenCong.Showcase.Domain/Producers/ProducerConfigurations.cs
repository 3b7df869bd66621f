// The EF Core mapping of this feature's records, beside them; ShowcaseDb applies every configuration in the assembly.
using KhuyenCong.Showcase.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Showcase.Producers;

internal sealed class ProducerConfiguration : IEntityTypeConfiguration<Producer>
{
    public void Configure(EntityTypeBuilder<Producer> producer)
    {
        producer.ToTable("Producers");
        producer.HasKey(p => p.Id);
        producer.Property(p => p.Id).ValueGeneratedNever();
        producer.Property(p => p.Name).HasMaxLength(Producer.NameMaxLength).IsRequired();
        producer.Property(p => p.SearchKey).HasMaxLength(Producer.NameMaxLength).IsRequired();
        producer.Property(p => p.RegistrationNumber).HasMaxLength(Producer.RegistrationNumberMaxLength).IsRequired();
        producer.Property(p => p.TaxCode).HasMaxLength(Producer.TaxCodeMaxLength);
        producer.Property(p => p.Address).HasMaxLength(Producer.AddressMaxLength).IsRequired();
        producer.Property(p => p.Representative).HasMaxLength(Producer.PersonMaxLength).IsRequired();
        producer.Property(p => p.RepresentativePosition).HasMaxLength(Producer.PersonMaxLength);
        producer.Property(p => p.Phone).HasMaxLength(Producer.PhoneMaxLength).IsRequired();
        producer.Property(p => p.Email).HasMaxLength(Producer.EmailMaxLength);
        producer.Property(p => p.Website).HasMaxLength(Producer.WebsiteMaxLength);
        producer.Property(p => p.Version).IsConcurrencyToken();
        producer.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        producer.HasIndex(p => p.SearchKey);
        producer.Ignore(p => p.Details);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("Products");
        product.HasKey(p => p.Id);
        product.Property(p => p.Id).ValueGeneratedNever();
        product.Property(p => p.Name).HasMaxLength(Product.NameMaxLength).IsRequired();
        product.Property(p => p.SearchKey).HasMaxLength(Product.NameMaxLength).IsRequired();
        product.Property(p => p.Story).HasMaxLength(Product.StoryMaxLength).IsRequired();
        product.Property(p => p.Materials).HasMaxLength(Product.TextMaxLength);
        product.Property(p => p.Process).HasMaxLength(Product.TextMaxLength);
        product.Property(p => p.Market).HasMaxLength(Product.TextMaxLength);
        product.Property(p => p.Specifications).HasMaxLength(Product.TextMaxLength);
        product.Property(p => p.Version).IsConcurrencyToken();
        product.HasOne<Producer>().WithMany().HasForeignKey(p => p.ProducerId).OnDelete(DeleteBehavior.Restrict);
        product.HasMany(p => p.Photos).WithOne().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.Navigation(p => p.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        product.Navigation(p => p.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        product.HasIndex(p => p.SearchKey);
        product.Ignore(p => p.Details);
        product.Ignore(p => p.MissingViews);
        product.Ignore(p => p.HasRequiredPhotos);
    }
}

internal sealed class ProductPhotoConfiguration : IEntityTypeConfiguration<ProductPhoto>
{
    public void Configure(EntityTypeBuilder<ProductPhoto> photo)
    {
        photo.ToTable("ProductPhotos");
        photo.HasKey(p => p.Id);
        photo.Property(p => p.Id).ValueGeneratedNever();
        photo.Property(p => p.LargeKey).HasMaxLength(BlobKeyMaxLength).IsRequired();
        photo.Property(p => p.ThumbnailKey).HasMaxLength(BlobKeyMaxLength).IsRequired();
        photo.Property(p => p.LargeWebpKey).HasMaxLength(BlobKeyMaxLength).IsRequired();
        photo.Property(p => p.ThumbnailWebpKey).HasMaxLength(BlobKeyMaxLength).IsRequired();
        photo.Property(p => p.ContentType).HasMaxLength(60).IsRequired();
        photo.HasIndex(p => p.LargeKey).IsUnique();
        photo.HasIndex(p => p.ThumbnailKey).IsUnique();
        photo.HasIndex(p => p.LargeWebpKey).IsUnique();
        photo.HasIndex(p => p.ThumbnailWebpKey).IsUnique();
    }

    public const int BlobKeyMaxLength = 200;
}

internal sealed class ProductDocumentConfiguration : IEntityTypeConfiguration<ProductDocument>
{
    public void Configure(EntityTypeBuilder<ProductDocument> document)
    {
        document.ToTable("ProductDocuments");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.Number).HasMaxLength(DocumentInfo.NumberMaxLength);
        document.Property(d => d.Issuer).HasMaxLength(DocumentInfo.IssuerMaxLength);
        document.Property(d => d.BlobKey).HasMaxLength(ProductPhotoConfiguration.BlobKeyMaxLength).IsRequired();
        document.Property(d => d.ContentType).HasMaxLength(60).IsRequired();
        document.Property(d => d.FileName).HasMaxLength(200).IsRequired();
        document.HasIndex(d => d.BlobKey).IsUnique();
    }
}
