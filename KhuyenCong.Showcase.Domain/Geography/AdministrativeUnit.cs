using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Geography;

public enum UnitKind
{
    Province,
    CentralCity,
    District,
    Town,
    ProvincialCity,
    UrbanDistrict,
    Commune,
    Ward,
    Township,
    SpecialZone,
}

/// <summary>Three tiers until 1/7/2025, two after (Luật 72/2025/QH15 Điều 51 ended the district tier).</summary>
public enum UnitTier { Province, District, Commune }

/// <summary>
/// An administrative unit as it was during [ValidFrom, ValidTo]. Units are never renamed in place: a reform ends the
/// old row and links it to its successors, so old records keep the names they had and an old code is not a new code.
/// </summary>
public sealed class AdministrativeUnit
{
    public const int CodeMaxLength = 10;
    public const int NameMaxLength = 120;

    private readonly List<UnitSuccession> _successors = [];

    private AdministrativeUnit() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string SearchKey { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public AdministrativeUnit? Parent { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Sample units let the demo run without inventing official ones; they are shown marked as such.</summary>
    public bool IsSample { get; private set; }

    public IReadOnlyList<UnitSuccession> Successors => _successors;

    public UnitTier Tier => TierOf(Kind);

    public static UnitTier TierOf(UnitKind kind) => kind switch
    {
        UnitKind.Province or UnitKind.CentralCity => UnitTier.Province,
        UnitKind.District or UnitKind.Town or UnitKind.ProvincialCity or UnitKind.UrbanDistrict => UnitTier.District,
        _ => UnitTier.Commune,
    };

    public static AdministrativeUnit Create(string code, string name, UnitKind kind, AdministrativeUnit? parent,
        DateOnly validFrom, DateOnly? validTo = null, bool isSample = false)
    {
        code = VietnameseText.Clean(code);
        name = VietnameseText.Clean(name);
        if (code.Length == 0 || code.Length > CodeMaxLength) throw DomainException.Of(Messages.UnitCodeInvalid, code);
        if (name.Length == 0 || name.Length > NameMaxLength) throw DomainException.Of(Messages.UnitNameInvalid, code);
        if (validTo is { } end && end < validFrom) throw DomainException.Of(Messages.UnitValidityReversed, code);

        var tier = TierOf(kind);
        if (tier == UnitTier.Province && parent is not null) throw DomainException.Of(Messages.UnitProvinceHasParent, code);
        if (tier != UnitTier.Province)
        {
            if (parent is null) throw DomainException.Of(Messages.UnitNeedsParent, code);
            var parentOk = tier == UnitTier.District
                ? parent.Tier == UnitTier.Province
                : parent.Tier is UnitTier.Province or UnitTier.District;
            if (!parentOk) throw DomainException.Of(Messages.UnitParentWrongTier, code, parent.Code);
            if (tier == UnitTier.District && validFrom >= DistrictTierEnded)
                throw DomainException.Of(Messages.UnitDistrictAfterReform, code);
        }

        return new AdministrativeUnit
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = name,
            SearchKey = VietnameseText.SearchKey(name),
            Kind = kind,
            Parent = parent,
            ParentId = parent?.Id,
            ValidFrom = validFrom,
            ValidTo = validTo,
            IsSample = isSample,
        };
    }

    /// <summary>The first day without districts (Luật 72/2025/QH15 Điều 51).</summary>
    public static readonly DateOnly DistrictTierEnded = new(2025, 7, 1);

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public void Update(string name, DateOnly validFrom, DateOnly? validTo, AdministrativeUnit? parent)
    {
        name = VietnameseText.Clean(name);
        if (name.Length == 0 || name.Length > NameMaxLength) throw DomainException.Of(Messages.UnitNameInvalid, Code);
        if (validTo is { } end && end < validFrom) throw DomainException.Of(Messages.UnitValidityReversed, Code);
        Name = name;
        SearchKey = VietnameseText.SearchKey(name);
        ValidFrom = validFrom;
        ValidTo = validTo;
        if (parent is not null && parent.Id != ParentId)
        {
            Parent = parent;
            ParentId = parent.Id;
        }
    }

    public void AddSuccessor(AdministrativeUnit successor)
    {
        if (successor.Id == Id) throw DomainException.Of(Messages.UnitSuccessorSelf, Code);
        if (ValidTo is null) throw DomainException.Of(Messages.UnitSuccessorNeedsEnd, Code);
        if (successor.ValidFrom <= ValidFrom) throw DomainException.Of(Messages.UnitSuccessorTooEarly, Code, successor.Code);
        if (_successors.Any(s => s.SuccessorId == successor.Id)) return;
        _successors.Add(new UnitSuccession(Id, successor.Id));
    }

    public string DisplayName => IsSample ? $"{Name} ({Messages.SampleMark})" : Name;
}

/// <summary>An old unit became (part of) a new one; a split has several rows, a merger several predecessors.</summary>
public sealed class UnitSuccession
{
    private UnitSuccession() { }

    internal UnitSuccession(Guid predecessorId, Guid successorId)
    {
        PredecessorId = predecessorId;
        SuccessorId = successorId;
    }

    public Guid PredecessorId { get; private set; }
    public Guid SuccessorId { get; private set; }
}
