using System.Globalization;
using System.Text;

namespace KhuyenCong.Showcase.Common;

/// <summary>
/// Keyboards send Vietnamese composed (NFC) or decomposed (NFD); we store NFC and search on a key that folds
/// case and diacritics and maps đ to d, so "do go" finds "Đồ gỗ".
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC, without control characters (NUL …) and invisible format characters (zero-width spaces, the right-to-left
    /// override and other bidi controls, the byte order mark), runs of white space as one space, trimmed: a name of
    /// only zero-width spaces is empty, and a name cannot display as something other than what it holds.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return string.Empty;
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format) continue;
            if (category == UnicodeCategory.Control) { if (char.IsWhiteSpace(c)) builder.Append(' '); continue; }
            builder.Append(c);
        }
        return CollapseSpaces(builder.ToString().Trim());
    }

    /// <summary>An e-mail address alone: no display name, no second address, no white space, a dotted domain.</summary>
    public static bool IsEmail(string? value) =>
        value is { Length: > 2 and <= 254 } && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>')
        && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value && address.DisplayName.Length == 0
        && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    public static string? CleanOrNull(string? value)
    {
        var cleaned = Clean(value);
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>
    /// Cleans a required field; empty gives <paramref name="message"/>, too long the length limit, both about
    /// <paramref name="field"/> (see <see cref="DomainException.Field"/>).
    /// </summary>
    public static string Required(string? value, int maxLength, string message, string? field = null)
    {
        var cleaned = Clean(value);
        if (cleaned.Length == 0) throw new DomainException(message, field);
        if (cleaned.Length > maxLength) throw new DomainException(TooLong(maxLength), field);
        return cleaned;
    }

    public static string? Optional(string? value, int maxLength, string? field = null)
    {
        var cleaned = CleanOrNull(value);
        if (cleaned?.Length > maxLength) throw new DomainException(TooLong(maxLength), field);
        return cleaned;
    }

    private static string TooLong(int maxLength) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, Resources.Messages.TextTooLong, maxLength);

    /// <summary>
    /// The items whose words contain what was typed, both folded by <see cref="SearchKey"/> ("lo hoa gom" finds "Lọ hoa
    /// gốm"); all of them when nothing was typed. For short lists already in memory; lists in the database search their
    /// SearchKey column in SQL.
    /// </summary>
    public static IEnumerable<T> Matching<T>(IEnumerable<T> items, string? typed, Func<T, string> words)
    {
        var key = SearchKey(typed);
        return key.Length == 0 ? items : items.Where(item => SearchKey(words(item)).Contains(key, StringComparison.Ordinal));
    }

    public static string SearchKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return string.Empty;
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ when char.IsLetterOrDigit(c) => char.ToLowerInvariant(c),
                _ => ' ',
            });
        }
        return CollapseSpaces(builder.ToString().Trim());
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (isSpace && lastWasSpace) continue;
            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }
        return builder.ToString();
    }
}
