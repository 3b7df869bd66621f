using Bunit;
using KhuyenCong.Showcase.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>
/// bUnit with MudBlazor's services and the app's localizer (ShowcaseMudLocalizer), JS calls answered loosely; disposed
/// asynchronously, the only way MudBlazor's services allow.
/// </summary>
public abstract class MudComponentContext : BunitContext, IAsyncLifetime
{
    protected MudComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, ShowcaseMudLocalizer>();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// The signed-in components run in a server circuit (a list's grid asks the database itself only there); call once
    /// the services are registered. A test of the prerender sets the static RendererInfo instead.
    /// </summary>
    protected void RunInCircuit() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    /// <summary>What the test class holds beyond bUnit's own services (a host, a scope), released after them.</summary>
    protected virtual ValueTask DisposeOwnAsync() => ValueTask.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DisposeOwnAsync();
    }
}
