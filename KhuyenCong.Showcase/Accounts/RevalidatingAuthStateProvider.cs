using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>
/// A circuit lives for hours: every minute it checks that the account's session has not ended meanwhile (locked,
/// role or scope changed, signed out elsewhere). Every operation checks it too, through <see cref="CurrentUser"/>;
/// this only brings the page's signed-in state in line without waiting for a click.
/// </summary>
public sealed class RevalidatingAuthStateProvider(ILoggerFactory loggerFactory, AccountService accounts)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        (await accounts.ScopeForAsync(state.User, ct)).IsAuthenticated;
}
