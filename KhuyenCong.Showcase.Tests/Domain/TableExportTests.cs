using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using KhuyenCong.Showcase.Common.Export;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class TableExportTests
{
    private enum EntryStatus { Approved, Pending }

    private const string FormulaLooking = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")";

    private static readonly ExportColumn[] EntryColumns =
    [
        new("STT", ColumnKind.Integer, 6),
        new("Tên sản phẩm", ColumnKind.Text, 40),
        new("Điểm", ColumnKind.Decimal, 8),
        new("Giá trị giải", ColumnKind.Money, 16),
        new("Ngày đăng ký", ColumnKind.Date, 14),
        new("Ghi chú", ColumnKind.Text, 30),
    ];

    private static ExportTable Entries(string? title = "Danh sách sản phẩm dự thi năm 2025") => new(
        "Sản phẩm dự thi",
        EntryColumns,
        [
            [1, "Nước mắm truyền thống", 87.5m, 15_000_000L, new DateOnly(2025, 3, 15), null],
            // 20:00 UTC on the 16th is already the 17th in Việt Nam.
            [2, "Đồ gỗ mỹ nghệ", 92.25, 20_000_000m, new DateTimeOffset(2025, 3, 16, 20, 0, 0, TimeSpan.Zero), FormulaLooking],
            [3L, "Gốm \"Bát Tràng\", men rạn", null, null, null, "-5 điểm vì nộp muộn"],
        ],
        title);

    // ---- XLSX ----

    [Fact]
    public void ShouldWriteVietnameseTextNumbersMoneyDatesAndNullsIntoTheirCells()
    {
        // A Vietnamese server culture writes "87,5"; the file must still hold "87.5".
        var bytes = InCulture("vi-VN", () => TableExport.ToXlsx(Entries()));

        using var document = Open(bytes);
        Assert.Equal("Danh sách sản phẩm dự thi năm 2025", TextAt(document, "A1"));
        Assert.Equal(["STT", "Tên sản phẩm", "Điểm", "Giá trị giải", "Ngày đăng ký", "Ghi chú"],
            new[] { "A2", "B2", "C2", "D2", "E2", "F2" }.Select(reference => TextAt(document, reference)));

        Assert.Equal("1", NumberAt(document, "A3"));
        Assert.Equal("Nước mắm truyền thống", TextAt(document, "B3"));
        Assert.Equal("87.5", NumberAt(document, "C3"));
        Assert.Equal("15000000", NumberAt(document, "D3"));
        Assert.Equal(SerialOf(2025, 3, 15), NumberAt(document, "E3"));
        Assert.Null(CellAt(document, "F3"));

        Assert.Equal("Đồ gỗ mỹ nghệ", TextAt(document, "B4"));
        Assert.Equal("92.25", NumberAt(document, "C4"));
        Assert.Equal("20000000", NumberAt(document, "D4"));
        Assert.Equal(SerialOf(2025, 3, 17), NumberAt(document, "E4"));

        Assert.Equal("3", NumberAt(document, "A5"));
        Assert.Equal("Gốm \"Bát Tràng\", men rạn", TextAt(document, "B5"));
        Assert.Null(CellAt(document, "C5"));
        Assert.Null(CellAt(document, "D5"));
        Assert.Null(CellAt(document, "E5"));
        Assert.Equal("-5 điểm vì nộp muộn", TextAt(document, "F5"));
    }

    [Fact]
    public void ShouldGiveEachNumericKindItsNumberFormatAndDatesADayMonthYearFormat()
    {
        using var document = Open(TableExport.ToXlsx(Entries()));

        Assert.Equal(1u, FormatOf(document, "A3").NumberFormatId!.Value);
        Assert.Equal(2u, FormatOf(document, "C3").NumberFormatId!.Value);
        Assert.Equal(3u, FormatOf(document, "D3").NumberFormatId!.Value);
        var dateFormat = FormatOf(document, "E3").NumberFormatId!.Value;
        var custom = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!
            .Elements<NumberingFormat>().Single(format => format.NumberFormatId!.Value == dateFormat);
        Assert.Equal("dd/mm/yyyy", custom.FormatCode!.Value);
        Assert.True(FormatOf(document, "E3").ApplyNumberFormat!.Value);
    }

    [Fact]
    public void ShouldPutBoldHeadersInAFrozenRowWithAnAutofilterUnderTheMergedTitle()
    {
        using var document = Open(TableExport.ToXlsx(Entries()));
        var worksheet = SheetOf(document);

        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(2d, pane.VerticalSplit!.Value);
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal("A3", pane.TopLeftCell!.Value);

        Assert.Equal("A2:F5", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        var filterName = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
        Assert.Equal("'Sản phẩm dự thi'!$A$2:$F$5", filterName.Text);

        var merge = Assert.Single(worksheet.GetFirstChild<MergeCells>()!.Elements<MergeCell>());
        Assert.Equal("A1:F1", merge.Reference!.Value);

        foreach (var reference in new[] { "A1", "A2", "F2" })
        {
            Assert.NotNull(Fonts(document).ElementAt((int)FormatOf(document, reference).FontId!.Value).GetFirstChild<Bold>());
        }
        Assert.Null(Fonts(document).ElementAt((int)FormatOf(document, "B3").FontId!.Value).GetFirstChild<Bold>());
    }

    [Fact]
    public void ShouldPutTheHeaderOnTheFirstRowWhenThereIsNoTitle()
    {
        using var document = Open(TableExport.ToXlsx(Entries(title: null)));
        var worksheet = SheetOf(document);

        Assert.Equal("STT", TextAt(document, "A1"));
        Assert.Equal("Nước mắm truyền thống", TextAt(document, "B2"));
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:F4", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Null(worksheet.GetFirstChild<MergeCells>());
    }

    [Fact]
    public void ShouldWriteFormulaLookingTextAsPlainTextThatStaysTextWhenEdited()
    {
        using var document = Open(TableExport.ToXlsx(Entries()));

        Assert.Empty(SheetOf(document).Descendants<CellFormula>());
        Assert.Equal(FormulaLooking, TextAt(document, "F4"));
        Assert.True(FormatOf(document, "F4").QuotePrefix?.Value);
        Assert.True(FormatOf(document, "F5").QuotePrefix?.Value);
        Assert.NotEqual(true, FormatOf(document, "B4").QuotePrefix?.Value);
    }

    [Fact]
    public void ShouldSetEachColumnsWidthFromItsDefinition()
    {
        using var document = Open(TableExport.ToXlsx(Entries()));

        var columns = SheetOf(document).GetFirstChild<Columns>()!.Elements<Column>().ToList();
        Assert.Equal([6d, 40d, 8d, 16d, 14d, 30d], columns.Select(column => column.Width!.Value));
        Assert.All(columns, column => Assert.True(column.CustomWidth!.Value));
        Assert.Equal([1u, 2u, 3u, 4u, 5u, 6u], columns.Select(column => column.Min!.Value));
    }

    [Theory]
    [InlineData("Danh sách")]
    [InlineData(null)]
    public void ShouldProduceAPackageThatTheOpenXmlValidatorAccepts(string? title)
    {
        var table = Entries(title) with { Rows = [.. Entries().Rows, [4, "Dòng 1\vDòng 2 _x0041_", 0.1, 0, new DateOnly(1899, 1, 1), true]] };
        using var document = Open(TableExport.ToXlsx(table));

        var errors = new OpenXmlValidator().Validate(document)
            .Select(error => $"{error.Path?.XPath}: {error.Description}")
            .ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void ShouldEscapeCharactersXmlCannotCarryTheWayExcelDecodesThem()
    {
        var table = new ExportTable("A", [new("Ghi chú")], [["Dòng 1\vDòng 2"], ["mã _x0041_ giữ nguyên"], [" lề "]]);
        using var document = Open(TableExport.ToXlsx(table));

        Assert.Equal("Dòng 1_x000B_Dòng 2", TextAt(document, "A2"));
        Assert.Equal("mã _x005F_x0041_ giữ nguyên", TextAt(document, "A3"));
        Assert.Equal(" lề ", TextAt(document, "A4"));
    }

    [Fact]
    public void ShouldBeAZipArchiveWhoseEveryEntryReadsBack()
    {
        var bytes = TableExport.ToXlsx(Entries());

        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Contains(archive.Entries, entry => entry.FullName == "[Content_Types].xml");
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            content.CopyTo(Stream.Null);
        }
    }

    [Theory]
    [InlineData("Danh sách: 01/2025 [đợt 1]?*", "Danh sách- 01-2025 đợt 1")]
    [InlineData("   ", "Danh sách")]
    [InlineData("'Trích ngang'", "Trích ngang")]
    [InlineData("history", "history 1")]
    [InlineData("Sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh", "Sản phẩm công nghiệp nông thôn")]
    public void ShouldSanitiseTheSheetNameForExcel(string requested, string expected)
    {
        using var document = Open(TableExport.ToXlsx(new ExportTable(requested, [new("Tên")], [])));

        var name = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value!;
        Assert.Equal(expected, name);
        Assert.True(name.Length <= 31);
    }

    [Fact]
    public void ShouldCountSheetNameLengthInComposedVietnameseLetters()
    {
        var decomposed = "Sản phẩm công nghiệp nông thôn tiêu biểu".Normalize(NormalizationForm.FormD);
        using var document = Open(TableExport.ToXlsx(new ExportTable(decomposed, [new("Tên")], [])));

        Assert.Equal("Sản phẩm công nghiệp nông thôn", document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void ShouldWriteIdentityNumbersInTextColumnsAsTextSoExcelKeepsEveryDigit()
    {
        var table = new ExportTable("A", [new("Số CCCD")], [[123_456_789_012L]]);
        using var document = Open(TableExport.ToXlsx(table));

        Assert.Equal("123456789012", TextAt(document, "A2"));
    }

    [Fact]
    public void ShouldRejectRowsWhoseLengthDiffersFromTheColumns()
    {
        var tooShort = new ExportTable("A", [new("Tên"), new("Điểm", ColumnKind.Decimal)], [["Nước mắm"]]);
        var noColumns = new ExportTable("A", [], []);

        Assert.Throws<ArgumentException>(() => TableExport.ToXlsx(tooShort));
        Assert.Throws<ArgumentException>(() => TableExport.ToCsv(tooShort));
        Assert.Throws<ArgumentException>(() => TableExport.ToXlsx(noColumns));
    }

    // ---- CSV ----

    [Fact]
    public void ShouldStartTheCsvWithAUtf8ByteOrderMark()
    {
        var bytes = TableExport.ToCsv(Entries());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
    }

    [Fact]
    public void ShouldWriteTheHeaderFirstAndQuoteCommasQuotesAndLineBreaksWithCrLfRecords()
    {
        var table = new ExportTable(
            "A",
            [new("Tên, đơn vị"), new("Ghi chú")],
            [
                ["Gốm \"Bát Tràng\", men rạn", "Dòng 1\nDòng 2"],
                ["HTX Hương Sơn", "Dòng 1\r\nDòng 2"],
            ],
            Title: "Tiêu đề không vào CSV");

        Assert.Equal(
            "\"Tên, đơn vị\",Ghi chú\r\n"
            + "\"Gốm \"\"Bát Tràng\"\", men rạn\",\"Dòng 1\nDòng 2\"\r\n"
            + "HTX Hương Sơn,\"Dòng 1\r\nDòng 2\"\r\n",
            Csv(table));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+84 912 345 678", "'+84 912 345 678")]
    [InlineData("-5 điểm", "'-5 điểm")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tẩn", "'\tẩn")]
    [InlineData("\rẩn", "\"'\rẩn\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("Điểm -5", "Điểm -5")]
    public void ShouldPrefixTextThatExcelWouldEvaluateWithAnApostrophe(string text, string expected)
    {
        var table = new ExportTable("A", [new("Ghi chú")], [[text]]);

        Assert.Equal("Ghi chú\r\n" + expected + "\r\n", Csv(table));
    }

    [Fact]
    public void ShouldLeaveNegativeNumbersInNumericColumnsAsNumbers()
    {
        var table = new ExportTable("A", [new("Chênh lệch", ColumnKind.Money), new("Điểm", ColumnKind.Decimal)], [[-500_000L, -1.5m]]);

        Assert.Equal("Chênh lệch,Điểm\r\n-500000,-1.5\r\n", Csv(table));
    }

    [Fact]
    public void ShouldKeepVietnameseTextThroughUtf8Decoding()
    {
        var bytes = TableExport.ToCsv(Entries());

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var text = strict.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("Nước mắm truyền thống", text);
        Assert.Contains("Đồ gỗ mỹ nghệ", text);
        Assert.StartsWith("STT,Tên sản phẩm,Điểm,Giá trị giải,Ngày đăng ký,Ghi chú\r\n", text);
    }

    [Fact]
    public void ShouldWriteDatesAsDayMonthYearAndNumbersWithAPointWhateverTheServerCulture()
    {
        var text = InCulture("vi-VN", () => Csv(Entries()));

        Assert.Equal(
            "STT,Tên sản phẩm,Điểm,Giá trị giải,Ngày đăng ký,Ghi chú\r\n"
            + "1,Nước mắm truyền thống,87.5,15000000,15/03/2025,\r\n"
            + $"2,Đồ gỗ mỹ nghệ,92.25,20000000,17/03/2025,\"'{FormulaLooking.Replace("\"", "\"\"")}\"\r\n"
            + "3,\"Gốm \"\"Bát Tràng\"\", men rạn\",,,,'-5 điểm vì nộp muộn\r\n",
            text);
    }

    [Fact]
    public void ShouldShowTimestampsAsTheDateInVietnam()
    {
        var table = new ExportTable(
            "A",
            [new("Ngày", ColumnKind.Date)],
            [
                [new DateTimeOffset(2025, 12, 31, 17, 30, 0, TimeSpan.Zero)],
                [new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc)],
                [new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.FromHours(7))],
                [new DateTime(2025, 12, 31, 23, 0, 0, DateTimeKind.Unspecified)],
                [new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.FromHours(-5))],
                // "No end date" sentinels must not overflow when shifted to UTC+7.
                [DateTimeOffset.MaxValue],
            ]);

        Assert.Equal("Ngày\r\n01/01/2026\r\n01/01/2026\r\n01/01/2026\r\n31/12/2025\r\n01/01/2026\r\n31/12/9999\r\n", Csv(table));
        using var document = Open(TableExport.ToXlsx(table));
        Assert.Equal(SerialOf(2026, 1, 1), NumberAt(document, "A2"));
        Assert.Equal(SerialOf(2025, 12, 31), NumberAt(document, "A5"));
    }

    [Fact]
    public void ShouldWriteBooleansInVietnameseAndEnumsByName()
    {
        var table = new ExportTable("A", [new("Đạt"), new("Trạng thái")], [[true, EntryStatus.Approved], [false, EntryStatus.Pending]]);

        Assert.Equal("Đạt,Trạng thái\r\nCó,Approved\r\nKhông,Pending\r\n", Csv(table));
        using var document = Open(TableExport.ToXlsx(table));
        Assert.Equal("Có", TextAt(document, "A2"));
        Assert.Equal("Pending", TextAt(document, "B3"));
    }

    // ---- helpers ----

    private static string Csv(ExportTable table) =>
        Encoding.UTF8.GetString(TableExport.ToCsv(table)[3..]);

    private static T InCulture<T>(string name, Func<T> action)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string SerialOf(int year, int month, int day) =>
        new DateTime(year, month, day).ToOADate().ToString(CultureInfo.InvariantCulture);

    private static SpreadsheetDocument Open(byte[] bytes) =>
        SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static Worksheet SheetOf(SpreadsheetDocument document) =>
        document.WorkbookPart!.WorksheetParts.Single().Worksheet;

    private static IEnumerable<Font> Fonts(SpreadsheetDocument document) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>();

    private static Cell? CellAt(SpreadsheetDocument document, string reference) =>
        SheetOf(document).Descendants<Cell>().SingleOrDefault(cell => cell.CellReference?.Value == reference);

    private static string TextAt(SpreadsheetDocument document, string reference)
    {
        var cell = CellAt(document, reference) ?? throw new InvalidOperationException($"No cell {reference}.");
        Assert.Equal(CellValues.SharedString, cell.DataType?.Value);
        Assert.Null(cell.CellFormula);
        var index = int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(index).InnerText;
    }

    private static string NumberAt(SpreadsheetDocument document, string reference)
    {
        var cell = CellAt(document, reference) ?? throw new InvalidOperationException($"No cell {reference}.");
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{reference} is not numeric.");
        Assert.Null(cell.CellFormula);
        return cell.CellValue!.Text;
    }

    private static CellFormat FormatOf(SpreadsheetDocument document, string reference)
    {
        var cell = CellAt(document, reference) ?? throw new InvalidOperationException($"No cell {reference}.");
        return document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!
            .Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
    }
}
