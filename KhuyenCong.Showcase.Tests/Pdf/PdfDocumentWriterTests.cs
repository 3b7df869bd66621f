using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCong.Showcase.Common.Pdf;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Xunit.Sdk;

namespace KhuyenCong.Showcase.Tests.Pdf;

// These tests judge the PDF the way a reader would, through poppler-utils, rather than trusting
// PDFsharp's own object model: a missing glyph or an unembedded font only shows up from outside.
public sealed class PdfDocumentWriterTests : IDisposable
{
    private const string FormTitle = "Phiếu đăng ký tham gia bình chọn";
    private const string TableHeader = "Tên sản phẩm";
    private const string ToneMarks = "ỹ ữ ặ ẫ ỡ ự ừ đ Đ";
    private static readonly double Margin = 20 * 72 / 25.4;

    private readonly string _workDir = Directory.CreateTempSubdirectory("pdf-writer-tests-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public void A_form_with_a_long_table_extracts_with_its_exact_Vietnamese_text_and_page_numbers()
    {
        var text = PdfToText(Save(BuildSampleForm()), layout: true);

        foreach (var expected in new[]
        {
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ CÔNG THƯƠNG", FormTitle,
            "Thủ công mỹ nghệ", "Nguyễn Thị Hương", ToneMarks, "Hà Tĩnh, ngày 21 tháng 11 năm 2026", "NGƯỜI ĐẠI DIỆN CƠ SỞ",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var pages = Pages(text);
        Assert.True(pages.Count >= 2, $"A 60-row table should need at least two pages, got {pages.Count}.");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Trang {i + 1}/{pages.Count}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_table_header_row_appears_exactly_once_on_every_page_the_table_reaches()
    {
        var pages = Pages(PdfToText(Save(BuildSampleForm()), layout: true));
        var tablePages = pages.Where(p => p.Contains("Sản phẩm số", StringComparison.Ordinal)).ToList();

        Assert.True(tablePages.Count >= 2, $"The table should span at least two pages, got {tablePages.Count}.");
        Assert.All(tablePages, page => Assert.Equal(1, Regex.Count(page, Regex.Escape(TableHeader))));
        Assert.Contains("Sản phẩm số 01", tablePages[0], StringComparison.Ordinal);
        Assert.Contains("Sản phẩm số 60", tablePages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_rows_that_fit_on_a_page_are_never_split_across_pages()
    {
        var pages = Pages(PdfToText(Save(BuildSampleForm()), layout: true));

        // Every seventh row wraps onto a second line; both lines must land on the same page.
        Assert.All(pages, page => Assert.Equal(
            Regex.Count(page, "Sản phẩm số \\d\\d — bộ bàn ghế mây tre đan"),
            Regex.Count(page, "xuất khẩu, dệt thủ công hoàn toàn")));
        var all = string.Join('\n', pages);
        Assert.All(Enumerable.Range(1, 60), i => Assert.Equal(1, Regex.Count(all, $"Sản phẩm số {i:00}\\b")));
    }

    [Fact]
    public void Every_font_in_the_document_is_an_embedded_Noto_font()
    {
        var fonts = ListFonts(Save(BuildSampleForm()));

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"Font {f.Name} is not embedded."));
        Assert.All(fonts, f => Assert.Contains("Noto", f.Name, StringComparison.Ordinal));
        // PDFsharp names subsets like "ABCDEF+Noto Serif,Bold"; only family and style matter here.
        var faces = fonts.Select(f => Regex.Replace(f.Name[(f.Name.IndexOf('+', StringComparison.Ordinal) + 1)..], "[^A-Za-z]", string.Empty)).ToHashSet();
        Assert.Superset(new HashSet<string> { "NotoSerifRegular", "NotoSerifBold", "NotoSerifItalic", "NotoSansRegular", "NotoSansBold" }, faces);
    }

    [Fact]
    public void The_first_page_renders_to_an_A4_sized_png()
    {
        Directory.CreateDirectory(ArtifactsDir);
        var pdf = Path.Combine(ArtifactsDir, "sample-form.pdf");
        File.WriteAllBytes(pdf, BuildSampleForm());
        var prefix = Path.Combine(ArtifactsDir, "page1");

        Tools.Run("pdftoppm", "poppler-utils", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix);

        var png = File.ReadAllBytes(prefix + ".png");
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "pdftoppm did not write a PNG.");
        // 210 x 297 mm at 60 dpi.
        Assert.InRange(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), 495, 497);
        Assert.InRange(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), 701, 703);
    }

    [Fact]
    public void No_word_runs_past_the_side_margins_even_when_a_word_is_longer_than_a_line()
    {
        var longWord = string.Concat(Enumerable.Repeat("Nghiêngngảthướctấcđườngđi", 12));
        using var writer = new PdfDocumentWriter("Lề trang");
        writer.Paragraph(longWord);
        writer.Field("Mã hồ sơ", longWord);
        writer.Table(["Mã", "Mô tả"], [[longWord, longWord]], [1, 1]);
        var bytes = writer.ToBytes();
        var path = Save(bytes);

        foreach (var file in new[] { path, Save(BuildSampleForm()) })
        {
            var html = Tools.Run("pdftotext", "poppler-utils", "-bbox", "-enc", "UTF-8", file, "-");
            var pageWidth = double.Parse(Regex.Match(html, "<page width=\"([0-9.]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
            var words = Regex.Matches(html, "<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"[^>]*>([^<]*)</word>");
            Assert.NotEmpty(words);
            Assert.All(words, m =>
            {
                var xMin = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var xMax = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                Assert.True(xMin >= Margin - 1 && xMax <= pageWidth - Margin + 1, $"'{m.Groups[3].Value}' spans {xMin:F1}..{xMax:F1} pt, outside the margins.");
            });
        }

        var flat = PdfToText(path, layout: false).Replace("\n", string.Empty, StringComparison.Ordinal);
        Assert.True(Regex.Count(flat, Regex.Escape(longWord)) >= 2, "The long word lost characters when it was cut across lines.");
    }

    [Fact]
    public void Every_embedded_font_has_a_glyph_for_every_Vietnamese_letter()
    {
        var resources = typeof(PdfDocumentWriter).Assembly.GetManifestResourceNames();
        var letters = VietnameseLetters();
        Assert.Equal(146, letters.Count);

        foreach (var face in new[] { "NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSans-Regular", "NotoSans-Bold" })
        {
            Assert.Contains($"KhuyenCong.Showcase.Common.Pdf.Fonts.{face}.ttf", resources);
            var font = PdfFonts.LoadFace(face);
            var missing = letters.Where(c => !HasGlyph(font, c)).ToList();
            Assert.True(missing.Count == 0, $"{face} has no glyph for: {string.Join(' ', missing)}");
        }
    }

    [Fact]
    public async Task Writers_used_concurrently_from_several_threads_each_produce_their_own_document()
    {
        const int threads = 4;
        using var start = new Barrier(threads);
        var work = Enumerable.Range(1, threads).Select(n => Task.Factory.StartNew(
            () =>
            {
                // The barrier makes the writers start (and hit font set-up and resolution) at the same moment.
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                using var writer = new PdfDocumentWriter($"Hồ sơ {n}");
                writer.NationalHeader("UBND TỈNH HÀ TĨNH", "TRUNG TÂM KHUYẾN CÔNG");
                writer.Title($"Hồ sơ số {n}");
                writer.Table(["STT", "Nội dung"], Enumerable.Range(1, 40).Select(i => (IReadOnlyList<string>)[$"{i}", $"Dòng {i} của hồ sơ {n}: ỹ ữ ặ"]).ToList(), [1, 5]);
                return writer.ToBytes();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();

        var documents = await Task.WhenAll(work);

        for (var n = 1; n <= threads; n++)
        {
            var text = PdfToText(Save(documents[n - 1]), layout: false);
            Assert.Contains($"Hồ sơ số {n}", text, StringComparison.Ordinal);
            Assert.Contains($"Dòng 40 của hồ sơ {n}: ỹ ữ ặ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_document_info_names_the_title_and_the_project_as_author()
    {
        var info = Tools.Run("pdfinfo", "poppler-utils", Save(BuildSampleForm()));

        Assert.Matches($"(?m)^Title:\\s+{Regex.Escape(FormTitle)}$", info);
        Assert.Matches("(?m)^Author:\\s+KhuyenCong\\.Showcase$", info);
        Assert.Matches("(?m)^Page size:\\s+595\\.2\\d* x 841\\.8\\d* pts", info);
    }

    [Fact]
    public void A_landscape_document_has_A4_pages_lying_on_their_side()
    {
        using var writer = new PdfDocumentWriter("Bảng tổng hợp", landscape: true);
        writer.NationalHeader("SỞ CÔNG THƯƠNG");
        writer.Table(["STT", "Tên sản phẩm", "Đơn vị"], [["1", "Nón lá", "Cái"]], [1, 6, 2]);
        var info = Tools.Run("pdfinfo", "poppler-utils", Save(writer.ToBytes()));

        Assert.Matches("(?m)^Page size:\\s+841\\.8\\d* x 595\\.2\\d* pts", info);
    }

    [Fact]
    public void Several_signers_sign_side_by_side_below_one_place_and_date()
    {
        using var writer = new PdfDocumentWriter("Biên bản");
        writer.Paragraph("Nội dung biên bản.");
        writer.SignatureBlock([("THƯ KÝ", "Trần Văn Bình"), ("CHỦ TỊCH HỘI ĐỒNG", "Lê Thị Ánh Tuyết")], "Hà Tĩnh, ngày 21 tháng 11 năm 2026");

        var lines = PdfToText(Save(writer.ToBytes()), layout: true).Split('\n');

        var date = Array.FindIndex(lines, l => l.Contains("Hà Tĩnh, ngày 21 tháng 11 năm 2026", StringComparison.Ordinal));
        var roles = Array.FindIndex(lines, l => Regex.IsMatch(l, "THƯ KÝ\\s{3,}CHỦ TỊCH HỘI ĐỒNG"));
        var names = Array.FindIndex(lines, l => Regex.IsMatch(l, "Trần Văn Bình\\s{3,}Lê Thị Ánh Tuyết"));
        Assert.True(date >= 0 && date < roles && roles < names, "Expected the date, then both roles on one line, then both names on one line:\n" + string.Join('\n', lines));
    }

    [Fact]
    public void An_empty_field_value_prints_a_dotted_line_to_fill_in_by_hand()
    {
        using var writer = new PdfDocumentWriter("Trường trống");
        writer.Field("Số điện thoại", null);
        writer.Field("Ghi chú", "   ");

        var text = PdfToText(Save(writer.ToBytes()), layout: true);

        Assert.Matches("Số điện thoại: \\.{20,}", text);
        Assert.Matches("Ghi chú: \\.{20,}", text);
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_across_pages_with_nothing_lost()
    {
        var lines = Enumerable.Range(1, 90).Select(i => $"Dòng mô tả thứ {i:00}.").ToList();
        using var writer = new PdfDocumentWriter("Hàng rất cao");
        writer.Table(["STT", "Mô tả"], [["1", string.Join('\n', lines)], ["2", "Hàng sau"]], [1, 6]);

        var pages = Pages(PdfToText(Save(writer.ToBytes()), layout: true));

        Assert.True(pages.Count >= 2, "A row of 90 lines cannot fit on one page.");
        var all = string.Join('\n', pages);
        Assert.All(lines, l => Assert.Contains(l, all, StringComparison.Ordinal));
        Assert.Contains("Hàng sau", pages[^1], StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Equal(1, Regex.Count(p, "Mô tả\\s*$", RegexOptions.Multiline)));
    }

    [Fact]
    public void Text_typed_with_combining_diacritics_is_written_with_precomposed_letters()
    {
        var decomposed = "Nguyễn Thị Hương, Hà Tĩnh".Normalize(NormalizationForm.FormD);
        using var writer = new PdfDocumentWriter("NFD");
        writer.Paragraph(decomposed);

        var text = PdfToText(Save(writer.ToBytes()), layout: false);

        Assert.Contains("Nguyễn Thị Hương, Hà Tĩnh", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_can_be_repeated_but_writing_afterwards_is_refused()
    {
        using var writer = new PdfDocumentWriter("Một lần");
        writer.Paragraph("Nội dung");
        var first = writer.ToBytes();

        Assert.Equal(first, writer.ToBytes());
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(first, 0, 5), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => writer.Paragraph("Thêm"));
    }

    private static string ArtifactsDir => Path.Combine(AppContext.BaseDirectory, "pdf-artifacts");

    private static byte[] BuildSampleForm()
    {
        string[] categories = ["Thủ công mỹ nghệ", "Chế biến nông sản", "Đồ gỗ mỹ nghệ", "Dệt may"];
        var rows = Enumerable.Range(1, 60)
            .Select(i => (IReadOnlyList<string>)
            [
                i.ToString(CultureInfo.InvariantCulture),
                i % 7 == 0 ? $"Sản phẩm số {i:00} — bộ bàn ghế mây tre đan xuất khẩu, dệt thủ công hoàn toàn" : $"Sản phẩm số {i:00}",
                categories[i % categories.Length],
                (i * 12.5m).ToString("N1", CultureInfo.GetCultureInfo("vi-VN")),
            ])
            .ToList();

        using var writer = new PdfDocumentWriter(FormTitle);
        writer.NationalHeader("UBND TỈNH HÀ TĨNH", "SỞ CÔNG THƯƠNG");
        writer.Title(FormTitle, "Sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2026");
        writer.Heading("I. Thông tin cơ sở");
        writer.Field("Tên cơ sở", "Hợp tác xã Mây tre đan Phú Lộc");
        writer.Field("Người đại diện", "Nguyễn Thị Hương");
        writer.Field("Địa chỉ", "Thôn Trung Tiến, xã Thạch Đài, huyện Thạch Hà, tỉnh Hà Tĩnh; xưởng sản xuất đặt tại cụm công nghiệp Thạch Đài, cách trung tâm xã khoảng hai cây số");
        writer.Field("Nhóm sản phẩm", "Thủ công mỹ nghệ");
        writer.Field("Ghi chú", null);
        writer.Paragraph($"Kiểm tra dấu: {ToneMarks}");
        writer.Heading("II. Danh mục sản phẩm đăng ký");
        writer.Table(["STT", TableHeader, "Nhóm ngành", "Doanh thu (triệu đồng)"], rows, [0.7, 4, 2.2, 1.6], [true, false, false, true]);
        writer.Paragraph("Cơ sở cam đoan các thông tin kê khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật.", italic: true);
        writer.SignatureBlock([("NGƯỜI ĐẠI DIỆN CƠ SỞ", "Nguyễn Thị Hương")], "Hà Tĩnh, ngày 21 tháng 11 năm 2026");
        return writer.ToBytes();
    }

    private string Save(byte[] pdf)
    {
        var path = Path.Combine(_workDir, $"{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    private static string PdfToText(string pdf, bool layout) =>
        layout
            ? Tools.Run("pdftotext", "poppler-utils", "-layout", "-enc", "UTF-8", pdf, "-")
            : Tools.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-");

    // pdftotext ends every page with a form feed.
    private static List<string> Pages(string text) =>
        text.Split('\f').Where(p => !string.IsNullOrWhiteSpace(p)).ToList();

    private static List<(string Name, bool Embedded)> ListFonts(string pdf)
    {
        var output = Tools.Run("pdffonts", "poppler-utils", pdf).Split('\n');
        // Column widths come from the dashed rule, since the type column itself contains spaces ("CID TrueType").
        var ruleIndex = Array.FindIndex(output, l => l.StartsWith("---", StringComparison.Ordinal));
        Assert.True(ruleIndex > 0, "Unexpected pdffonts output:\n" + string.Join('\n', output));
        var headers = output[ruleIndex - 1];
        var columns = Regex.Matches(output[ruleIndex], "-+").Select(m => (m.Index, m.Length)).ToList();
        var names = columns.Select(c => headers.Substring(c.Index, Math.Min(c.Length, headers.Length - c.Index)).Trim()).ToList();
        var emb = names.IndexOf("emb");
        Assert.True(emb >= 0, "pdffonts output has no 'emb' column.");

        return output.Skip(ruleIndex + 1)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => (
                Name: l[..columns[0].Length].Trim(),
                Embedded: l.Substring(columns[emb].Index, columns[emb].Length).Trim() == "yes"))
            .ToList();
    }

    private static List<char> VietnameseLetters()
    {
        string[] tones = [string.Empty, "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        var letters = new List<char> { 'đ', 'Đ' };
        foreach (var vowel in "aăâeêioôơuưy")
        {
            foreach (var tone in tones)
            {
                var lower = (vowel + tone).Normalize(NormalizationForm.FormC);
                Assert.Single(lower);
                letters.Add(lower[0]);
                letters.Add(char.ToUpperInvariant(lower[0]));
            }
        }

        return letters.Distinct().ToList();
    }

    // A missing glyph would print as an empty box, and PDFsharp has no fallback font, so coverage
    // is checked straight from the font's cmap (formats 4 and 12, Windows/Unicode platforms).
    private static bool HasGlyph(byte[] font, char c)
    {
        var data = font.AsSpan();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = data[(12 + 16 * i)..];
            if (record[..4].SequenceEqual("cmap"u8))
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            }
        }

        Assert.True(cmap >= 0, "Font has no cmap table.");
        var subtables = BinaryPrimitives.ReadUInt16BigEndian(data[(cmap + 2)..]);
        for (var i = 0; i < subtables; i++)
        {
            var record = data[(cmap + 4 + 8 * i)..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            if (!(platform == 0 || (platform == 3 && encoding is 1 or 10)))
            {
                continue;
            }

            var table = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(data[table..]);
            if (format == 4)
            {
                var segments = BinaryPrimitives.ReadUInt16BigEndian(data[(table + 6)..]) / 2;
                var ends = table + 14;
                var starts = ends + 2 * segments + 2;
                var deltas = starts + 2 * segments;
                var offsets = deltas + 2 * segments;
                for (var s = 0; s < segments; s++)
                {
                    var end = BinaryPrimitives.ReadUInt16BigEndian(data[(ends + 2 * s)..]);
                    if (end < c)
                    {
                        continue;
                    }

                    var first = BinaryPrimitives.ReadUInt16BigEndian(data[(starts + 2 * s)..]);
                    if (first > c)
                    {
                        break;
                    }

                    var delta = BinaryPrimitives.ReadInt16BigEndian(data[(deltas + 2 * s)..]);
                    var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(data[(offsets + 2 * s)..]);
                    if (rangeOffset == 0)
                    {
                        return ((c + delta) & 0xFFFF) != 0;
                    }

                    var glyph = BinaryPrimitives.ReadUInt16BigEndian(data[(offsets + 2 * s + rangeOffset + 2 * (c - first))..]);
                    return glyph != 0;
                }
            }
            else if (format == 12)
            {
                var groups = BinaryPrimitives.ReadUInt32BigEndian(data[(table + 12)..]);
                for (var g = 0; g < groups; g++)
                {
                    var group = data[(table + 16 + 12 * g)..];
                    if (BinaryPrimitives.ReadUInt32BigEndian(group) <= c && c <= BinaryPrimitives.ReadUInt32BigEndian(group[4..]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
