using System.Globalization;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Common.Pdf;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests;

public sealed record ShortListRow(string ProductName, ProductGroup Group, string ProducerName, string Address, string Phone,
    decimal? LowerScore, string? LowerDecision);

/// <summary>
/// The printed forms of TT 26/2014: Phiếu đăng ký (Phụ lục 1), Bản thuyết minh (Phụ lục 2) and the short list of
/// nominated products (danh sách trích ngang, Phụ lục 5). Filled from the records, never re-typed.
/// </summary>
public static class ContestDocuments
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] RegistrationForm(EntryView view)
    {
        var (entry, round, product, producer) = (view.Entry, view.Round, view.Product.Product, view.Producer);
        using var pdf = new PdfDocumentWriter(Messages.Pdf_RegistrationTitle);
        pdf.NationalHeader(null, producer?.Name.ToUpper(Vietnamese) ?? entry.Code ?? "");
        pdf.Title(Messages.Pdf_RegistrationTitle.ToUpper(Vietnamese), $"{EnumText.Of(round.Level)} — {round.Name}");
        pdf.Paragraph(string.Format(Messages.Pdf_To, round.Organiser));
        pdf.Heading(Messages.Pdf_FacilitySection);
        if (producer is null)
        {
            // A blind round's juror: the facility section says it is withheld rather than printing blanks to fill in.
            pdf.Paragraph(Messages.Pdf_FacilityWithheld, italic: true);
        }
        else
        {
            pdf.Field(Messages.Pdf_FacilityName, producer.Name);
            pdf.Field(Messages.Pdf_LegalForm, EnumText.Of(producer.LegalForm));
            pdf.Field(Messages.Pdf_Registration, $"{producer.RegistrationNumber}{(producer.RegistrationDate is { } d ? " — " + d.ToString("dd/MM/yyyy") : "")}");
            pdf.Field(Messages.Pdf_TaxCode, producer.TaxCode);
            pdf.Field(Messages.Pdf_Address, $"{producer.Address}, {view.UnitPath}");
            pdf.Field(Messages.Pdf_Phone, producer.Phone);
            pdf.Field(Messages.Pdf_Email, producer.Email);
            pdf.Field(Messages.Pdf_Representative, $"{producer.Representative}{(producer.RepresentativePosition is { } p ? " — " + p : "")}");
        }
        pdf.Heading(Messages.Pdf_ProductSection);
        pdf.Field(Messages.Pdf_ProductName, product.Name);
        pdf.Field(Messages.Pdf_ProductGroup, EnumText.Of(product.Group));
        pdf.Field(Messages.Pdf_Capacity, entry.Registration.AnnualCapacity);
        pdf.Field(Messages.Pdf_Workers, entry.Registration.Workers?.ToString(Vietnamese));
        pdf.Field(Messages.Pdf_Revenue, entry.Registration.AnnualRevenue is { } r ? Money.Dong(r) : null);
        pdf.Heading(Messages.Pdf_DeclarationSection);
        pdf.Paragraph($"{Tick(entry.Registration.SelfMade)} {Messages.Pdf_DeclareSelfMade}");
        pdf.Paragraph($"{Tick(entry.Registration.MassProducible)} {Messages.Pdf_DeclareMass}");
        pdf.Paragraph($"{Tick(entry.Registration.MeetsStandards)} {Messages.Pdf_DeclareStandards}");
        pdf.Paragraph(Messages.Pdf_Commitment, italic: true);
        pdf.Spacer(4);
        pdf.SignatureBlock([(Messages.Pdf_FacilitySigner, producer?.Representative ?? "")], PlaceAndDate(view.UnitPath, entry.SubmittedAt ?? entry.CreatedAt));
        return pdf.ToBytes();
    }

    public static byte[] DescriptionForm(EntryView view)
    {
        var (entry, round, product, producer) = (view.Entry, view.Round, view.Product.Product, view.Producer);
        using var pdf = new PdfDocumentWriter(Messages.Pdf_DescriptionTitle);
        pdf.NationalHeader(null, producer?.Name.ToUpper(Vietnamese) ?? entry.Code ?? "");
        pdf.Title(Messages.Pdf_DescriptionTitle.ToUpper(Vietnamese), product.Name);
        pdf.Field(Messages.Pdf_ProductGroup, EnumText.Of(product.Group));
        pdf.Field(Messages.Pdf_Round, round.Name);
        pdf.Heading(Messages.Pdf_StorySection);
        pdf.Paragraph(product.Story);
        pdf.Field(Messages.Pdf_Materials, product.Materials);
        pdf.Field(Messages.Pdf_Process, product.Process);
        pdf.Field(Messages.Pdf_Specifications, product.Specifications);
        pdf.Field(Messages.Pdf_PriceRange, product.PriceMin is null && product.PriceMax is null ? null
            : $"{(product.PriceMin is { } min ? Money.Dong(min) : "…")} – {(product.PriceMax is { } max ? Money.Dong(max) : "…")}");
        pdf.Heading(Messages.Pdf_CriteriaSection);
        pdf.Field(Messages.Pdf_Highlights, entry.Description.Highlights);
        pdf.Field(Messages.Pdf_Market, product.Market);
        pdf.Field(Messages.Pdf_EconomicValue, entry.Description.EconomicValue);
        pdf.Field(Messages.Pdf_SocialEnvironment, entry.Description.SocialAndEnvironment);
        pdf.Field(Messages.Pdf_Culture, entry.Description.CultureAndAesthetics);
        pdf.Heading(Messages.Pdf_AttachmentsSection);
        pdf.Table([Messages.Pdf_ColNo, Messages.Pdf_ColAttachment, Messages.Pdf_ColDetail],
            [.. product.Photos.OrderBy(p => p.View).Select((p, i) => (IReadOnlyList<string>)[$"{i + 1}", $"{Messages.Pdf_Photo}: {EnumText.Of(p.View)}", $"{p.Width}×{p.Height}"])
                .Concat(product.Documents.Select((d, i) => (IReadOnlyList<string>)[$"{product.Photos.Count + i + 1}", EnumText.Of(d.Type),
                    // A number and an issuer name the facility as surely as its name: a blind reader gets the validity only.
                    string.Join(" — ", (view.Blind ? [d.ExpiresOn?.ToString("dd/MM/yyyy")] : new[] { d.Number, d.Issuer, d.ExpiresOn?.ToString("dd/MM/yyyy") })
                        .Where(x => !string.IsNullOrEmpty(x)))]))],
            [0.08, 0.5, 0.42]);
        pdf.Spacer(4);
        pdf.SignatureBlock([(Messages.Pdf_FacilitySigner, producer?.Representative ?? "")], PlaceAndDate(view.UnitPath, entry.SubmittedAt ?? entry.CreatedAt));
        return pdf.ToBytes();
    }

    /// <summary>
    /// Phụ lục 5: the lower authority's list of the products it proposes, attached to its proposal letter and signed on
    /// its behalf by the letter's signer (TT 26/2014 Điều 12.2.c, 12.3.c, 12.4.c).
    /// </summary>
    public static byte[] ShortList(Round target, string authority, DecisionRef letter, IReadOnlyList<ShortListRow> rows, DateTimeOffset printedAt)
    {
        using var pdf = new PdfDocumentWriter(Messages.Pdf_ShortListTitle, landscape: true);
        pdf.NationalHeader(null, authority.ToUpper(Vietnamese));
        pdf.Title(Messages.Pdf_ShortListTitle.ToUpper(Vietnamese), target.Name);
        pdf.Paragraph(string.Format(Messages.Pdf_ShortListLetter, letter.Number, letter.Date.ToString("dd/MM/yyyy"), authority), italic: true);
        pdf.Table(
            [Messages.Pdf_ColNo, Messages.Pdf_ProductName, Messages.Pdf_ProductGroup, Messages.Pdf_FacilityName, Messages.Pdf_Address,
             Messages.Pdf_Phone, Messages.Pdf_ColLowerScore, Messages.Pdf_ColLowerDecision],
            [.. rows.Select((r, i) => (IReadOnlyList<string>)[$"{i + 1}", r.ProductName, EnumText.Of(r.Group), r.ProducerName, r.Address, r.Phone,
                r.LowerScore?.ToString("0.00", Vietnamese) ?? "", r.LowerDecision ?? ""])],
            [0.05, 0.16, 0.14, 0.16, 0.2, 0.09, 0.07, 0.13], [false, false, false, false, false, false, true, false]);
        pdf.Paragraph(string.Format(Messages.Pdf_ShortListTotal, rows.Count), italic: true);
        pdf.SignatureBlock([(string.Format(Messages.Pdf_OnBehalfOf, authority), letter.Signer)], PlaceAndDate(null, printedAt));
        return pdf.ToBytes();
    }

    private static string Tick(bool yes) => yes ? "[x]" : "[  ]";

    private static string PlaceAndDate(string? unitPath, DateTimeOffset at)
    {
        var local = VietnamTime.Local(at);
        var place = unitPath?.Split(", ").LastOrDefault();
        return string.Format(Messages.Pdf_PlaceAndDate, place is null ? "" : place + ", ", local.Day, local.Month, local.Year);
    }
}
