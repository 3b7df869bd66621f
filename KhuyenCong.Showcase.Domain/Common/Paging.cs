using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Common;

/// <summary>A page of a list as a screen asks for it: zero-based page, its size, and one column to sort by.</summary>
public sealed record PageRequest(int Page = 0, int Size = 20, string? SortBy = null, bool Descending = false)
{
    public const int MaxSize = 200;

    /// <summary>Out-of-range input from a browser never turns into a whole table: a page is 1–200 rows.</summary>
    public int SafeSize => Math.Clamp(Size, 1, MaxSize);
    public int SafePage => Math.Max(0, Page);
}

/// <summary>One page of rows and the number of rows the whole list has.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total)
{
    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total);
}

/// <summary>
/// The columns a list may be sorted by, each a key the database can order on (names sort by their folded search key,
/// so "Đ" sits with "D", as a Vietnamese reader expects). A column not declared here is never sorted on: a request
/// naming another one falls back to the list's default order.
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _sorts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<IOrderedQueryable<T>, IOrderedQueryable<T>> _tieBreak;
    private readonly Func<IQueryable<T>, IOrderedQueryable<T>> _default;

    /// <param name="defaultOrder">The list's order when nobody chose one.</param>
    /// <param name="tieBreak">A unique key, so that rows with equal sort keys never move between pages.</param>
    public SortMap(Func<IQueryable<T>, IOrderedQueryable<T>> defaultOrder, Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreak)
    {
        _default = defaultOrder;
        _tieBreak = tieBreak;
    }

    public SortMap<T> Add<TKey>(string column, Expression<Func<T, TKey>> key)
    {
        _sorts[column] = (query, descending) => descending ? query.OrderByDescending(key) : query.OrderBy(key);
        return this;
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> query, PageRequest request) =>
        _tieBreak(request.SortBy is { } column && _sorts.TryGetValue(column, out var sort) ? sort(query, request.Descending) : _default(query));

    /// <summary>The list's default order, with its tie-break.</summary>
    public IOrderedQueryable<T> ApplyDefault(IQueryable<T> query) => _tieBreak(_default(query));
}

public static class Paging
{
    /// <summary>
    /// Sorts, pages and projects <paramref name="query"/> in the database, in one round trip: each row of the page
    /// carries the list's count as a scalar subquery (the database computes it once). Only an empty page (past the
    /// end) asks for the count on its own.
    /// </summary>
    public static async Task<Paged<TOut>> PageAsync<T, TOut>(this IQueryable<T> query, PageRequest request, SortMap<T> sorts,
        Expression<Func<T, TOut>> projection, CancellationToken ct = default)
    {
        var size = request.SafeSize;
        var ordered = sorts.Apply(query, request).Skip(request.SafePage * size).Take(size);
        var rows = await ordered.Select(WithTotal(projection, query)).ToListAsync(ct);
        if (rows.Count > 0) return new([.. rows.Select(r => r.Item)], rows[0].Total);
        return new([], request.SafePage == 0 ? 0 : await query.CountAsync(ct));
    }

    /// <summary>The whole list in its default order, projected in the database: <see cref="PageAsync"/> without a page, for small lists and exports.</summary>
    public static Task<List<TOut>> ToSortedListAsync<T, TOut>(this IQueryable<T> query, SortMap<T> sorts, Expression<Func<T, TOut>> projection,
        CancellationToken ct = default) =>
        sorts.ApplyDefault(query).Select(projection).ToListAsync(ct);

    /// <summary>x => new Counted(projection(x), query.Count()), built once per call.</summary>
    private static Expression<Func<T, Counted<TOut>>> WithTotal<T, TOut>(Expression<Func<T, TOut>> projection, IQueryable<T> query)
    {
        var count = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(T)], query.Expression);
        var constructor = typeof(Counted<TOut>).GetConstructor([typeof(TOut), typeof(int)])!;
        return Expression.Lambda<Func<T, Counted<TOut>>>(Expression.New(constructor, projection.Body, count), projection.Parameters);
    }

    private sealed record Counted<TOut>(TOut Item, int Total);
}
