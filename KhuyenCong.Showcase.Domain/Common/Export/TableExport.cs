using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KhuyenCong.Showcase.Common.Export;

/// <summary>
/// How a column is shown. The kind, not the value's runtime type, decides the representation,
/// so a long stored in a <see cref="Text"/> column (an ID card number, say) never turns into 1.23E+11.
/// A value that does not fit its column's kind is written as text.
/// </summary>
public enum ColumnKind { Text, Integer, Decimal, Date, Money }

/// <param name="Width">In Excel character units.</param>
public sealed record ExportColumn(string Header, ColumnKind Kind = ColumnKind.Text, double Width = 18);

/// <param name="Rows">Each row has exactly one value per column.</param>
/// <param name="Title">XLSX only: a bold row above the header, merged across the columns.</param>
public sealed record ExportTable(
    string SheetName,
    IReadOnlyList<ExportColumn> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    string? Title = null);

/// <summary>
/// Exports a list to XLSX or CSV. Values may be string, integral types, decimal, double, DateOnly,
/// DateTime, DateTimeOffset (shown as the date in Việt Nam), bool ("Có"/"Không") or enums.
/// </summary>
public static class TableExport
{
    private const string DefaultSheetName = "Danh sách";
    private const int MaxSheetNameLength = 31;
    private const int MaxExcelRows = 1_048_576;
    private const int MaxExcelColumns = 16_384;
    // Excel holds no more in one cell and treats a longer text as corrupt content.
    private const int MaxCellTextLength = 32_767;

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
    // Excel's serials before this day are shifted by the Lotus 1-2-3 leap-year bug (29/02/1900),
    // and before 1900 they do not exist, so such dates are written as text instead.
    private static readonly DateOnly FirstReliableSerialDate = new(1900, 3, 1);

    // Cells refer to styles by position, so these must follow the order of cellXfs in CreateStylesheet.
    private const uint StyleDefault = 0;
    private const uint StyleHeader = 1;
    private const uint StyleTitle = 2;
    private const uint StyleInteger = 3;
    private const uint StyleDecimal = 4;
    private const uint StyleMoney = 5;
    private const uint StyleDate = 6;
    private const uint StyleQuotedText = 7;

    // Built-in ids 1, 2 and 3 ("0", "0.00", "#,##0") are fixed by ECMA-376 and need no numFmt entry;
    // Excel renders their separators in the reader's locale, so Vietnamese staff see 15.000.000.
    private const uint BuiltInInteger = 1;
    private const uint BuiltInDecimal = 2;
    private const uint BuiltInMoney = 3;
    // Built-in 14 follows the reader's locale (m/d/yyyy in en-US), so the Vietnamese order needs its own.
    private const uint CustomDate = 164;

    public static byte[] ToXlsx(ExportTable table)
    {
        Validate(table);
        var columnCount = table.Columns.Count;
        var headerRow = table.Title is null ? 1u : 2u;
        var lastRow = headerRow + (uint)table.Rows.Count;
        if (lastRow > MaxExcelRows)
        {
            throw new ArgumentException($"Excel holds at most {MaxExcelRows} rows; this table needs {lastRow}.", nameof(table));
        }

        var lastColumn = ColumnName(columnCount);
        var sheetName = SanitizeSheetName(table.SheetName);
        var strings = new SharedStrings();

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = CreateStylesheet();

            var sheetData = new SheetData();
            if (table.Title is not null)
            {
                var titleRow = new Row { RowIndex = 1 };
                titleRow.Append(TextCell("A1", table.Title, StyleTitle, strings));
                sheetData.Append(titleRow);
            }

            var header = new Row { RowIndex = headerRow };
            for (var c = 0; c < columnCount; c++)
            {
                header.Append(TextCell(ColumnName(c + 1) + headerRow, table.Columns[c].Header, StyleHeader, strings));
            }
            sheetData.Append(header);

            var rowIndex = headerRow;
            foreach (var values in table.Rows)
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (var c = 0; c < columnCount; c++)
                {
                    var cell = DataCell(ColumnName(c + 1) + rowIndex, table.Columns[c].Kind, values[c], strings);
                    if (cell is not null)
                    {
                        row.Append(cell);
                    }
                }
                sheetData.Append(row);
            }

