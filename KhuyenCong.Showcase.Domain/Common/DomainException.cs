namespace KhuyenCong.Showcase.Common;

/// <summary>A broken business rule. The message is already localized for the current UI culture.</summary>
public class DomainException(string message) : Exception(message)
{
    public static DomainException Of(string format, params object?[] args) =>
        new(string.Format(System.Globalization.CultureInfo.CurrentCulture, format, args));
}

/// <summary>The record does not exist (or no longer): pages answer with the 404 page, endpoints with 404.</summary>
public sealed class NotFoundException() : DomainException(Resources.Messages.NotFound);

/// <summary>Someone else saved the record first; the caller reloads and tries again.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The actor may not see or change this record: pages answer with the 403 page, endpoints with 403.</summary>
public sealed class AccessDeniedException() : Exception(Resources.Messages.Forbidden);
