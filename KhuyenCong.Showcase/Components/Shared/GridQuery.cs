using KhuyenCong.Showcase.Common;
using MudBlazor;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// The one translation from a MudDataGrid's state to the domain's <see cref="PageRequest"/>, and back from a
/// <see cref="Paged{T}"/>: every list's ServerData goes through here, so paging and sorting mean the same on every
/// screen and a column is sorted by the name the domain's <see cref="SortMap{T}"/> declares for it.
/// </summary>
public static class GridQuery
{
    public static PageRequest ToPageRequest<T>(this GridState<T> state)
    {
        var sort = state.SortDefinitions.OrderBy(s => s.Index).FirstOrDefault();
        return new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this Paged<T> page) => new() { Items = page.Items, TotalItems = page.Total };

    /// <summary>Rows per page offered on every list.</summary>
    public static readonly int[] PageSizes = [10, 20, 50, 100];
}
