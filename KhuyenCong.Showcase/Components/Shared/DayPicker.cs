using MudBlazor;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// MudDatePicker that reads typed text day first (<see cref="DateText.TryParse"/>: 05/03/2026 or 5/3/2026) and shows it
/// back in full, so that what stays on screen is what was read. Used only through <c>DateField</c>.
/// </summary>
public sealed class DayPicker : MudDatePicker
{
    /// <summary>Day first with the invariant calendar both ways; text that is no day fails with the message the box shows.</summary>
    private static readonly IReversibleConverter<DateTime?, string?> DayFirst = Conversions.From<DateTime?, string?>(
        date => date is { } d ? DateText.Day(DateOnly.FromDateTime(d)) : null,
        text => string.IsNullOrWhiteSpace(text) ? null
            : DateText.TryParse(text, out var day) ? day.ToDateTime(TimeOnly.MinValue)
            : throw new FormatException(Resources.UiText.Date_Invalid));

    public DayPicker() => Converter = DayFirst;

    /// <remarks>
    /// Text that is no day (31/02/2026) leaves the date as it was and marks the box invalid with <c>Date_Invalid</c>:
    /// the picker alone would clear the date, and a half-typed day would wipe the one already saved.
    /// </remarks>
    protected override async Task StringValueChangedAsync(string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !DateText.TryParse(value, out _))
        {
            ConvertGet(value); // records the conversion error (the red box, aria-invalid)
            await ErrorTextState.SetValueAsync(Resources.UiText.Date_Invalid); // the picker shows ErrorText, not the conversion's message
            await BeginValidateAsync();
            return;
        }
        await ErrorTextState.SetValueAsync(null);
        await base.StringValueChangedAsync(value);
        if (!DateText.TryParse(value, out var day) || DateText.Day(day) == value) return;
        await SetTextAsync(DateText.Day(day), callback: false);
        // The box keeps its own copy of the text and takes a parameter only when it differs from the last one given.
        if (_inputReference is not null) await _inputReference.SetTextAsync(DateText.Day(day));
    }
}
