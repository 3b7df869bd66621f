using Microsoft.AspNetCore.Components.Authorization;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>
/// The signed-in person's scope, read fresh from the database for each operation of a circuit: a circuit outlives
/// the request that opened it, so a lock, a role change or a sign-out elsewhere must reach it at the next click.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, AccountService accounts)
{
    public async Task<UserScope> ScopeAsync() => await accounts.ScopeForAsync((await authentication.GetAuthenticationStateAsync()).User);
}