            var filterRange = $"A{headerRow}:{lastColumn}{lastRow}";
            var worksheet = new Worksheet(
                new SheetDimension { Reference = $"A1:{lastColumn}{lastRow}" },
                FrozenHeaderView(headerRow),
                new SheetFormatProperties { DefaultRowHeight = 15 },
                CreateColumns(table.Columns),
                sheetData,
                new AutoFilter { Reference = filterRange });
            // A one-column title needs no merge, and Excel rejects a merge of a single cell.
            if (table.Title is not null && columnCount > 1)
            {
                worksheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{lastColumn}1" }) { Count = 1 });
            }
            worksheet.Append(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
            worksheetPart.Worksheet = worksheet;

            var sharedStringPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStringPart.SharedStringTable = strings.ToTable();

            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(worksheetPart) }),
                // Excel itself stores every autofilter's range in this hidden name as well; writing it
                // keeps the file like one Excel saved, which is what other readers are tested against.
                new DefinedNames(new DefinedName
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0,
                    Hidden = true,
                    Text = $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(filterRange)}",
                }));
        }

        return stream.ToArray();
    }

    public static byte[] ToCsv(ExportTable table)
    {
        Validate(table);
        var text = new StringBuilder();
        AppendCsvRecord(text, table.Columns.Select(column => CsvField(column.Header)));
        foreach (var values in table.Rows)
        {
            AppendCsvRecord(text, table.Columns.Select((column, c) => CsvValue(column.Kind, values[c])));
        }

        // Excel on Windows reads a CSV without a byte order mark as the ANSI code page (1258 or 1252),
        // which garbles every Vietnamese letter.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static void Validate(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(table.Columns);
        ArgumentNullException.ThrowIfNull(table.Rows);
        if (table.Columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(table));
        }
        if (table.Columns.Count > MaxExcelColumns)
        {
            throw new ArgumentException($"Excel holds at most {MaxExcelColumns} columns.", nameof(table));
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            // A short or long row is a bug in the caller's mapping; padding or cutting it would
            // silently shift or drop data in a document that staff hand on.
            var count = table.Rows[r]?.Count ?? throw new ArgumentException($"Row {r} is null.", nameof(table));
            if (count != table.Columns.Count)
            {
                throw new ArgumentException(
                    $"Row {r} has {count} values but the table has {table.Columns.Count} columns.", nameof(table));
            }
        }
    }

    // ---- XLSX ----

    private static Cell? DataCell(string reference, ColumnKind kind, object? value, SharedStrings strings)
    {
        if (value is null)
        {
            return null;
        }

        switch (kind)
        {
            case ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.Money when TryNumber(value, out var number):
                var style = kind switch
                {
                    ColumnKind.Integer => StyleInteger,
                    ColumnKind.Decimal => StyleDecimal,
                    _ => StyleMoney,
                };
                return new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(number) };
            case ColumnKind.Date when TryDate(value, out var date) && date >= FirstReliableSerialDate:
                var serial = date.DayNumber - ExcelEpoch.DayNumber;
                return new Cell
                {
                    CellReference = reference,
                    StyleIndex = StyleDate,
                    CellValue = new CellValue(serial.ToString(CultureInfo.InvariantCulture)),
                };
            default:
                return TextCell(reference, AsText(value), StyleDefault, strings);
        }
    }

    // Every text goes into a string cell, never a formula, so "=HYPERLINK(...)" from a citizen's form
    // stays inert. Formula-looking text also gets quotePrefix, so that if staff edit the cell and press
    // Enter, Excel keeps it as text instead of evaluating it.
    private static Cell TextCell(string reference, string text, uint style, SharedStrings strings) => new()
    {
        CellReference = reference,
        DataType = CellValues.SharedString,
        StyleIndex = style == StyleDefault && LooksLikeFormula(text) ? StyleQuotedText : style,
        CellValue = new CellValue(strings.IndexOf(EscapeForXlsx(text)).ToString(CultureInfo.InvariantCulture)),
    };

    private static SheetViews FrozenHeaderView(uint headerRow)
    {
        var firstDataCell = "A" + (headerRow + 1);
        return new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = firstDataCell,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstDataCell, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstDataCell } })
        {
            TabSelected = true,
            WorkbookViewId = 0,
        });
    }

    private static Columns CreateColumns(IReadOnlyList<ExportColumn> columns)
    {
        var result = new Columns();
        for (var c = 0; c < columns.Count; c++)
        {
            var width = columns[c].Width;
            // Excel's limit is 255 characters, and a NaN or negative width makes it reject the file.
            width = double.IsFinite(width) ? Math.Clamp(width, 0, 255) : 18;
            result.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }
        return result;
    }

    private static Stylesheet CreateStylesheet()
    {
        static Font Font(bool bold, double size)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }
            font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
            return font;
        }

        static CellFormat Format(uint numberFormat = 0, uint font = 0, bool quotePrefix = false)
        {
            var format = new CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = 0, FormatId = 0 };
            if (numberFormat != 0)
            {
                format.ApplyNumberFormat = true;
            }
            if (font != 0)
            {
                format.ApplyFont = true;
            }
            if (quotePrefix)
            {
                format.QuotePrefix = true;
            }
            return format;
        }

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = CustomDate, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(Font(bold: false, 11), Font(bold: true, 11), Font(bold: true, 14)) { Count = 3 },
            // Excel requires these two fills first, whatever the workbook uses.
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            // The order must match the Style* constants.
            new CellFormats(
                Format(),
                Format(font: 1),
                Format(font: 2),
                Format(numberFormat: BuiltInInteger),
                Format(numberFormat: BuiltInDecimal),
                Format(numberFormat: BuiltInMoney),
                Format(numberFormat: CustomDate),
                Format(quotePrefix: true)) { Count = 8 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static string SanitizeSheetName(string? name)
    {
        var result = new StringBuilder();
        // Decomposed Vietnamese (common in text pasted from macOS) takes up to three chars a letter.
        foreach (var ch in (name ?? "").Normalize(NormalizationForm.FormC))
        {
            switch (ch)
            {
                case '/' or '\\' or ':':
                    result.Append('-');
                    break;
                case '[' or ']' or '*' or '?':
                    break;
                default:
                    if (!char.IsControl(ch))
                    {
                        result.Append(ch);
                    }
                    break;
            }
        }

        var cleaned = TrimForSheetName(result.ToString());
        if (cleaned.Length > MaxSheetNameLength)
        {
            var cut = MaxSheetNameLength;
            if (char.IsHighSurrogate(cleaned[cut - 1]))
            {
                cut--;
            }
            cleaned = TrimForSheetName(cleaned[..cut]);
        }

        if (cleaned.Length == 0)
        {
            return DefaultSheetName;
        }
        // Excel reserves this name for its change-tracking sheet.
        return string.Equals(cleaned, "History", StringComparison.OrdinalIgnoreCase) ? cleaned + " 1" : cleaned;
    }

    // Excel rejects a sheet name that begins or ends with an apostrophe.
    private static string TrimForSheetName(string name) => name.Trim().Trim('\'').Trim();

    private static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            name = (char)('A' + remainder) + name;
            number = (number - 1) / 26;
        }
        return name;
    }

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(reference =>
        {
            var digits = reference.IndexOfAny("0123456789".ToCharArray());
            return "$" + reference[..digits] + "$" + reference[digits..];
        }));

    // XML 1.0 cannot carry most control characters (a vertical tab from a Word soft line break is the
    // usual one), and the writer would throw. Excel's own escape for them is _xHHHH_, so a literal text
    // that already looks like such an escape must have its underscore escaped, or Excel would decode it.
    private static string EscapeForXlsx(string text)
    {
        if (text.Length > MaxCellTextLength)
        {
            var cut = MaxCellTextLength;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }
            text = text[..cut];
        }

        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            string? replacement = null;
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }
            if (char.IsSurrogate(ch))
            {
                replacement = "\uFFFD";
            }
            else if (ch is < ' ' and not ('\t' or '\n' or '\r') or '\uFFFE' or '\uFFFF')
            {
                replacement = $"_x{(int)ch:X4}_";
            }
            else if (ch == '_' && LooksLikeXlsxEscape(text, i))
            {
                replacement = "_x005F_";
            }

            if (replacement is not null)
            {
                escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
                escaped.Append(replacement);
            }
            else
            {
                escaped?.Append(ch);
            }
        }
        return escaped?.ToString() ?? text;
    }

    private static bool LooksLikeXlsxEscape(string text, int underscore) =>
        underscore + 6 < text.Length
        && text[underscore + 1] is 'x' or 'X'
        && char.IsAsciiHexDigit(text[underscore + 2])
        && char.IsAsciiHexDigit(text[underscore + 3])
        && char.IsAsciiHexDigit(text[underscore + 4])
        && char.IsAsciiHexDigit(text[underscore + 5])
        && text[underscore + 6] == '_';

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private int _references;

        // Lists repeat the same few texts (province, status, category), so sharing them keeps files small.
        public int IndexOf(string text)
        {
            _references++;
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _texts.Count;
                _indexes.Add(text, index);
                _texts.Add(text);
            }
            return index;
        }

        public SharedStringTable ToTable()
        {
            var table = new SharedStringTable { Count = (uint)_references, UniqueCount = (uint)_texts.Count };
            foreach (var text in _texts)
            {
                var element = new Text(text);
                // Without it XML readers, Excel included, drop leading and trailing spaces.
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    element.Space = SpaceProcessingModeValues.Preserve;
                }
                table.Append(new SharedStringItem(element));
            }
            return table;
        }
    }

    // ---- CSV ----

    private static void AppendCsvRecord(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields);
        text.Append("\r\n");
    }

    private static string CsvValue(ColumnKind kind, object? value)
    {
        if (value is null)
        {
            return "";
        }
        // Numbers in numeric columns are not text, so a negative amount is not mistaken for a formula.
        if (kind is ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.Money && TryNumber(value, out var number))
        {
            return number;
        }
        return CsvField(AsText(value));
    }

    private static string CsvField(string text)
    {
        // Excel and LibreOffice evaluate a CSV field that starts like a formula (CSV injection);
        // the apostrophe makes them show it as text.
        if (LooksLikeFormula(text))
        {
            text = "'" + text;
        }
        // Quoted whenever it holds a separator of either kind: Excel on a Vietnamese Windows splits on ';' (the list
        // separator there), and an unquoted "Gỗ;=1+1" would become a formula in the next cell.
        if (text.AsSpan().IndexOfAny(",;\"\r\n") < 0)
        {
            return text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    // ---- Values ----

    private static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    // Invariant lexical form: the file formats fix '.' as the decimal point, whatever the server's culture.
    private static bool TryNumber(object value, out string number)
    {
        number = value switch
        {
            // A status or a yes/no is meant to be read, never summed, even in a numeric column.
            Enum or bool => "",
            int v => v.ToString(CultureInfo.InvariantCulture),
            long v => v.ToString(CultureInfo.InvariantCulture),
            decimal v => v.ToString(CultureInfo.InvariantCulture),
            double v when double.IsFinite(v) => v.ToString("R", CultureInfo.InvariantCulture),
            float v when float.IsFinite(v) => v.ToString("R", CultureInfo.InvariantCulture),
            short v => v.ToString(CultureInfo.InvariantCulture),
            byte v => v.ToString(CultureInfo.InvariantCulture),
            sbyte v => v.ToString(CultureInfo.InvariantCulture),
            ushort v => v.ToString(CultureInfo.InvariantCulture),
            uint v => v.ToString(CultureInfo.InvariantCulture),
            ulong v => v.ToString(CultureInfo.InvariantCulture),
            _ => "",
        };
        return number.Length > 0;
    }

    private static bool TryDate(object value, out DateOnly date)
    {
        switch (value)
        {
            case DateOnly d:
                date = d;
                return true;
            case DateTimeOffset offset:
                date = VietnamDate(offset.UtcDateTime);
                return true;
            case DateTime { Kind: DateTimeKind.Unspecified } unspecified:
                // Without a zone the value can only be taken as the Vietnamese wall-clock time
                // it was most likely entered as; shifting it would move dates entered at midnight.
                date = DateOnly.FromDateTime(unspecified);
                return true;
            case DateTime instant:
                date = VietnamDate(instant.ToUniversalTime());
                return true;
            default:
                date = default;
                return false;
        }
    }

    // Converting a "no end date" sentinel (DateTime.MaxValue) to Vietnamese time would overflow and throw.
    private static DateOnly VietnamDate(DateTime utc) =>
        utc <= DateTime.MaxValue.AddDays(-1) ? VietnamTime.DateOf(new DateTimeOffset(utc, TimeSpan.Zero)) : DateOnly.FromDateTime(DateTime.MaxValue);

    private static string AsText(object value) => value switch
    {
        string s => s,
        bool b => b ? "Có" : "Không",
        Enum e => e.ToString(),
        _ when TryDate(value, out var date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ when TryNumber(value, out var number) => number,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
