using System.Globalization;
using System.Text;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Geography;

public sealed record UnitCsvRow(int Line, string Code, string Name, UnitKind Kind, string? ParentCode, DateOnly ValidFrom,
    DateOnly? ValidTo, IReadOnlyList<string> SuccessorCodes);

/// <summary>
/// The import format for official unit lists: code,name,type,parent_code,valid_from,valid_to,successor_code.
/// Types may be written in Vietnamese (Tỉnh, Xã, Phường, Đặc khu…) or as the English names; several successor
/// codes are separated by ';'.
/// </summary>
public static class UnitCsv
{
    public const string Header = "code,name,type,parent_code,valid_from,valid_to,successor_code";

    private static readonly Dictionary<string, UnitKind> VietnameseKinds = new()
    {
        ["tinh"] = UnitKind.Province,
        ["thanh pho truc thuoc trung uong"] = UnitKind.CentralCity,
        ["thanh pho trung uong"] = UnitKind.CentralCity,
        ["huyen"] = UnitKind.District,
        ["thi xa"] = UnitKind.Town,
        ["thanh pho thuoc tinh"] = UnitKind.ProvincialCity,
        ["quan"] = UnitKind.UrbanDistrict,
        ["xa"] = UnitKind.Commune,
        ["phuong"] = UnitKind.Ward,
        ["thi tran"] = UnitKind.Township,
        ["dac khu"] = UnitKind.SpecialZone,
    };

    public static (IReadOnlyList<UnitCsvRow> Rows, IReadOnlyList<string> Errors) Parse(TextReader reader)
    {
        var rows = new List<UnitCsvRow>();
        var errors = new List<string>();
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Trim();
        if (header is null || !string.Equals(header.Replace(" ", ""), Header, StringComparison.OrdinalIgnoreCase))
            return (rows, [Messages.ImportHeaderInvalid]);

        var seen = new Dictionary<(string, DateOnly), int>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = SplitLine(line);
            string? error = null;
            if (fields.Count != 7)
            {
                error = string.Format(CultureInfo.CurrentCulture, Messages.ImportColumnCount, fields.Count);
            }
            else
            {
                var parentCode = VietnameseText.CleanOrNull(fields[3]);
                if (!TryKind(fields[2], parentCode is not null, out var kind))
                    error = string.Format(CultureInfo.CurrentCulture, Messages.ImportTypeUnknown, fields[2]);
                else if (!TryDate(fields[4], out var from) || from is null)
                    error = string.Format(CultureInfo.CurrentCulture, Messages.ImportDateInvalid, fields[4]);
                else if (!TryDate(fields[5], out var to))
                    error = string.Format(CultureInfo.CurrentCulture, Messages.ImportDateInvalid, fields[5]);
                else
                {
                    var code = VietnameseText.Clean(fields[0]);
                    if (seen.TryGetValue((code, from.Value), out var earlier))
                        error = string.Format(CultureInfo.CurrentCulture, Messages.ImportDuplicate, code, from.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), earlier);
                    else
                    {
                        seen[(code, from.Value)] = lineNumber;
                        var successors = fields[6].Split(';', '|').Select(VietnameseText.Clean).Where(s => s.Length > 0).ToList();
                        rows.Add(new UnitCsvRow(lineNumber, code, fields[1], kind, parentCode, from.Value, to, successors));
                    }
                }
            }
            if (error is not null) errors.Add(string.Format(CultureInfo.CurrentCulture, Messages.ImportLineError, lineNumber, error));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(Messages.ImportEmpty);
        return (rows, errors);
    }

    public static bool TryKind(string text, bool hasParent, out UnitKind kind)
    {
        var key = VietnameseText.SearchKey(text);
        if (key == "thanh pho")
        {
            kind = hasParent ? UnitKind.ProvincialCity : UnitKind.CentralCity;
            return true;
        }
        if (VietnameseKinds.TryGetValue(key, out kind)) return true;
        return Enum.TryParse(key.Replace(" ", ""), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        text = text.Trim();
        if (text.Length == 0) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }

    /// <summary>RFC 4180 fields: commas inside double quotes, "" for a quote.</summary>
    internal static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
