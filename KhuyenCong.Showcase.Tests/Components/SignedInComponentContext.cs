using System.Security.Claims;
using Bunit;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Tests.Data;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>
/// bUnit over the real app: MudBlazor's services with the app's localizer, the app's own services from a real
/// <see cref="ShowcaseHost"/> (SQLite file), and a person signed in as a user of that database.
/// </summary>
public abstract class SignedInComponentContext : MudComponentContext
{
    protected ShowcaseHost Host { get; private set; } = null!;
    protected Scenario World { get; private set; } = null!;
    private AsyncServiceScope _scope;

    /// <summary>The app's services the component under test injects, resolved from the host.</summary>
    protected abstract IEnumerable<Type> AppServices { get; }

    /// <summary>Makes the data and returns the person who is signed in.</summary>
    protected abstract Task<UserScope> ArrangeAsync();

    public override async Task InitializeAsync()
    {
        Host = await ShowcaseHost.CreateAsync(DbKind.Sqlite);
        World = await Scenario.CreateAsync(Host);
        var person = await ArrangeAsync();
        _scope = Host.Services.CreateAsyncScope();
        foreach (var type in AppServices.Append(typeof(AccountService)).Distinct())
            Services.AddSingleton(type, _ => _scope.ServiceProvider.GetRequiredService(type));
        Services.AddScoped<CurrentUser>();
        var user = await _scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(person.UserId);
        AddAuthorization().SetAuthorized(person.UserName)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, person.UserId), new Claim(AccountService.SecurityStampClaim, user!.SecurityStamp!));
        RunInCircuit();
    }

    protected override async ValueTask DisposeOwnAsync()
    {
        await _scope.DisposeAsync();
        await Host.DisposeAsync();
    }
}
