using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KhuyenCong.Showcase.Data;

/// <summary>
/// The model, shared by the three providers. Each provider has its own derived context (below) so that it keeps its
/// own migrations and model snapshot, as EF Core's "migrations with multiple providers" asks; the code only ever
/// sees this type.
/// </summary>
public abstract class ShowcaseDb(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShowcaseDb).Assembly);
    }

    /// <summary>
    /// Instants are stored as Unix milliseconds so that SQLite can sort and compare them in SQL and both providers
    /// share one schema; enums are stored by name so the data reads without the code.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Points, means and pass marks: SQL Server and PostgreSQL would otherwise each pick their own precision.
        builder.Properties<decimal>().HavePrecision(18, 4);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        // Saves inside an explicit transaction already hold the database's write lock and must not queue behind others.
        if (SingleWriter is not { } gate || Database.CurrentTransaction is not null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A database with one writer at a time queues this process's saves here instead of in its own busy-retry.</summary>
    protected virtual SemaphoreSlim? SingleWriter => null;

    /// <summary>Saves; if someone else saved the same record first, says so in the person's language.</summary>
    public async Task SaveOrConflictAsync(CancellationToken ct = default)
    {
        try
        {
            await SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(Resources.Messages.ConcurrencyConflict);
        }
    }

    /// <summary>
    /// A person acts on what their screen showed: if the record moved on since, say so before judging the action
    /// against a state they never saw; the database's version check then covers the race after this point.
    /// </summary>
    public void ExpectVersion<T>(T entity, int seen) where T : class, IVersioned
    {
        if (entity.Version != seen) throw new ConcurrencyConflictException(Resources.Messages.ConcurrencyConflict);
        Entry(entity).Property(e => e.Version).OriginalValue = seen;
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
            if (entry.State == EntityState.Modified) entry.Entity.Version++;
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}

public sealed class SqliteShowcaseDb(DbContextOptions<SqliteShowcaseDb> options) : ShowcaseDb(options)
{
    // SQLite lets one writer in at a time and makes the others sleep and retry (in steps of 150 ms): fifty judges
    // typing at once met those sleeps at one save in ten. Queued here, each save waits only for the ones before it.
    private static readonly SemaphoreSlim Writer = new(1, 1);

    protected override SemaphoreSlim? SingleWriter => Writer;
}

public sealed class PostgresShowcaseDb(DbContextOptions<PostgresShowcaseDb> options) : ShowcaseDb(options);

public sealed class SqlServerShowcaseDb(DbContextOptions<SqlServerShowcaseDb> options) : ShowcaseDb(options)
{
    /// <summary>
    /// SQL Server compares text case- and accent-insensitively by default (SQL_Latin1_General_CP1_CI_AS), where
    /// SQLite and PostgreSQL do not: "Gốm" and "gốm" would be one value in a unique index there and two here. A
    /// case- and accent-sensitive Vietnamese collation makes equality the same on all three and sorts Vietnamese right.
    /// </summary>
    public const string Collation = "Vietnamese_100_CS_AS";

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // On each column rather than the database: a database's collation can only be set by its owner, once.
        builder.Properties<string>().UseCollation(Collation);
    }
}
