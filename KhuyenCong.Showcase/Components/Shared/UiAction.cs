using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// What a refused action says, the command property it is about when it is about one input, and whether it was refused
/// because the action lies outside the person's rounds and units (a page may say that in its own words).
/// </summary>
public sealed record Refusal(string Message, string? Field = null, bool Denied = false);

/// <summary>
/// The one place a page turns a refused action into the sentence it shows: a rule's message as the domain wrote it
/// (with the field it concerns), someone else's save in between, or an action outside the person's rounds and units.
/// Anything else is a fault and goes on to the page's error boundary. Forms use <see cref="FormErrors"/>, which puts a
/// field's refusal under its box.
/// </summary>
public static class UiAction
{
    /// <returns>Null when the action succeeded; otherwise what was refused.</returns>
    public static async Task<Refusal?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return new Refusal(e.Message, e.Field);
        }
        catch (ConcurrencyConflictException e)
        {
            return new Refusal(e.Message);
        }
        catch (AccessDeniedException)
        {
            return new Refusal(UiText.Common_NotAllowed, Denied: true);
        }
    }

    /// <returns>Null when the action succeeded; otherwise the message to show.</returns>
    public static async Task<string?> RunAsync(Func<Task> action) => (await TryAsync(action))?.Message;
}
