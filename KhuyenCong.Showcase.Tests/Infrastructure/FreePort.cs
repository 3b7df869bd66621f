using System.Net;
using System.Net.Sockets;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>
    /// A port that was free a moment ago. Another process can still take it before the caller binds it,
    /// so callers that can retry (PostgresServer does) should.
    /// </summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
