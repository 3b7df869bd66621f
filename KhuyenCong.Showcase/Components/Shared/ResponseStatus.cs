using Microsoft.AspNetCore.Components;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// Gives a static or prerendered page the HTTP status of what it shows (403, 404, 400), so a refusal is not a
/// "200 with an error body". Does nothing once the circuit runs: the status was sent with the first response.
/// </summary>
public sealed class ResponseStatus : ComponentBase
{
    [Inject] private IHttpContextAccessor Http { get; set; } = default!;

    [Parameter, EditorRequired] public int Code { get; set; }

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive) return;
        if (Http.HttpContext is { Response.HasStarted: false } context) context.Response.StatusCode = Code;
    }
}
