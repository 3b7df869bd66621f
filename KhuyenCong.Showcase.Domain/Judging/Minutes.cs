using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Common.Pdf;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Judging;

public sealed record MinutesSheet(string EntryCode, string JudgeName, IReadOnlyDictionary<string, decimal?> Scores, decimal Total, string? Comments);

/// <param name="ShortReason">Why the entry has fewer sheets than it needs, printed for the council.</param>
public sealed record MinutesEntry(string EntryCode, string ProductName, EntryResult Result, string? ShortReason = null);

/// <summary>A submitted sheet the minutes leave out, printed with its reason so the record shows it was seen.</summary>
public sealed record MinutesExcluded(string EntryCode, string JudgeName, decimal Total, string Reason);

/// <summary>
/// The biên bản tổng hợp kết quả the Trưởng ban signs for the council (TT 26/2014 Điều 16.3), and the scores behind
/// it as canonical JSON whose SHA-256 is printed on the minutes, so anyone can later check nothing changed.
/// </summary>
public static class Minutes
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] ScoresJson(Round round, IReadOnlyList<RoundCriterion> criteria, IReadOnlyList<MinutesSheet> sheets,
        IReadOnlyList<MinutesExcluded> excluded, IReadOnlyList<MinutesEntry> entries)
    {
        // Numbers as fixed strings and lists in a fixed order: the same scores always give the same bytes.
        var document = new
        {
            round = new { code = round.Code, name = round.Name, level = round.Level.ToString(), passMark = N(round.PassMark), minimumSheets = round.MinimumSheets,
                rule = "mean of the counted sheets' totals; passed if mean >= passMark (TT 26/2014 Dieu 17.1); short if sheets < needed (flagged, not failed)" },
            criteria = criteria.OrderBy(c => c.Order).Select(c => new { code = c.Code, group = (int)c.Group, max = N(c.MaxPoints) }),
            sheets = sheets.OrderBy(s => s.EntryCode, StringComparer.Ordinal).ThenBy(s => s.JudgeName, StringComparer.Ordinal)
                .Select(s => new
                {
                    entry = s.EntryCode, judge = s.JudgeName,
                    scores = criteria.OrderBy(c => c.Order).Select(c => new { code = c.Code, points = s.Scores.GetValueOrDefault(c.Code) is { } p ? N(p) : null }),
                    total = N(s.Total),
                }),
            excluded = excluded.OrderBy(x => x.EntryCode, StringComparer.Ordinal).ThenBy(x => x.JudgeName, StringComparer.Ordinal)
                .Select(x => new { entry = x.EntryCode, judge = x.JudgeName, total = N(x.Total), reason = x.Reason }),
            results = entries.OrderBy(e => e.EntryCode, StringComparer.Ordinal).Select(e => new
            {
                entry = e.EntryCode, sheets = e.Result.Sheets, needed = e.Result.Needed, mean = e.Result.Mean is { } m ? Math.Round(m, 2).ToString("0.00", Invariant) : null,
                passed = e.Result.Passed, @short = e.Result.Short, rank = e.Result.Rank,
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    public static string Fingerprint(byte[] scoresJson) => Convert.ToHexString(SHA256.HashData(scoresJson)).ToLowerInvariant();

    public static byte[] Pdf(Round round, string unitPath, IReadOnlyList<PanelMember> jury, IReadOnlyList<MinutesSheet> sheets,
        IReadOnlyList<MinutesExcluded> excluded, IReadOnlyList<MinutesEntry> entries, string fingerprint, DateTimeOffset at)
    {
        using var pdf = new PdfDocumentWriter(Messages.Minutes_Title, landscape: true);
        pdf.NationalHeader(round.Organiser.ToUpper(Vietnamese), EnumText.Of(PanelBody.Jury).ToUpper(Vietnamese));
        pdf.Title(Messages.Minutes_Title.ToUpper(Vietnamese), $"{round.Name} — {unitPath}");
        pdf.Heading(Messages.Minutes_Jury);
        pdf.Table([Messages.Pdf_ColNo, Messages.Sheet_Judge, Messages.Sheet_Position, EnumText.Of(PanelRole.Member)],
            [.. jury.OrderBy(j => j.Role).Select((j, i) => (IReadOnlyList<string>)[$"{i + 1}", j.FullName, j.Position ?? "", EnumText.Of(j.Role)])],
            [0.08, 0.35, 0.35, 0.22]);
        pdf.Heading(Messages.Minutes_Results);
        var judges = jury.OrderBy(j => j.Role).Select(j => j.FullName).ToList();
        var headers = new List<string> { Messages.Sheet_EntryCode, Messages.Pdf_ProductName };
        headers.AddRange(judges);
        headers.AddRange([Messages.Minutes_Sheets, Messages.Minutes_Mean]);
        var widths = new List<double> { 0.12, 0.24 };
        widths.AddRange(judges.Select(_ => 0.44 / Math.Max(1, judges.Count)));
        widths.AddRange([0.08, 0.12]);
        pdf.Table(headers,
            [.. entries.OrderBy(e => e.EntryCode, StringComparer.Ordinal).Select(e =>
            {
                var row = new List<string> { e.EntryCode, e.ProductName };
                row.AddRange(judges.Select(j => sheets.FirstOrDefault(s => s.EntryCode == e.EntryCode && s.JudgeName == j)?.Total.ToString("0.##", Vietnamese) ?? "—"));
                row.AddRange([$"{e.Result.Sheets}", e.Result.Mean is { } m ? Math.Round(m, 2).ToString("0.00", Vietnamese) : "—"]);
                return (IReadOnlyList<string>)row;
            })],
            widths, [.. headers.Select((_, i) => i >= 2)]);
        if (excluded.Count > 0)
        {
            pdf.Heading(Messages.Minutes_Excluded);
            pdf.Table([Messages.Sheet_EntryCode, Messages.Sheet_Judge, Messages.Sheet_Total, Messages.Minutes_ExcludedReason],
                [.. excluded.OrderBy(x => x.EntryCode, StringComparer.Ordinal).ThenBy(x => x.JudgeName, StringComparer.Ordinal)
                    .Select(x => (IReadOnlyList<string>)[x.EntryCode, x.JudgeName, x.Total.ToString("0.##", Vietnamese), x.Reason])],
                [0.16, 0.3, 0.12, 0.42], [false, false, true, false]);
        }
        pdf.Heading(Messages.Minutes_Ranking);
        pdf.Table([Messages.Minutes_Rank, Messages.Sheet_EntryCode, Messages.Pdf_ProductName, Messages.Minutes_Mean, EnumText.Of(RoundState.ResultsProposed)],
            [.. entries.OrderBy(e => e.Result.Rank ?? int.MaxValue).ThenBy(e => e.EntryCode, StringComparer.Ordinal).Select(e => (IReadOnlyList<string>)[
                e.Result.Rank?.ToString(Vietnamese) ?? "—", e.EntryCode, e.ProductName,
                e.Result.Mean is { } m ? Math.Round(m, 2).ToString("0.00", Vietnamese) : "—",
                (e.Result.Passed ? Messages.Minutes_Passed : e.Result.HasMean ? Messages.Minutes_NotPassed : Messages.Minutes_NoMean)
                    + (e.ShortReason is { } why ? $" — {why}" : "")])],
            [0.08, 0.14, 0.44, 0.14, 0.2], [true, false, false, true, false]);
        pdf.Paragraph(string.Format(Messages.Minutes_Conclusion, entries.Count(e => e.Result.Passed), entries.Count, round.PassMark.ToString("0.##", Vietnamese)));
        pdf.Paragraph(string.Format(Messages.Minutes_Fingerprint, fingerprint), bold: true, size: 10);
        pdf.Paragraph(Messages.Minutes_FingerprintHow, italic: true, size: 10);
        var chair = jury.FirstOrDefault(j => j.Role == PanelRole.Chair);
        pdf.SignatureBlock([(Messages.Minutes_Chair, chair?.FullName ?? "")], PlaceAndDate(unitPath, at));
        return pdf.ToBytes();
    }

    /// <summary>One judge's sheets, one page each, for their signature (Phụ lục 4).</summary>
    public static byte[] JudgeSheets(Round round, IReadOnlyList<RoundCriterion> criteria, PanelMember judge,
        IReadOnlyList<(string EntryCode, ProductGroupText Group, ScoreSheet Sheet)> sheets, string unitPath, DateTimeOffset at)
    {
        using var pdf = new PdfDocumentWriter(Messages.Sheet_Title);
        foreach (var (code, group, sheet) in sheets.OrderBy(s => s.EntryCode, StringComparer.Ordinal))
        {
            pdf.NationalHeader(round.Organiser.ToUpper(Vietnamese), EnumText.Of(PanelBody.Jury).ToUpper(Vietnamese));
            pdf.Title(Messages.Sheet_Title.ToUpper(Vietnamese), round.Name);
            pdf.Field(Messages.Sheet_EntryCode, code);
            pdf.Field(Messages.Pdf_ProductGroup, group.Text);
            pdf.Field(Messages.Sheet_Judge, judge.FullName);
            pdf.Field(Messages.Sheet_Position, judge.Position);
            pdf.Table([Messages.Sheet_Criterion, Messages.Sheet_Max, Messages.Sheet_Points],
                [.. criteria.OrderBy(c => c.Order).Select(c => (IReadOnlyList<string>)[$"{c.Code}. {c.Name}", c.MaxPoints.ToString("0.##", Vietnamese),
                    sheet.Scores.FirstOrDefault(s => s.CriterionId == c.Id)?.Points?.ToString("0.##", Vietnamese) ?? ""])
                 .Append([Messages.Sheet_Total, criteria.Sum(c => c.MaxPoints).ToString("0.##", Vietnamese), sheet.Total.ToString("0.##", Vietnamese)])],
                [0.64, 0.16, 0.2], [false, true, true]);
            pdf.Field(Messages.Sheet_Comments, sheet.Comments);
            pdf.SignatureBlock([(Messages.Sheet_Signer, judge.FullName)], PlaceAndDate(unitPath, at));
        }
        return pdf.ToBytes();
    }

    public sealed record ProductGroupText(string Text);

    private static string? N(decimal value) => value.ToString("0.0#", Invariant);

    private static string PlaceAndDate(string unitPath, DateTimeOffset at)
    {
        var local = VietnamTime.Local(at);
        return string.Format(Messages.Pdf_PlaceAndDate, unitPath.Split(", ").Last() + ", ", local.Day, local.Month, local.Year);
    }
}
