using KhuyenCong.Showcase.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// Around every page: a refusal, a missing record or a broken rule that a page did not handle itself shows the
/// 403, 404 or 400 page (with that HTTP status when prerendered), never a stack trace or a dead circuit. Anything
/// else is logged and shows the general error page. Navigating away recovers.
/// </summary>
public sealed class PageErrorBoundary : ErrorBoundaryBase, IDisposable
{
    [Inject] private ILogger<PageErrorBoundary> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (CurrentException is not null) _ = InvokeAsync(Recover);
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (exception is not (AccessDeniedException or DomainException))
            Logger.LogError(exception, "Unhandled exception in a page");
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        switch (CurrentException)
        {
            case null:
                builder.AddContent(0, ChildContent);
                break;
            case AccessDeniedException:
                builder.OpenComponent<AccessDeniedMessage>(1);
                builder.CloseComponent();
                break;
            case NotFoundException:
                builder.OpenComponent<NotFoundMessage>(2);
                builder.CloseComponent();
                break;
            case DomainException e:
                builder.OpenComponent<BadRequestMessage>(3);
                builder.AddComponentParameter(4, nameof(BadRequestMessage.Message), e.Message);
                builder.CloseComponent();
                break;
            default:
                builder.OpenComponent<ErrorMessage>(5);
                builder.CloseComponent();
                break;
        }
    }
}
