using System.Text.Json;
using System.Text.Json.Serialization;
using KhuyenCong.Showcase.Producers;

namespace KhuyenCong.Showcase.Contests;

/// <summary>The facility as the dossier recorded it (Phiếu đăng ký, TT 26/2014 Phụ lục 1).</summary>
public sealed record DossierProducer(Guid Id, ProducerDetails Details, Guid UnitId);

public sealed record DossierPhoto(Guid Id, PhotoView View, string LargeKey, string ThumbnailKey, string LargeWebpKey, string ThumbnailWebpKey,
    string ContentType, long SizeBytes, int Width, int Height, DateTimeOffset UploadedAt);

public sealed record DossierDocument(Guid Id, DocumentInfo Info, StoredFile File, DateTimeOffset UploadedAt);

/// <summary>
/// What a dossier is made of when it is submitted: the two forms, the product's texts, the facility's particulars, and
/// the photos and documents it referred to, by their blob keys (keys never change: an edit uploads a new file).
/// </summary>
public sealed record DossierContent(
    Guid ProductId,
    ProductDetails Product,
    DossierProducer Producer,
    IReadOnlyList<DossierPhoto> Photos,
    IReadOnlyList<DossierDocument> Documents,
    RegistrationForm Registration,
    DescriptionForm Description);

public enum DossierFileKind { Photo, Document }

/// <summary>
/// A frozen dossier (TT 26/2014 Điều 13 and 22.1: what is judged, kept and sent up is what the facility submitted). One
/// version per submission; the producer keeps editing the product for later rounds without touching it. Its files are
/// owned by <see cref="DossierFile"/> rows, so a photo removed from the product stays for the dossier that used it.
/// </summary>
public sealed class DossierVersion
{
    public const int ContentMaxLength = 200_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<DossierFile> _files = [];

    private DossierVersion() { }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset FrozenAt { get; private set; }
    public string ProductName { get; private set; } = "";
    public ProductGroup Group { get; private set; }

    /// <summary>The <see cref="DossierContent"/> as JSON, readable without this system.</summary>
    public string Content { get; private set; } = "";

    public IReadOnlyList<DossierFile> Files => _files;

    /// <summary>Freezes what the entry refers to now: its forms, the product with its photos and documents, the facility.</summary>
    public static DossierVersion Freeze(Entry entry, Product product, Producer producer, DateTimeOffset now)
    {
        var content = new DossierContent(product.Id, product.Details, new DossierProducer(producer.Id, producer.Details, producer.UnitId),
            [.. product.Photos.OrderBy(p => p.View).ThenBy(p => p.UploadedAt).Select(p => new DossierPhoto(p.Id, p.View, p.LargeKey, p.ThumbnailKey,
                p.LargeWebpKey, p.ThumbnailWebpKey, p.ContentType, p.SizeBytes, p.Width, p.Height, p.UploadedAt))],
            [.. product.Documents.OrderBy(d => d.UploadedAt).Select(d => new DossierDocument(d.Id,
                new DocumentInfo(d.Type, d.Number, d.Issuer, d.IssuedOn, d.ExpiresOn), new StoredFile(d.BlobKey, d.ContentType, d.SizeBytes, d.FileName),
                d.UploadedAt))],
            entry.Registration with { }, entry.Description with { });
        return Create(entry.Id, entry.NextDossierVersion, content, now);
    }

    /// <summary>The dossier a lower level sends up, as the first version of the new entry: the same content and files.</summary>
    public static DossierVersion CopyFor(Guid entryId, DossierVersion source, DateTimeOffset now) => Create(entryId, 1, source.Read(), now);

    public DossierContent Read() => JsonSerializer.Deserialize<DossierContent>(Content, Json) ?? throw new InvalidOperationException("empty dossier");

    /// <summary>The product as it was submitted, for every view, PDF and export of the dossier.</summary>
    public Product RestoreProduct()
    {
        var c = Read();
        return Product.Restore(c.ProductId, c.Producer.Id, c.Product,
            c.Photos.Select(p => ProductPhoto.Restore(p.Id, c.ProductId, p.View, p.LargeKey, p.ThumbnailKey, p.LargeWebpKey, p.ThumbnailWebpKey,
                p.ContentType, p.SizeBytes, p.Width, p.Height, p.UploadedAt)),
            c.Documents.Select(d => ProductDocument.Restore(d.Id, c.ProductId, d.Info, d.File, d.UploadedAt)), FrozenAt);
    }

    /// <summary>The facility as it was when the dossier was submitted.</summary>
    public Producer RestoreProducer()
    {
        var c = Read();
        return Producer.Restore(c.Producer.Id, c.Producer.Details, c.Producer.UnitId, FrozenAt);
    }

    private static DossierVersion Create(Guid entryId, int number, DossierContent content, DateTimeOffset now)
    {
        var version = new DossierVersion
        {
            Id = Guid.CreateVersion7(), EntryId = entryId, Number = number, FrozenAt = now, ProductName = content.Product.Name,
            Group = content.Product.Group, Content = JsonSerializer.Serialize(content, Json),
        };
        foreach (var photo in content.Photos)
            foreach (var key in new[] { photo.LargeKey, photo.ThumbnailKey, photo.LargeWebpKey, photo.ThumbnailWebpKey }.Where(k => k.Length > 0).Distinct())
                version._files.Add(new DossierFile(version.Id, key, DossierFileKind.Photo,
                    key.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : photo.ContentType, null));
        foreach (var document in content.Documents.Where(d => version._files.All(f => f.BlobKey != d.File.Key)))
            version._files.Add(new DossierFile(version.Id, document.File.Key, DossierFileKind.Document, document.File.ContentType, document.File.FileName));
        return version;
    }
}

/// <summary>A blob a frozen dossier refers to: it stays while the dossier does, whatever the product does with it.</summary>
public sealed class DossierFile
{
    private DossierFile() { }

    internal DossierFile(Guid dossierVersionId, string blobKey, DossierFileKind kind, string contentType, string? fileName)
    {
        DossierVersionId = dossierVersionId;
        BlobKey = blobKey;
        Kind = kind;
        ContentType = contentType;
        FileName = fileName;
    }

    public Guid DossierVersionId { get; private set; }
    public string BlobKey { get; private set; } = "";
    public DossierFileKind Kind { get; private set; }
    public string ContentType { get; private set; } = "";
    public string? FileName { get; private set; }
}
