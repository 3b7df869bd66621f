namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>
/// A file coming from the browser, read through: tells how much of it has arrived (a whole percent, each time it moves)
/// so that an upload shows a progress bar. Read-only; closes the stream it wraps.
/// </summary>
public sealed class ProgressStream(Stream inner, long length, Action<int> percent) : Stream
{
    private long _read;
    private int _reported = -1;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Advance(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Advance(int read)
    {
        _read += read;
        var now = length <= 0 ? 100 : (int)Math.Min(100, _read * 100 / length);
        if (read == 0) now = 100;
        if (now != _reported)
        {
            _reported = now;
            percent(now);
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
