using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Showcase.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn, HttpContext context, [FromForm] string? returnUrl) =>
        {
            // A new stamp makes every copy of this account's cookie worthless, on this device and any other.
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(SafeReturn(returnUrl));
        });

        // A full page load follows, so an open circuit restarts in the chosen language.
        endpoints.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "vi-VN";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(SafeReturn(returnUrl));
        });
        return endpoints;
    }

    /// <summary>
    /// Only local paths: an open redirect would let a phishing link borrow our address. A path with a control or
    /// space character is not one (LocalRedirect would throw on it); letters outside ASCII are percent-encoded, since
    /// a Location header carries ASCII only ("/san-pham?q=gốm" arrives as typed and must still work).
    /// </summary>
    public static string SafeReturn(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
            || returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
            return "/";
        if (returnUrl.All(char.IsAscii)) return returnUrl;
        var encoded = new System.Text.StringBuilder(returnUrl.Length * 2);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(returnUrl))
            encoded.Append(b < 0x80 ? ((char)b).ToString() : $"%{b:X2}");
        return encoded.ToString();
    }
}
