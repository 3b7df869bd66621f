using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Showcase.Media;

public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{**key}", async Task<IResult> (string key, HttpContext context, AccountService accounts,
            ProductService products, MediaService media, CancellationToken ct) =>
        {
            var actor = await accounts.ScopeForAsync(context.User, ct);
            MediaAccess? access;
            try
            {
                access = await products.AuthorizeMediaAsync(actor, key, ct);
            }
            catch (AccessDeniedException)
            {
                return actor.IsAuthenticated ? TypedResults.StatusCode(StatusCodes.Status403Forbidden) : TypedResults.Challenge();
            }
            if (access is null) return TypedResults.NotFound();
            var stream = await media.OpenAsync(access.Key, ct);
            if (stream is null) return TypedResults.NotFound();
            // Owned media never changes under the same key; it is private, so only the browser may keep it.
            context.Response.Headers[HeaderNames.CacheControl] = "private, max-age=86400";
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return TypedResults.Stream(stream, access.ContentType, access.DownloadName, enableRangeProcessing: true);
        });
        return endpoints;
    }
}
