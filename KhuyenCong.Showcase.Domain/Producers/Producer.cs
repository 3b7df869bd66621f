using System.Text.RegularExpressions;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Producers;

/// <summary>The forms a cơ sở công nghiệp nông thôn may take (Nghị định 45/2012 Điều 2).</summary>
public enum LegalForm
{
    SmallOrMediumEnterprise,
    Cooperative,
    CooperativeGroup,
    HouseholdBusiness,
}

/// <summary>What the producer types in; the entity checks it.</summary>
public sealed record ProducerDetails(
    LegalForm LegalForm,
    string Name,
    string RegistrationNumber,
    DateOnly? RegistrationDate,
    string? TaxCode,
    string Address,
    string Representative,
    string? RepresentativePosition,
    string Phone,
    string? Email,
    string? Website,
    double? Latitude,
    double? Longitude);

/// <summary>A rural industrial facility (cơ sở CNNT) that registers products and enters contests.</summary>
public sealed partial class Producer : IVersioned
{
    public const int NameMaxLength = 200;
    public const int RegistrationNumberMaxLength = 30;
    public const int TaxCodeMaxLength = 14;
    public const int AddressMaxLength = 300;
    public const int PersonMaxLength = 120;
    public const int PhoneMaxLength = 20;
    public const int EmailMaxLength = 120;
    public const int WebsiteMaxLength = 200;

    private Producer() { }

