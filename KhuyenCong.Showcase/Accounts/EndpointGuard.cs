using System.Text;
using KhuyenCong.Showcase.Common;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>
/// File endpoints authorise in the services: this turns their refusals into HTTP (403 when signed in, sign-in
/// otherwise; a broken rule as 400 with its Vietnamese message) and keeps private files out of caches.
/// </summary>
public static class EndpointGuard
{
    public static async Task<IResult> RunAsync(HttpContext context, AccountService accounts, Func<UserScope, CancellationToken, Task<IResult>> action)
    {
        var actor = await accounts.ScopeForAsync(context.User, context.RequestAborted);
        try
        {
            var result = await action(actor, context.RequestAborted);
            // Dossiers, sheets and minutes change until the round closes and are private: no proxy or back button may serve an old one.
            context.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return result;
        }
        catch (AccessDeniedException)
        {
            return actor.IsAuthenticated ? TypedResults.StatusCode(StatusCodes.Status403Forbidden) : TypedResults.Challenge();
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (DomainException e)
        {
            return TypedResults.Text(e.Message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }
    }
}
