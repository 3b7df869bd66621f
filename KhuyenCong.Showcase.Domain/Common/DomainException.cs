namespace KhuyenCong.Showcase.Common;

/// <summary>
/// A broken business rule. The message is already localized for the current UI culture. <see cref="Field"/> names the input
/// the rule is about, when it is about one: the property's name on the command the form sends (<c>ProducerDetails.TaxCode</c>
/// gives <c>"TaxCode"</c>), which the form models use for the same box, so a page shows the sentence under that box.
/// </summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    /// <summary>The command property the refusal concerns, or null when it concerns the record as a whole.</summary>
    public string? Field { get; } = field;

    public static DomainException Of(string format, params object?[] args) =>
        new(string.Format(System.Globalization.CultureInfo.CurrentCulture, format, args));

    /// <summary>A refusal about one input (<paramref name="field"/>: <c>nameof</c> the command's property).</summary>
    public static DomainException At(string field, string message) => new(message, field);

    public static DomainException At(string field, string format, params object?[] args) =>
        new(string.Format(System.Globalization.CultureInfo.CurrentCulture, format, args), field);
}

/// <summary>The record does not exist (or no longer): pages answer with the 404 page, endpoints with 404.</summary>
public sealed class NotFoundException() : DomainException(Resources.Messages.NotFound);

/// <summary>Someone else saved the record first; the caller reloads and tries again.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The actor may not see or change this record: pages answer with the 403 page, endpoints with 403.</summary>
public sealed class AccessDeniedException() : Exception(Resources.Messages.Forbidden);
