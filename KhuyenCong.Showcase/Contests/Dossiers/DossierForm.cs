using KhuyenCong.Showcase.Components.Shared;
using System.ComponentModel.DataAnnotations;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests.Dossiers;

/// <summary>Phiếu đăng ký and Bản thuyết minh as one form: the producer fills both on the dossier page.</summary>
public sealed class DossierForm
{
    public bool SelfMade { get; set; }
    public bool MassProducible { get; set; }
    public bool MeetsStandards { get; set; }

    [TextLength(RegistrationForm.TextMaxLength)]
    public string? AnnualCapacity { get; set; }

    [Range(0, int.MaxValue, ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.EntryNegativeNumber))]
    public int? Workers { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.EntryNegativeNumber))]
    public long? AnnualRevenue { get; set; }

    [TextLength(DescriptionForm.TextMaxLength)]
    public string? Highlights { get; set; }

    [TextLength(DescriptionForm.TextMaxLength)]
    public string? EconomicValue { get; set; }

    [TextLength(DescriptionForm.TextMaxLength)]
    public string? SocialAndEnvironment { get; set; }

    [TextLength(DescriptionForm.TextMaxLength)]
    public string? CultureAndAesthetics { get; set; }

    public RegistrationForm ToRegistration() => new(SelfMade, MassProducible, MeetsStandards, AnnualCapacity, Workers, AnnualRevenue);

    public DescriptionForm ToDescription() => new(Highlights, EconomicValue, SocialAndEnvironment, CultureAndAesthetics);

    public static DossierForm From(Entry entry) => new()
    {
        SelfMade = entry.Registration.SelfMade,
        MassProducible = entry.Registration.MassProducible,
        MeetsStandards = entry.Registration.MeetsStandards,
        AnnualCapacity = entry.Registration.AnnualCapacity,
        Workers = entry.Registration.Workers,
        AnnualRevenue = entry.Registration.AnnualRevenue,
        Highlights = entry.Description.Highlights,
        EconomicValue = entry.Description.EconomicValue,
        SocialAndEnvironment = entry.Description.SocialAndEnvironment,
        CultureAndAesthetics = entry.Description.CultureAndAesthetics,
    };
}
