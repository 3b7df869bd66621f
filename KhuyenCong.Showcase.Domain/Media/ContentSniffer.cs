using System.Text;

namespace KhuyenCong.Showcase.Media;

/// <summary>
/// What an upload is by its first bytes, for what ImageSharp does not read: PDF (strictly at offset 0, since
/// readers that tolerate leading junk are what polyglot files exploit) and SVG or HTML, named in the refusal
/// because they can carry script. The file name and the declared content type are never consulted.
/// </summary>
public static class ContentSniffer
{
    public static bool IsPdf(ReadOnlySpan<byte> header) => header.StartsWith("%PDF-"u8);

    public static bool LooksLikeSvgOrHtml(ReadOnlySpan<byte> header)
    {
        var text = header.StartsWith("\uFEFF"u8) ? header[3..] : header;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f') start++;
        text = text[start..];
        return StartsWithIgnoreCase(text, "<?xml"u8) || StartsWithIgnoreCase(text, "<svg"u8)
            || StartsWithIgnoreCase(text, "<!DOCTYPE"u8) || StartsWithIgnoreCase(text, "<html"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
