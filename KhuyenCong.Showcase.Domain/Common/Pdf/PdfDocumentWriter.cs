using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KhuyenCong.Showcase.Common.Pdf;

// A small flow layout over the PDFsharp core package (MigraDoc is not served here): the forms need only a
// handful of block types, drawn with the embedded Noto fonts and no platform fonts.
public sealed class PdfDocumentWriter : IDisposable
{
    public const string Author = "KhuyenCong.Showcase";

    private const double BodySize = 12;
    private const double TableSize = 10;
    private const double CellPadX = 3;
    private const double CellPadY = 2.5;

    private static readonly XBrush Ink = XBrushes.Black;
    // Unicode encoding guarantees a ToUnicode map, so Vietnamese text stays searchable and copyable.
    private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);

    private readonly PdfDocument _document;
    // Pens are mutable PDFsharp objects, so each writer owns its own rather than sharing statics across threads.
    private readonly XPen _rule = new(XColors.Black, 0.6);
    private readonly XPen _grid = new(XColors.Black, 0.5);
    private readonly XBrush _headerFill = new XSolidBrush(XColor.FromArgb(235, 235, 235));
    private readonly Dictionary<(string Family, double Size, XFontStyleEx Style), XFont> _fonts = [];
    private readonly double _pageWidth;
    private readonly double _pageHeight;
    private readonly double _margin = Mm(20);

    private XGraphics _gfx;
    private double _y;
    private byte[]? _result;
    private bool _disposed;

    public PdfDocumentWriter(string title, bool landscape = false)
    {
        PdfFonts.EnsureConfigured();
        _pageWidth = Mm(landscape ? 297 : 210);
        _pageHeight = Mm(landscape ? 210 : 297);

        _document = new PdfDocument();
        _document.Info.Title = Nfc(title);
        _document.Info.Author = Author;
        _document.Info.Creator = Author;
        _gfx = AddPage();
    }

    private double Left => _margin;
    private double ContentWidth => _pageWidth - 2 * _margin;
    private double Bottom => _pageHeight - _margin;

    public void NationalHeader(string? leftTop = null, string? leftBottom = null)
    {
        EnsureWritable();
        var leftWidth = ContentWidth * 0.42;
        var rightX = Left + leftWidth;
        var rightWidth = ContentWidth - leftWidth;

        var agencies = new[] { leftTop, leftBottom }.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var agencyLines = agencies
            .Select((text, i) =>
            {
                // Decree 30/2020/ND-CP: the issuing body (last line) is bold and underlined; a parent body above it is not.
                var font = Font(PdfFonts.Serif, BodySize, i == agencies.Count - 1 ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                return Wrap([(text, font)], leftWidth - Mm(2), leftWidth - Mm(2), font);
            })
            .ToList();
        var nation = FitLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", XFontStyleEx.Bold, BodySize, rightWidth);
        var motto = FitLine("Độc lập - Tự do - Hạnh phúc", XFontStyleEx.Bold, BodySize + 1, rightWidth);
        KeepTogether(Math.Max(agencyLines.Sum(b => b.Sum(l => l.Height)), nation.Height + motto.Height) + 4);

        var leftY = _y;
        foreach (var block in agencyLines)
        {
            foreach (var line in block)
            {
                DrawLine(line, Left, leftWidth, leftY, Align.Center);
                leftY += line.Height;
            }
        }

        if (agencyLines.Count > 0)
        {
            var ruleWidth = Math.Min(leftWidth * 0.4, agencyLines[^1].Max(l => l.Width));
            var cx = Left + leftWidth / 2;
            leftY += 2;
            _gfx.DrawLine(_rule, cx - ruleWidth / 2, leftY, cx + ruleWidth / 2, leftY);
            leftY += 2;
        }

        var rightY = _y;
        DrawLine(nation, rightX, rightWidth, rightY, Align.Center);
        rightY += nation.Height;
        DrawLine(motto, rightX, rightWidth, rightY, Align.Center);
        rightY += motto.Height + 2;
        var mx = rightX + rightWidth / 2;
        _gfx.DrawLine(_rule, mx - motto.Width / 2, rightY, mx + motto.Width / 2, rightY);
        rightY += 2;

        _y = Math.Max(leftY, rightY) + Mm(6);
    }

    public void Title(string text, string? subtitle = null)
    {
        EnsureWritable();
        _y += Mm(3);
        var titleFont = Font(PdfFonts.Serif, 15, XFontStyleEx.Bold);
        var lines = Wrap([(text, titleFont)], ContentWidth, ContentWidth, titleFont);
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            var subFont = Font(PdfFonts.Serif, 13, XFontStyleEx.Bold);
            lines.AddRange(Wrap([(subtitle, subFont)], ContentWidth, ContentWidth, subFont));
        }

        // A title must not be the last thing on a page.
        KeepTogether(lines.Sum(l => l.Height) + 3 * LineHeight(Font(PdfFonts.Serif, BodySize)));
        foreach (var line in lines)
        {
            EnsureSpace(line.Height);
            DrawLine(line, Left, ContentWidth, _y, Align.Center);
            _y += line.Height;
        }

        _y += Mm(5);
    }

    public void Heading(string text)
    {
        EnsureWritable();
        _y += Mm(3);
        var font = Font(PdfFonts.Serif, BodySize + 1, XFontStyleEx.Bold);
        var lines = Wrap([(text, font)], ContentWidth, ContentWidth, font);
        KeepTogether(lines.Sum(l => l.Height) + 2 * LineHeight(Font(PdfFonts.Serif, BodySize)));
        WriteLines(lines, Left, ContentWidth, ContentWidth, Align.Left);
        _y += Mm(1.5);
    }

    public void Paragraph(string text, bool italic = false, bool bold = false, double size = BodySize)
    {
        EnsureWritable();
        var style = (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        var font = Font(PdfFonts.Serif, size, style);
        WriteLines(Wrap([(text, font)], ContentWidth, ContentWidth, font), Left, ContentWidth, ContentWidth, Align.Left);
        _y += Mm(2);
    }

    public void Field(string label, string? value)
    {
        EnsureWritable();
        var labelFont = Font(PdfFonts.Serif, BodySize, XFontStyleEx.Bold);
        var valueFont = Font(PdfFonts.Serif, BodySize);
        var labelText = Nfc(label).TrimEnd().TrimEnd(':') + ":";
        var labelWidth = _gfx.MeasureString(labelText + " ", labelFont).Width;
        // Hang continuation lines under the value when the label is short, otherwise a fixed indent keeps them readable.
        var indent = labelWidth <= ContentWidth * 0.4 ? labelWidth : Mm(10);

        List<Line> lines;
        if (string.IsNullOrWhiteSpace(value))
        {
            lines = Wrap([(labelText, labelFont)], ContentWidth, ContentWidth, labelFont);
            var last = lines[^1];
            var room = ContentWidth - last.Width - _gfx.MeasureString(" ", valueFont).Width;
            if (room < ContentWidth * 0.25)
            {
                lines.Add(DotLine(valueFont, ContentWidth - indent));
            }
            else
            {
                var dots = DotLine(valueFont, room);
                last.Add(" " + dots.Segments[0].Text, valueFont, _gfx.MeasureString(" " + dots.Segments[0].Text, valueFont).Width);
            }
        }
        else
        {
            lines = Wrap([(labelText, labelFont), (value, valueFont)], ContentWidth, ContentWidth - indent, valueFont);
        }

        WriteLines(lines, Left, ContentWidth, ContentWidth - indent, Align.Left, indent);
        _y += Mm(1);
    }

    public void Table(
        IReadOnlyList<string> headers,
        IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<double> relativeWidths,
        IReadOnlyList<bool>? alignRight = null)
    {
        EnsureWritable();
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(relativeWidths);
        var columns = headers.Count;
        if (columns == 0 || relativeWidths.Count != columns || (alignRight is not null && alignRight.Count != columns))
        {
            throw new ArgumentException("Headers, relative widths and alignments must have one entry per column.");
        }

        if (relativeWidths.Any(w => !(w > 0)))
        {
            throw new ArgumentException("Relative widths must be positive.", nameof(relativeWidths));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Count} cells; the table has {columns} columns.", nameof(rows));
            }
        }

        var total = relativeWidths.Sum();
        var widths = relativeWidths.Select(w => w / total * ContentWidth).ToArray();
        var regular = Font(PdfFonts.Sans, TableSize);
        var bold = Font(PdfFonts.Sans, TableSize, XFontStyleEx.Bold);
        var lineHeight = Math.Max(LineHeight(regular), LineHeight(bold));

        var headerCells = Enumerable.Range(0, columns)
            .Select(c => Wrap([(headers[c], bold)], widths[c] - 2 * CellPadX, widths[c] - 2 * CellPadX, bold))
            .ToArray();
        var headerHeight = headerCells.Max(c => c.Count) * lineHeight + 2 * CellPadY;

        _y += Mm(1);
        var firstRowHeight = rows.Count == 0
            ? 0
            : CellLines(rows[0], widths, regular).Max(c => c.Count) * lineHeight + 2 * CellPadY;
        // The header must not be stranded at the foot of a page without the row that follows it.
        var pageRoom = Bottom - _margin - headerHeight;
        EnsureSpace(headerHeight + (firstRowHeight <= pageRoom ? firstRowHeight : lineHeight + 2 * CellPadY));

        DrawTableRow(headerCells, widths, 0, headerCells.Max(c => c.Count), lineHeight, null, header: true);

        foreach (var row in rows)
        {
            var cells = CellLines(row, widths, regular);
            var lineCount = cells.Max(c => c.Count);
            var rowHeight = lineCount * lineHeight + 2 * CellPadY;

            if (_y + rowHeight > Bottom && rowHeight <= pageRoom)
            {
                NewPage();
                DrawTableRow(headerCells, widths, 0, headerCells.Max(c => c.Count), lineHeight, null, header: true);
            }

            // Only a row taller than a whole page gets here unfitted; it is split into slices of lines.
            var start = 0;
            var freshPage = false;
            while (start < lineCount)
            {
                var fit = (int)Math.Floor((Bottom - _y - 2 * CellPadY) / lineHeight);
                if (fit < 1 && !freshPage)
                {
                    NewPage();
                    DrawTableRow(headerCells, widths, 0, headerCells.Max(c => c.Count), lineHeight, null, header: true);
                    freshPage = true;
                    continue;
                }

                // Even an absurdly tall header must not stall the loop: at least one line goes out per page.
                var take = Math.Clamp(fit, 1, lineCount - start);
                DrawTableRow(cells, widths, start, take, lineHeight, alignRight, header: false);
                start += take;
                freshPage = false;
            }
        }

        _y += Mm(4);
    }

    public void Spacer(double millimetres)
    {
        EnsureWritable();
        _y = Math.Min(_y + Mm(Math.Max(0, millimetres)), Bottom);
    }

    public void SignatureBlock(IReadOnlyList<(string Role, string Name)> signers, string? placeAndDate = null)
    {
        EnsureWritable();
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Count == 0 && string.IsNullOrWhiteSpace(placeAndDate))
        {
            return;
        }

        var italic = Font(PdfFonts.Serif, BodySize, XFontStyleEx.Italic);
        var bold = Font(PdfFonts.Serif, BodySize, XFontStyleEx.Bold);
        // A lone signer takes the right half, as on Vietnamese forms; several share the width equally.
        var columnCount = Math.Max(1, signers.Count);
        var columnWidth = signers.Count <= 1 ? ContentWidth / 2 : ContentWidth / columnCount;
        double ColumnX(int i) => signers.Count <= 1 ? Left + ContentWidth / 2 : Left + i * columnWidth;
        var inner = columnWidth - Mm(4);

        var dateLines = string.IsNullOrWhiteSpace(placeAndDate) ? [] : Wrap([(placeAndDate, italic)], inner, inner, italic);
        var blocks = signers
            .Select(s => (Role: Wrap([(s.Role, bold)], inner, inner, bold), Name: Wrap([(s.Name, bold)], inner, inner, bold)))
            .ToList();
        var height = dateLines.Sum(l => l.Height)
            + (blocks.Count == 0 ? 0 : blocks.Max(b => b.Role.Sum(l => l.Height) + Mm(25) + b.Name.Sum(l => l.Height)));

        _y += Mm(4);
        KeepTogether(height);

        // The place and date sit above the rightmost (the issuing) signer.
        var dateX = ColumnX(columnCount - 1);
        foreach (var line in dateLines)
        {
            DrawLine(line, dateX, columnWidth, _y, Align.Center);
            _y += line.Height;
        }

        var top = _y;
        var lowest = _y;
        for (var i = 0; i < blocks.Count; i++)
        {
            var by = top;
            foreach (var line in blocks[i].Role)
            {
                DrawLine(line, ColumnX(i), columnWidth, by, Align.Center);
                by += line.Height;
            }

            by += Mm(25);
            foreach (var line in blocks[i].Name)
            {
                DrawLine(line, ColumnX(i), columnWidth, by, Align.Center);
                by += line.Height;
            }

            lowest = Math.Max(lowest, by);
        }

        _y = lowest + Mm(4);
    }

    public byte[] ToBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_result is not null)
        {
            return (byte[])_result.Clone();
        }

        _gfx.Dispose();
        var footerFont = Font(PdfFonts.Serif, 10, XFontStyleEx.Italic);
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            // Footers are drawn last because the page total is unknown until the flow has ended.
            using var footer = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"Trang {(i + 1).ToString(CultureInfo.InvariantCulture)}/{count.ToString(CultureInfo.InvariantCulture)}";
            var size = footer.MeasureString(text, footerFont);
            footer.DrawString(text, footerFont, Ink, (_pageWidth - size.Width) / 2, _pageHeight - Mm(12), XStringFormats.TopLeft);
        }

        using var stream = new MemoryStream();
        _document.Save(stream, false);
        _result = stream.ToArray();
        return (byte[])_result.Clone();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_result is null)
        {
            _gfx.Dispose();
        }

        _document.Dispose();
    }

    private static double Mm(double millimetres) => millimetres * 72 / 25.4;

    // PDFsharp does no OpenType shaping, so decomposed diacritics (common in text pasted from macOS
    // or some IMEs) would be stacked badly; NFC maps them onto the precomposed Vietnamese glyphs.
    private static string Nfc(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\t', ' ').Normalize(NormalizationForm.FormC);

    private XGraphics AddPage()
    {
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(_pageWidth);
        page.Height = XUnit.FromPoint(_pageHeight);
        _y = _margin;
        return XGraphics.FromPdfPage(page);
    }

    private void NewPage()
    {
        _gfx.Dispose();
        _gfx = AddPage();
    }

    private void EnsureWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_result is not null)
        {
            throw new InvalidOperationException("The document has already been rendered with ToBytes().");
        }
    }

    private void EnsureSpace(double height)
    {
        if (_y + height > Bottom && _y > _margin)
        {
            NewPage();
        }
    }

    private void KeepTogether(double height)
    {
        if (height <= Bottom - _margin)
        {
            EnsureSpace(height);
        }
    }

    private XFont Font(string family, double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        if (!_fonts.TryGetValue((family, size, style), out var font))
        {
            font = new XFont(family, size, style, FontOptions);
            _fonts[(family, size, style)] = font;
        }

        return font;
    }

    private static double LineHeight(XFont font) => font.GetHeight();

    private void WriteLines(List<Line> lines, double x, double firstWidth, double restWidth, Align align, double indent = 0)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(lines[i].Height);
            if (i == 0)
            {
                DrawLine(lines[i], x, firstWidth, _y, align);
            }
            else
            {
                DrawLine(lines[i], x + indent, restWidth, _y, align);
            }

            _y += lines[i].Height;
        }
    }

    private void DrawLine(Line line, double x, double width, double top, Align align)
    {
        var cx = align switch
        {
            Align.Center => x + (width - line.Width) / 2,
            Align.Right => x + width - line.Width,
            _ => x,
        };
        foreach (var segment in line.Segments)
        {
            _gfx.DrawString(segment.Text, segment.Font, Ink, cx, top, XStringFormats.TopLeft);
            cx += segment.Width;
        }
    }

    private Line FitLine(string text, XFontStyleEx style, double size, double width)
    {
        // The national name and motto are never wrapped on real documents; shrinking keeps them on one line.
        var font = Font(PdfFonts.Serif, size, style);
        var measured = _gfx.MeasureString(text, font).Width;
        while (measured > width && size > 8)
        {
            size -= 0.5;
            font = Font(PdfFonts.Serif, size, style);
            measured = _gfx.MeasureString(text, font).Width;
        }

        var line = new Line(LineHeight(font));
        line.Add(text, font, measured);
        return line;
    }

    private Line DotLine(XFont font, double width)
    {
        var dot = _gfx.MeasureString(".", font).Width;
        var count = Math.Max(3, (int)Math.Floor(width / dot) - 1);
        var text = new string('.', count);
        var line = new Line(LineHeight(font));
        line.Add(text, font, _gfx.MeasureString(text, font).Width);
        return line;
    }

    private List<Line>[] CellLines(IReadOnlyList<string> row, double[] widths, XFont font) =>
        row.Select((cell, c) => Wrap([(cell, font)], widths[c] - 2 * CellPadX, widths[c] - 2 * CellPadX, font)).ToArray();

    private void DrawTableRow(List<Line>[] cells, double[] widths, int firstLine, int lineCount, double lineHeight, IReadOnlyList<bool>? alignRight, bool header)
    {
        var height = lineCount * lineHeight + 2 * CellPadY;
        var x = Left;
        for (var c = 0; c < cells.Length; c++)
        {
            if (header)
            {
                _gfx.DrawRectangle(_grid, _headerFill, x, _y, widths[c], height);
            }
            else
            {
                _gfx.DrawRectangle(_grid, x, _y, widths[c], height);
            }

            var align = header ? Align.Center : alignRight is not null && alignRight[c] ? Align.Right : Align.Left;
            // Header captions are centred both ways so a wrapped caption does not leave its neighbours hanging at the top.
            var ly = _y + CellPadY + (header ? (lineCount - cells[c].Count) * lineHeight / 2 : 0);
            for (var i = firstLine; i < Math.Min(cells[c].Count, firstLine + lineCount); i++)
            {
                DrawLine(cells[c][i], x + CellPadX, widths[c] - 2 * CellPadX, ly, align);
                ly += lineHeight;
            }

            x += widths[c];
        }

        _y += height;
    }

    // Runs are joined by one space because callers pass label/value pairs; an over-long word (codes,
    // URLs) is cut between text elements so no letter is ever separated from its combining mark.
    private List<Line> Wrap(IReadOnlyList<(string? Text, XFont Font)> runs, double firstWidth, double restWidth, XFont baseFont)
    {
        var lines = new List<Line> { new(LineHeight(baseFont)) };
        var available = firstWidth;

        void Break()
        {
            lines.Add(new Line(LineHeight(baseFont)));
            available = restWidth;
        }

        foreach (var (rawText, font) in runs)
        {
            var paragraphs = Nfc(rawText).Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0)
                {
                    Break();
                }

                foreach (var word in paragraphs[p].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var current = lines[^1];
                    var wordWidth = _gfx.MeasureString(word, font).Width;
                    if (!current.IsEmpty)
                    {
                        var spaced = " " + word;
                        var spacedWidth = _gfx.MeasureString(spaced, font).Width;
                        if (current.Width + spacedWidth <= available)
                        {
                            current.Add(spaced, font, spacedWidth);
                            continue;
                        }

                        Break();
                        current = lines[^1];
                    }

                    if (wordWidth <= available)
                    {
                        current.Add(word, font, wordWidth);
                        continue;
                    }

                    var piece = new StringBuilder();
                    var elements = StringInfo.GetTextElementEnumerator(word);
                    while (elements.MoveNext())
                    {
                        var element = elements.GetTextElement();
                        if (piece.Length > 0 && _gfx.MeasureString(piece + element, font).Width > available)
                        {
                            current.Add(piece.ToString(), font, _gfx.MeasureString(piece.ToString(), font).Width);
                            Break();
                            current = lines[^1];
                            piece.Clear();
                        }

                        piece.Append(element);
                    }

                    current.Add(piece.ToString(), font, _gfx.MeasureString(piece.ToString(), font).Width);
                }
            }
        }

        return lines;
    }

    private enum Align
    {
        Left,
        Center,
        Right,
    }

    private sealed record Segment(string Text, XFont Font, double Width);

    private sealed class Line(double minHeight)
    {
        public List<Segment> Segments { get; } = [];

        public double Width { get; private set; }

        public double Height { get; private set; } = minHeight;

        public bool IsEmpty => Segments.Count == 0;

        public void Add(string text, XFont font, double width)
        {
            // Same-font pieces are merged so each line is one text run and extracts with its real spaces.
            if (Segments.Count > 0 && ReferenceEquals(Segments[^1].Font, font))
            {
                var last = Segments[^1];
                Segments[^1] = last with { Text = last.Text + text, Width = last.Width + width };
            }
            else
            {
                Segments.Add(new Segment(text, font, width));
            }

            Width += width;
            Height = Math.Max(Height, font.GetHeight());
        }
    }
}
