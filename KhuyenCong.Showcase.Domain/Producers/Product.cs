using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Producers;

/// <summary>The four product groups of TT 26/2014 Điều 5.</summary>
public enum ProductGroup
{
    Handicraft = 1,
    FoodAndAgroProcessing = 2,
    Machinery = 3,
    Other = 4,
}

/// <summary>The regulation asks for three colour photos taken from the front, the side and above (TT 26/2014 Điều 12).</summary>
public enum PhotoView { Front, Side, Top, Other }

public enum DocumentType
{
    BusinessRegistration,
    QualityCertificate,
    FoodSafetyCertificate,
    Trademark,
    Award,
    Other,
}

public sealed record ProductDetails(
    string Name,
    ProductGroup Group,
    string Story,
    string? Materials,
    string? Process,
    string? Market,
    string? Specifications,
    long? PriceMin,
    long? PriceMax);

public sealed class Product : IVersioned
{
    public const int NameMaxLength = 200;
    public const int StoryMaxLength = 4000;
    public const int TextMaxLength = 2000;
    public const int MaxPhotos = 12;
    public const int MaxDocuments = 20;
    public static readonly IReadOnlyList<PhotoView> RequiredViews = [PhotoView.Front, PhotoView.Side, PhotoView.Top];

    private readonly List<ProductPhoto> _photos = [];
    private readonly List<ProductDocument> _documents = [];

    private Product() { }

    public Guid Id { get; private set; }
    public Guid ProducerId { get; private set; }
    public string Name { get; private set; } = "";
    public string SearchKey { get; private set; } = "";
    public ProductGroup Group { get; private set; }
    public string Story { get; private set; } = "";
    public string? Materials { get; private set; }
    public string? Process { get; private set; }
    public string? Market { get; private set; }
    public string? Specifications { get; private set; }
    public long? PriceMin { get; private set; }
    public long? PriceMax { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<ProductPhoto> Photos => _photos;
    public IReadOnlyList<ProductDocument> Documents => _documents;

    public static Product Create(Guid producerId, ProductDetails details, DateTimeOffset now)
    {
        var product = new Product { Id = Guid.CreateVersion7(), ProducerId = producerId, CreatedAt = now };
        product.Update(details, now);
        return product;
    }

    public void Update(ProductDetails details, DateTimeOffset now)
    {
        var name = VietnameseText.Required(details.Name, NameMaxLength, Messages.ProductNameRequired, nameof(ProductDetails.Name));
        if (!Enum.IsDefined(details.Group)) throw DomainException.At(nameof(ProductDetails.Group), Messages.ProductGroupInvalid);
        var story = VietnameseText.Required(details.Story, StoryMaxLength, Messages.ProductStoryRequired, nameof(ProductDetails.Story));
        if (details.PriceMin < 0 || details.PriceMax < 0) throw DomainException.At(details.PriceMin < 0 ? nameof(ProductDetails.PriceMin) : nameof(ProductDetails.PriceMax), Messages.ProductPriceNegative);
        if (details.PriceMin is { } min && details.PriceMax is { } max && max < min)
            throw DomainException.At(nameof(ProductDetails.PriceMax), Messages.ProductPriceReversed);

        Name = name;
        SearchKey = VietnameseText.SearchKey(name);
        Group = details.Group;
        Story = story;
        Materials = VietnameseText.Optional(details.Materials, TextMaxLength, nameof(ProductDetails.Materials));
        Process = VietnameseText.Optional(details.Process, TextMaxLength, nameof(ProductDetails.Process));
        Market = VietnameseText.Optional(details.Market, TextMaxLength, nameof(ProductDetails.Market));
        Specifications = VietnameseText.Optional(details.Specifications, TextMaxLength, nameof(ProductDetails.Specifications));
        PriceMin = details.PriceMin;
        PriceMax = details.PriceMax;
        UpdatedAt = now;
    }

    public ProductDetails Details => new(Name, Group, Story, Materials, Process, Market, Specifications, PriceMin, PriceMax);

    /// <summary>The product as a frozen dossier recorded it: not checked again, not tracked, never saved.</summary>
    internal static Product Restore(Guid id, Guid producerId, ProductDetails details, IEnumerable<ProductPhoto> photos,
        IEnumerable<ProductDocument> documents, DateTimeOffset at)
    {
        var product = new Product
        {
            Id = id, ProducerId = producerId, Name = details.Name, SearchKey = VietnameseText.SearchKey(details.Name), Group = details.Group,
            Story = details.Story, Materials = details.Materials, Process = details.Process, Market = details.Market,
            Specifications = details.Specifications, PriceMin = details.PriceMin, PriceMax = details.PriceMax, CreatedAt = at, UpdatedAt = at,
        };
        product._photos.AddRange(photos);
        product._documents.AddRange(documents);
        return product;
    }

    public ProductPhoto AddPhoto(PhotoView view, StoredPhoto files, DateTimeOffset now)
    {
        if (_photos.Count >= MaxPhotos) throw DomainException.Of(Messages.ProductTooManyPhotos, MaxPhotos);
        if (view != PhotoView.Other && _photos.Any(p => p.View == view))
            throw DomainException.Of(Messages.ProductPhotoViewTaken, EnumText.Of(view));
        var photo = new ProductPhoto(Id, view, files, now);
        _photos.Add(photo);
        return photo;
    }

    public ProductPhoto RemovePhoto(Guid photoId)
    {
        var photo = _photos.FirstOrDefault(p => p.Id == photoId) ?? throw new NotFoundException();
        _photos.Remove(photo);
        return photo;
    }

    public ProductDocument AddDocument(DocumentInfo info, StoredFile file, DateTimeOffset now)
    {
        if (_documents.Count >= MaxDocuments) throw DomainException.Of(Messages.ProductTooManyDocuments, MaxDocuments);
        var document = new ProductDocument(Id, info, file, now);
        _documents.Add(document);
        return document;
    }

    public ProductDocument RemoveDocument(Guid documentId)
    {
        var document = _documents.FirstOrDefault(d => d.Id == documentId) ?? throw new NotFoundException();
        _documents.Remove(document);
        return document;
    }

    public IReadOnlyList<PhotoView> MissingViews => [.. RequiredViews.Where(v => _photos.All(p => p.View != v))];

    /// <summary>The dossier needs at least three colour photos: front, side and top.</summary>
    public bool HasRequiredPhotos => MissingViews.Count == 0;
}

/// <summary>A file kept in the blob store, as recorded by the row that owns it.</summary>
public sealed record StoredFile(string Key, string ContentType, long SizeBytes, string FileName);

public sealed record StoredImage(string Key, string ContentType, long SizeBytes, int Width, int Height);

/// <summary>The files the server made of one photo: large and thumbnail, in JPEG (everywhere) and WebP (the public pages).</summary>
public sealed record StoredPhoto(StoredImage Large, StoredImage Thumbnail, string LargeWebpKey, string ThumbnailWebpKey)
{
    public IReadOnlyList<string> Keys => [Large.Key, Thumbnail.Key, LargeWebpKey, ThumbnailWebpKey];
}

public sealed class ProductPhoto
{
    private ProductPhoto() { }

