using KhuyenCong.Showcase.Resources;
using MudBlazor;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>The signed-in pages' one way to ask before an act, and to say how it went.</summary>
public static class Dialogs
{
    /// <summary>Esc closes, a click beside does not: set once on the MudDialogProvider in AppLayout; focus: ConfirmDialog.</summary>
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    /// <summary>Asks in a MudDialog; true only when the person pressed the confirming button.</summary>
    /// <param name="testId">The confirming button's data-testid, so tests and people find the same button.</param>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmLabel,
        string testId = "confirm-ok", string? detail = null, bool danger = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.Detail, detail },
            { d => d.ConfirmLabel, confirmLabel },
            { d => d.ConfirmTestId, testId },
            { d => d.Danger, danger },
        };
        return await dialogs.AskAsync(title, parameters);
    }

    /// <summary>Shows a dialog of the signed-in pages and waits: true when it closed with a result, false when cancelled.</summary>
    public static async Task<bool> AskAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Shows a dialog and waits for what it closed with (e.g. the message of what it did); default when cancelled.</summary>
    public static async Task<TResult?> AskForAsync<TDialog, TResult>(this IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false, Data: TResult data } ? data : default;
    }

    /// <summary>"Saved", or the reason it was not (someone else's change included), in the corner of the screen.</summary>
    public static void Saved(this ISnackbar snackbar, string? message = null) =>
        snackbar.Add(message ?? UiText.Common_Saved, Severity.Success, o => o.SnackbarTypeClass = "snackbar-saved");

    public static void Failed(this ISnackbar snackbar, string message) =>
        snackbar.Add(message, Severity.Error, o => { o.RequireInteraction = true; o.SnackbarTypeClass = "snackbar-failed"; });
}
