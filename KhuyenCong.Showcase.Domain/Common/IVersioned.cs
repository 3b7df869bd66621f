namespace KhuyenCong.Showcase.Common;

/// <summary>Records several people edit carry a version that every save increments (optimistic concurrency).</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// A person acts on what their screen showed: if the record moved on since, say so before judging the action
/// against a state they never saw. The database's version check still covers the race after this point.
/// </summary>
public static class ConcurrencyGuard
{
    public static void Expect(int current, int seen)
    {
        if (current != seen) throw new ConcurrencyConflictException(Resources.Messages.ConcurrencyConflict);
    }
}
