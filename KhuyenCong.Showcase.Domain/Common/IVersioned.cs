namespace KhuyenCong.Showcase.Common;

/// <summary>Records several people edit carry a version that every save increments (optimistic concurrency).</summary>
public interface IVersioned
{
    int Version { get; set; }
}

