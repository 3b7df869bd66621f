using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// The one place a page turns a refused action into the sentence it shows: a rule's message as the domain wrote it,
/// someone else's save in between, or an action outside the person's rounds and units. Anything else is a fault and
/// goes on to the page's error boundary.
/// </summary>
public static class UiAction
{
    /// <returns>Null when the action succeeded; otherwise the message to show.</returns>
    public static async Task<string?> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e) when (e is DomainException or ConcurrencyConflictException)
        {
            return e.Message;
        }
        catch (AccessDeniedException)
        {
            return UiText.Common_NotAllowed;
        }
    }
}
