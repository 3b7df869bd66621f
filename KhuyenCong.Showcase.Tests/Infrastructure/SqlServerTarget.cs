using Microsoft.Data.SqlClient;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

/// <summary>
/// SQL Server cannot run on these machines (no Debian package, no container engine): its integration tests run
/// where SHOWCASE_TEST_SQLSERVER holds a connection string to a server (or Azure SQL) the tests may create
/// databases on. Without it they are not part of the run, and the test command says so in one line.
/// </summary>
public static class SqlServerTarget
{
    public const string Variable = "SHOWCASE_TEST_SQLSERVER";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Available => ConnectionString is not null;

    /// <summary>A fresh, uniquely named database on that server for one test (migrations create it; the host drops it).</summary>
    public static string NewDatabase() => new SqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set"))
    {
        InitialCatalog = $"kc_test_{Guid.NewGuid():N}",
        TrustServerCertificate = true,
    }.ConnectionString;
}
