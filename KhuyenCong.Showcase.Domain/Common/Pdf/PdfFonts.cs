using System.Collections.Concurrent;
using PdfSharp;
using PdfSharp.Fonts;

namespace KhuyenCong.Showcase.Common.Pdf;

// PDFsharp's licence and font resolver are process-wide and may be set only once, and Linux hosts have
// no fonts PDFsharp can find, so every writer goes through this one place for both.
public static class PdfFonts
{
    public const string Serif = "Noto Serif";
    public const string Sans = "Noto Sans";

    // Must match the LogicalName given to the EmbeddedResource items in the csproj; the default
    // manifest name would depend on RootNamespace and folder names, which is too easy to break.
    internal const string ResourcePrefix = "KhuyenCong.Showcase.Common.Pdf.Fonts.";

    internal static readonly IReadOnlyList<string> FaceNames =
    [
        "NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSans-Regular", "NotoSans-Bold",
    ];

    private static readonly Lock Gate = new();
    private static readonly EmbeddedFontResolver Resolver = new();
    private static volatile bool _configured;

    // Locked because web requests may create their first writers concurrently, and PDFsharp
    // rejects a resolver assigned after fonts have been used.
    public static void EnsureConfigured()
    {
        if (_configured)
        {
            return;
        }

        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            // PDFsharp only accepts a resolver before its first font operation, and expects the very
            // same instance on any later assignment, so a foreign resolver cannot be silently replaced.
            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Resolver;
            }
            else if (!ReferenceEquals(current, Resolver))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({current.GetType().FullName}); " +
                    "PdfFonts must be the only one so Vietnamese text renders with the embedded Noto fonts.");
            }

            _configured = true;
        }
    }

    internal static byte[] LoadFace(string faceName)
    {
        var assembly = typeof(PdfFonts).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + faceName + ".ttf")
            ?? throw new InvalidOperationException(
                $"Embedded font '{ResourcePrefix}{faceName}.ttf' is missing; check the EmbeddedResource LogicalName in the csproj.");
        using var buffer = new MemoryStream((int)stream.Length);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            // Linux has no platform fonts for PDFsharp, so any family we do not ship (e.g. a default
            // asked for internally) is better drawn in Noto than allowed to throw mid-document.
            var sans = familyName.Contains("Sans", StringComparison.OrdinalIgnoreCase)
                || familyName.Equals("Arial", StringComparison.OrdinalIgnoreCase)
                || familyName.Equals("Helvetica", StringComparison.OrdinalIgnoreCase);

            if (sans)
            {
                // Sans italic is not shipped (size budget); slanting the upright face is good enough.
                return new FontResolverInfo(bold ? "NotoSans-Bold" : "NotoSans-Regular", false, italic);
            }

            return (bold, italic) switch
            {
                (false, false) => new FontResolverInfo("NotoSerif-Regular"),
                (true, false) => new FontResolverInfo("NotoSerif-Bold"),
                (false, true) => new FontResolverInfo("NotoSerif-Italic"),
                (true, true) => new FontResolverInfo("NotoSerif-Bold", false, true),
            };
        }

        public byte[]? GetFont(string faceName) => _cache.GetOrAdd(faceName, LoadFace);
    }
}