    internal ProductPhoto(Guid productId, PhotoView view, StoredPhoto files, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ProductId = productId;
        View = view;
        LargeKey = files.Large.Key;
        ThumbnailKey = files.Thumbnail.Key;
        LargeWebpKey = files.LargeWebpKey;
        ThumbnailWebpKey = files.ThumbnailWebpKey;
        ContentType = files.Large.ContentType;
        SizeBytes = files.Large.SizeBytes;
        Width = files.Large.Width;
        Height = files.Large.Height;
        UploadedAt = now;
    }

    internal static ProductPhoto Restore(Guid id, Guid productId, PhotoView view, string largeKey, string thumbnailKey, string largeWebpKey,
        string thumbnailWebpKey, string contentType, long sizeBytes, int width, int height, DateTimeOffset uploadedAt) => new()
    {
        Id = id, ProductId = productId, View = view, LargeKey = largeKey, ThumbnailKey = thumbnailKey, LargeWebpKey = largeWebpKey,
        ThumbnailWebpKey = thumbnailWebpKey, ContentType = contentType, SizeBytes = sizeBytes, Width = width, Height = height, UploadedAt = uploadedAt,
    };

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public PhotoView View { get; private set; }
    public string LargeKey { get; private set; } = "";
    public string ThumbnailKey { get; private set; } = "";
    public string LargeWebpKey { get; private set; } = "";
    public string ThumbnailWebpKey { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}

public sealed record DocumentInfo(DocumentType Type, string? Number, string? Issuer, DateOnly? IssuedOn, DateOnly? ExpiresOn)
{
    public const int NumberMaxLength = 60;
    public const int IssuerMaxLength = 200;

    /// <summary>The type and dates a document may carry; the upload form asks before the file travels, the record on saving.</summary>
    public void Check()
    {
        if (!Enum.IsDefined(Type)) throw DomainException.At(nameof(Type), Messages.DocumentTypeInvalid);
        SensibleDates.Check(IssuedOn, nameof(IssuedOn));
        SensibleDates.Check(ExpiresOn, nameof(ExpiresOn));
        if (IssuedOn is { } issued && ExpiresOn is { } expires && expires < issued)
            throw DomainException.At(nameof(ExpiresOn), Messages.DocumentExpiryBeforeIssue);
    }
}

public sealed class ProductDocument
{
    private ProductDocument() { }

    internal ProductDocument(Guid productId, DocumentInfo info, StoredFile file, DateTimeOffset now)
    {
        info.Check();
        Id = Guid.CreateVersion7();
        ProductId = productId;
        Type = info.Type;
        Number = VietnameseText.Optional(info.Number, DocumentInfo.NumberMaxLength, nameof(DocumentInfo.Number));
        Issuer = VietnameseText.Optional(info.Issuer, DocumentInfo.IssuerMaxLength, nameof(DocumentInfo.Issuer));
        IssuedOn = info.IssuedOn;
        ExpiresOn = info.ExpiresOn;
        BlobKey = file.Key;
        ContentType = file.ContentType;
        SizeBytes = file.SizeBytes;
        FileName = VietnameseText.Clean(file.FileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : "tai-lieu";
        UploadedAt = now;
    }

    internal static ProductDocument Restore(Guid id, Guid productId, DocumentInfo info, StoredFile file, DateTimeOffset uploadedAt) => new()
    {
        Id = id, ProductId = productId, Type = info.Type, Number = info.Number, Issuer = info.Issuer, IssuedOn = info.IssuedOn,
        ExpiresOn = info.ExpiresOn, BlobKey = file.Key, ContentType = file.ContentType, SizeBytes = file.SizeBytes, FileName = file.FileName,
        UploadedAt = uploadedAt,
    };

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public DocumentType Type { get; private set; }
    public string? Number { get; private set; }
    public string? Issuer { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string BlobKey { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string FileName { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public bool IsExpiredOn(DateOnly day) => ExpiresOn is { } end && end < day;
}
