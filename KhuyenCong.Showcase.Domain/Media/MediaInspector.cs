using System.Buffers.Binary;
using System.Text;

namespace KhuyenCong.Showcase.Media;

public enum MediaKind
{
    Jpeg,
    Png,
    WebP,
    Pdf,
}

/// <summary>What an uploaded file really is, judged from its bytes. Width and Height are 0 for PDF.</summary>
public sealed record MediaInfo(MediaKind Kind, string ContentType, int Width, int Height);

/// <summary>
/// Identifies uploads by their content only; the file name and the content type the browser declared
/// are attacker-controlled and deliberately not part of this API.
/// </summary>
public static class MediaInspector
{
    /// <summary>
    /// How many leading bytes callers should pass so that dimensions can be found
    /// (a JPEG SOF marker can sit after large EXIF, XMP or ICC segments).
    /// </summary>
    public const int HeaderBytes = 256 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Returns null when the bytes are not JPEG, PNG, WebP or PDF, or when an image is malformed or
    /// truncated such that its dimensions cannot be read. Never throws.
    /// </summary>
    public static MediaInfo? Inspect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PngSignature))
        {
            return InspectPng(header);
        }

        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return InspectJpeg(header);
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return InspectWebP(header);
        }

        // Strictly at offset 0: readers that tolerate leading junk are what polyglot files exploit.
        if (header.StartsWith("%PDF-"u8))
        {
            return new MediaInfo(MediaKind.Pdf, "application/pdf", 0, 0);
        }

        return null;
    }

    /// <summary>
    /// True for text that opens (after an optional UTF-8 BOM and whitespace) like SVG, XML or HTML,
    /// so the caller can explain why such an upload is refused: it can carry script.
    /// </summary>
    public static bool LooksLikeSvgOrHtml(ReadOnlySpan<byte> header)
    {
        var text = header;
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f')
        {
            start++;
        }

        text = text[start..];
        return StartsWithIgnoreCase(text, "<?xml"u8)
            || StartsWithIgnoreCase(text, "<svg"u8)
            || StartsWithIgnoreCase(text, "<!DOCTYPE"u8)
            || StartsWithIgnoreCase(text, "<html"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

    private static MediaInfo? InspectPng(ReadOnlySpan<byte> header)
    {
        // Signature, then the IHDR chunk, which the format requires to come first with a length of 13.
        if (header.Length < 24
            || BinaryPrimitives.ReadUInt32BigEndian(header[8..]) != 13
            || !header.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            return null;
        }

        return new MediaInfo(MediaKind.Png, "image/png", (int)width, (int)height);
    }

    private static MediaInfo? InspectJpeg(ReadOnlySpan<byte> header)
    {
        var pos = 2;
        while (true)
        {
            // Strict: anything but a marker where one must be means the segment lengths cannot be trusted.
            if (pos >= header.Length || header[pos] != 0xFF)
            {
                return null;
            }

            while (pos < header.Length && header[pos] == 0xFF)
            {
                pos++;
            }

            if (pos >= header.Length)
            {
                return null;
            }

            var marker = header[pos++];
            if (marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            // 0x00 is byte stuffing, which belongs in entropy-coded data; EOI or SOS first means no frame header.
            if (marker is 0x00 or 0xD9 or 0xDA)
            {
                return null;
            }

            if (header.Length - pos < 2)
            {
                return null;
            }

            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(header[pos..]);
            if (segmentLength < 2)
            {
                return null;
            }

            if (IsStartOfFrame(marker))
            {
                if (segmentLength < 7 || header.Length - pos < 7)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(header[(pos + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(header[(pos + 5)..]);

                // A zero height defers to a DNL marker after the scan, which a header check cannot reach.
                if (width == 0 || height == 0)
                {
                    return null;
                }

                return new MediaInfo(MediaKind.Jpeg, "image/jpeg", width, height);
            }

            // Compared as a remainder so a huge buffer cannot overflow pos into a negative index.
            if (segmentLength > header.Length - pos)
            {
                return null;
            }

            pos += segmentLength;
        }
    }

    // C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but are not frame headers.
    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static MediaInfo? InspectWebP(ReadOnlySpan<byte> header)
    {
        const int payload = 20;
        if (header.Length < payload)
        {
            return null;
        }

        var chunk = header.Slice(12, 4);
        int width;
        int height;

        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (header.Length < payload + 10
                || header[payload + 3] != 0x9D || header[payload + 4] != 0x01 || header[payload + 5] != 0x2A)
            {
                return null;
            }

            // The top two bits of each field are an upscaling hint, not part of the size.
            width = BinaryPrimitives.ReadUInt16LittleEndian(header[(payload + 6)..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(header[(payload + 8)..]) & 0x3FFF;
        }
        else if (chunk.SequenceEqual("VP8L"u8))
        {
            if (header.Length < payload + 5 || header[payload] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(header[(payload + 1)..]);

            // The version field must be 0; anything else is a format this check does not understand.
            if (bits >> 29 != 0)
            {
                return null;
            }

            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
        }
        else if (chunk.SequenceEqual("VP8X"u8))
        {
            if (header.Length < payload + 10)
            {
                return null;
            }

            width = ReadUInt24LittleEndian(header[(payload + 4)..]) + 1;
            height = ReadUInt24LittleEndian(header[(payload + 7)..]) + 1;
        }
        else
        {
            return null;
        }

        if (width == 0 || height == 0)
        {
            return null;
        }

        return new MediaInfo(MediaKind.WebP, "image/webp", width, height);
    }

    private static int ReadUInt24LittleEndian(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
