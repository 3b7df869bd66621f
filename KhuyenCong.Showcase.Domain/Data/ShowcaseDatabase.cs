using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Showcase.Data;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>One way to set up the database for the app, the tests, the benchmarks and the EF tools.</summary>
public static class ShowcaseDatabase
{
    /// <summary>Registers the provider's context behind <see cref="IDbContextFactory{ShowcaseDb}"/> and a scoped <see cref="ShowcaseDb"/> for Identity.</summary>
    public static IServiceCollection AddShowcaseDb(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresShowcaseDb>(o => Common(o.UseNpgsql(connectionString)));
                services.AddSingleton<IDbContextFactory<ShowcaseDb>, Upcast<PostgresShowcaseDb>>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerShowcaseDb>(o => Common(o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())));
                services.AddSingleton<IDbContextFactory<ShowcaseDb>, Upcast<SqlServerShowcaseDb>>();
                break;
            default:
                services.AddDbContextFactory<SqliteShowcaseDb>(o => Common(o.UseSqlite(connectionString).AddInterceptors(SqliteTuning.Instance)));
                services.AddSingleton<IDbContextFactory<ShowcaseDb>, Upcast<SqliteShowcaseDb>>();
                break;
        }
        services.AddScoped<ShowcaseDb>(sp => sp.GetRequiredService<IDbContextFactory<ShowcaseDb>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// EF Core compares the model with the last snapshot before each migration run, at every start (a second here); the
    /// tests make the same comparison for all three providers (MigrationTests), so the app skips it.
    /// </summary>
    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));

    /// <summary>A context of the provider's type, outside any container (operator verbs, tests, design time).</summary>
    public static ShowcaseDb Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresShowcaseDb(new DbContextOptionsBuilder<PostgresShowcaseDb>().UseNpgsql(connectionString).Options),
        DatabaseProvider.SqlServer => new SqlServerShowcaseDb(new DbContextOptionsBuilder<SqlServerShowcaseDb>().UseSqlServer(connectionString).Options),
        _ => new SqliteShowcaseDb(new DbContextOptionsBuilder<SqliteShowcaseDb>().UseSqlite(connectionString).AddInterceptors(SqliteTuning.Instance).Options),
    };

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<ShowcaseDb> where T : ShowcaseDb
    {
        public ShowcaseDb CreateDbContext() => inner.CreateDbContext();

        public async Task<ShowcaseDb> CreateDbContextAsync(CancellationToken ct = default) => await inner.CreateDbContextAsync(ct);
    }
}

/// <summary>
/// In WAL mode (DataSetup turns it on), "synchronous = NORMAL" syncs the log at checkpoints rather than at every
/// commit: a power cut may lose the last commits but never corrupts the file, and a keystroke's save stops waiting
/// for the disk. The setting belongs to the connection, so it is set each time one opens.
/// </summary>
internal sealed class SqliteTuning : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) =>
        Tune(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    private static void Tune(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}

// For `dotnet ef migrations add` (tools/add-migration.sh): no server is contacted to build a model or a migration.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteShowcaseDb>
{
    public SqliteShowcaseDb CreateDbContext(string[] args) => (SqliteShowcaseDb)ShowcaseDatabase.Create(DatabaseProvider.Sqlite, "Data Source=design.db");
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresShowcaseDb>
{
    public PostgresShowcaseDb CreateDbContext(string[] args) =>
        (PostgresShowcaseDb)ShowcaseDatabase.Create(DatabaseProvider.Postgres, "Host=localhost;Database=design");
}

internal sealed class SqlServerDesignFactory : IDesignTimeDbContextFactory<SqlServerShowcaseDb>
{
    public SqlServerShowcaseDb CreateDbContext(string[] args) =>
        (SqlServerShowcaseDb)ShowcaseDatabase.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=design;TrustServerCertificate=True");
}
