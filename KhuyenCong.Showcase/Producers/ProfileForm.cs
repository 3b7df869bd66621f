using KhuyenCong.Showcase.Components.Shared;
using System.ComponentModel.DataAnnotations;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Producers;

public sealed class ProfileForm
{
    public LegalForm LegalForm { get; set; } = LegalForm.HouseholdBusiness;

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProducerNameRequired))]
    [TextLength(Producer.NameMaxLength)]
    public string Name { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProducerRegistrationRequired))]
    [TextLength(Producer.RegistrationNumberMaxLength)]
    public string RegistrationNumber { get; set; } = "";

    public DateOnly? RegistrationDate { get; set; }

    [TextLength(Producer.TaxCodeMaxLength)]
    public string? TaxCode { get; set; }

    public Guid? ProvinceId { get; set; }

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProducerUnitMustBeCurrentCommune))]
    public Guid? CommuneId { get; set; }

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProducerAddressRequired))]
    [TextLength(Producer.AddressMaxLength)]
    public string Address { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProducerRepresentativeRequired))]
    [TextLength(Producer.PersonMaxLength)]
    public string Representative { get; set; } = "";

    [TextLength(Producer.PersonMaxLength)]
    public string? RepresentativePosition { get; set; }

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProducerPhoneRequired))]
    [TextLength(Producer.PhoneMaxLength)]
    public string Phone { get; set; } = "";

    [TextLength(Producer.EmailMaxLength)]
    public string? Email { get; set; }

    [TextLength(Producer.WebsiteMaxLength)]
    public string? Website { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public ProducerDetails ToDetails() => new(LegalForm, Name, RegistrationNumber, RegistrationDate, TaxCode, Address,
        Representative, RepresentativePosition, Phone, Email, Website, Latitude, Longitude);

    public static ProfileForm From(Producer producer, UnitDirectory units) => new()
    {
        LegalForm = producer.LegalForm,
        Name = producer.Name,
        RegistrationNumber = producer.RegistrationNumber,
        RegistrationDate = producer.RegistrationDate,
        TaxCode = producer.TaxCode,
        ProvinceId = units.ProvinceOf(producer.UnitId)?.Id,
        CommuneId = producer.UnitId,
        Address = producer.Address,
        Representative = producer.Representative,
        RepresentativePosition = producer.RepresentativePosition,
        Phone = producer.Phone,
        Email = producer.Email,
        Website = producer.Website,
        Latitude = producer.Latitude,
        Longitude = producer.Longitude,
    };
}