    public Guid Id { get; private set; }
    public LegalForm LegalForm { get; private set; }
    public string Name { get; private set; } = "";
    public string SearchKey { get; private set; } = "";
    public string RegistrationNumber { get; private set; } = "";
    public DateOnly? RegistrationDate { get; private set; }
    public string? TaxCode { get; private set; }
    public string Address { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public string Representative { get; private set; } = "";
    public string? RepresentativePosition { get; private set; }
    public string Phone { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Website { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; set; }

    public static Producer Create(ProducerDetails details, AdministrativeUnit unit, DateTimeOffset now)
    {
        var producer = new Producer { Id = Guid.CreateVersion7(), CreatedAt = now };
        producer.Update(details, unit, now);
        return producer;
    }

    /// <summary>New and changed profiles use the two-tier structure: a commune-level unit valid today.</summary>
    public void Update(ProducerDetails details, AdministrativeUnit unit, DateTimeOffset now)
    {
        var today = VietnamTime.DateOf(now);
        if (unit.Tier != UnitTier.Commune || !unit.IsValidOn(today))
            throw DomainException.At("CommuneId", Messages.ProducerUnitMustBeCurrentCommune);

        var name = VietnameseText.Required(details.Name, NameMaxLength, Messages.ProducerNameRequired, nameof(ProducerDetails.Name));
        var registration = VietnameseText.Required(details.RegistrationNumber, RegistrationNumberMaxLength, Messages.ProducerRegistrationRequired, nameof(ProducerDetails.RegistrationNumber));
        SensibleDates.Check(details.RegistrationDate, nameof(ProducerDetails.RegistrationDate));
        if (details.RegistrationDate is { } registeredOn && registeredOn > today)
            throw DomainException.At(nameof(ProducerDetails.RegistrationDate), Messages.ProducerRegistrationDateFuture);
        var taxCode = VietnameseText.CleanOrNull(details.TaxCode)?.Replace(" ", "");
        if (taxCode is not null && !TaxCodePattern().IsMatch(taxCode))
            throw DomainException.At(nameof(ProducerDetails.TaxCode), Messages.ProducerTaxCodeInvalid);
        var phone = VietnameseText.Required(details.Phone, PhoneMaxLength, Messages.ProducerPhoneRequired, nameof(ProducerDetails.Phone)).Replace(" ", "").Replace(".", "");
        if (!PhonePattern().IsMatch(phone)) throw DomainException.At(nameof(ProducerDetails.Phone), Messages.ProducerPhoneInvalid);
        var email = VietnameseText.CleanOrNull(details.Email);
        if (email is not null && (email.Length > EmailMaxLength || !VietnameseText.IsEmail(email)))
            throw DomainException.At(nameof(ProducerDetails.Email), Messages.ProducerEmailInvalid);
        var website = VietnameseText.CleanOrNull(details.Website);
        if (website is not null)
        {
            if (!website.Contains("://", StringComparison.Ordinal)) website = "https://" + website;
            if (website.Length > WebsiteMaxLength || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw DomainException.At(nameof(ProducerDetails.Website), Messages.ProducerWebsiteInvalid);
        }
        if (details.Latitude is null != details.Longitude is null)
            throw DomainException.At(details.Latitude is null ? nameof(ProducerDetails.Latitude) : nameof(ProducerDetails.Longitude), Messages.ProducerLocationIncomplete);
        if (details.Latitude is { } lat && (lat is < -90 or > 90 || details.Longitude is < -180 or > 180))
            throw DomainException.At(lat is < -90 or > 90 ? nameof(ProducerDetails.Latitude) : nameof(ProducerDetails.Longitude), Messages.ProducerLocationInvalid);

        LegalForm = Enum.IsDefined(details.LegalForm) ? details.LegalForm : throw DomainException.At(nameof(ProducerDetails.LegalForm), Messages.ProducerLegalFormInvalid);
        Name = name;
        SearchKey = VietnameseText.SearchKey(name);
        RegistrationNumber = registration;
        RegistrationDate = details.RegistrationDate;
        TaxCode = taxCode;
        Address = VietnameseText.Required(details.Address, AddressMaxLength, Messages.ProducerAddressRequired, nameof(ProducerDetails.Address));
        UnitId = unit.Id;
        Representative = VietnameseText.Required(details.Representative, PersonMaxLength, Messages.ProducerRepresentativeRequired, nameof(ProducerDetails.Representative));
        RepresentativePosition = VietnameseText.Optional(details.RepresentativePosition, PersonMaxLength, nameof(ProducerDetails.RepresentativePosition));
        Phone = phone;
        Email = email;
        Website = website;
        Latitude = details.Latitude;
        Longitude = details.Longitude;
        UpdatedAt = now;
    }

    public ProducerDetails Details => new(LegalForm, Name, RegistrationNumber, RegistrationDate, TaxCode, Address,
        Representative, RepresentativePosition, Phone, Email, Website, Latitude, Longitude);

    /// <summary>
    /// A facility as it stood when a dossier froze (the details are taken as they were then, not checked against today's
    /// rules: a dossier's facility keeps the commune it had even after a reform).
    /// </summary>
    internal static Producer Restore(Guid id, ProducerDetails details, Guid unitId, DateTimeOffset at) => new()
    {
        Id = id, LegalForm = details.LegalForm, Name = details.Name, SearchKey = VietnameseText.SearchKey(details.Name),
        RegistrationNumber = details.RegistrationNumber, RegistrationDate = details.RegistrationDate, TaxCode = details.TaxCode,
        Address = details.Address, UnitId = unitId, Representative = details.Representative, RepresentativePosition = details.RepresentativePosition,
        Phone = details.Phone, Email = details.Email, Website = details.Website, Latitude = details.Latitude, Longitude = details.Longitude,
        CreatedAt = at, UpdatedAt = at,
    };

    /// <summary>
    /// Mã số thuế: 10 digits (13 as 10 + "-" + 3 for a branch, with or without the dash), or 12 — the personal
    /// identification number of a household business's owner, which serves as its tax code from 1/7/2025 (Thông tư
    /// 86/2024/TT-BTC).
    /// </summary>
    [GeneratedRegex(@"^(\d{10}(-?\d{3})?|\d{12})$")]
    private static partial Regex TaxCodePattern();

    /// <summary>Landlines and mobiles: 0 or +84 followed by 9–10 digits.</summary>
    [GeneratedRegex(@"^(\+84|0)\d{9,10}$")]
    private static partial Regex PhonePattern();
}
