using System.Security.Claims;
using KhuyenCong.Showcase.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>The signed-in person's scope, read fresh from the database for each operation.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, AccountService accounts)
{
    public async Task<UserScope> ScopeAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await accounts.ScopeForAsync(state.User.FindFirstValue(ClaimTypes.NameIdentifier));
    }
}
