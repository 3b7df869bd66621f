namespace KhuyenCong.Showcase.Common;

/// <summary>A broken business rule. The message is already localized for the current UI culture.</summary>
public sealed class DomainException(string message) : Exception(message)
{
    public static DomainException Of(string format, params object?[] args) =>
        new(string.Format(System.Globalization.CultureInfo.CurrentCulture, format, args));
}

/// <summary>Someone else saved the record first; the caller reloads and tries again.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The actor may not see or change this record: pages answer with the 403 page, endpoints with 403.</summary>
public sealed class AccessDeniedException() : Exception(Resources.Messages.Forbidden);
