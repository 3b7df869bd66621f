namespace KhuyenCong.Showcase.Tests.Infrastructure;

/// <summary>One PostgreSQL server for every test that runs on both providers; each test gets its own database.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;

    /// <summary>SQLite and PostgreSQL always; SQL Server too where <see cref="SqlServerTarget"/> names one.</summary>
    public static TheoryData<DbKind> Kinds
    {
        get
        {
            var kinds = new TheoryData<DbKind> { DbKind.Sqlite, DbKind.Postgres };
            if (SqlServerTarget.Available) kinds.Add(DbKind.SqlServer);
            return kinds;
        }
    }

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public Task<ShowcaseHost> HostAsync(DbKind kind, bool migrate = true) => ShowcaseHost.CreateAsync(kind, _postgres, migrate);

    /// <summary>A host whose clock starts at 09:00 (Vietnam) of <paramref name="today"/>; it only moves forward from there.</summary>
    public Task<ShowcaseHost> HostAsync(DbKind kind, DateOnly today) =>
        ShowcaseHost.CreateAsync(kind, _postgres, start: Showcase.Common.VietnamTime.MorningOf(today));

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL did not start");

    public async Task DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "databases";
}
