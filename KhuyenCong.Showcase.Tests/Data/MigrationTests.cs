using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Tests.Data;

[Collection(DatabaseCollection.Name)]
public sealed class MigrationTests(DatabaseFixture databases)
{
    /// <summary>
    /// Migrations are written by hand (the EF Design package cannot be had), so this is their proof: the schema the
    /// migrations build must be exactly the one the model describes, on each provider.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task MigrationsShouldBuildExactlyTheSchemaTheModelDescribes(DbKind kind)
    {
        await using var migrated = await databases.HostAsync(kind);
        await using var created = await databases.HostAsync(kind, migrate: false);
        await using (var db = await created.Get<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync())
            Assert.True(await db.Database.EnsureCreatedAsync());

        List<string> fromMigrations, fromModel;
        await using (var db = await migrated.Get<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync())
            fromMigrations = await SchemaReader.ReadAsync(db.Database.GetDbConnection(), kind);
        await using (var db = await created.Get<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync())
            fromModel = await SchemaReader.ReadAsync(db.Database.GetDbConnection(), kind);

        Assert.True(fromModel.Count > 100, $"the schema reader found only {fromModel.Count} lines");
        Assert.Equal(fromModel, fromMigrations);
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task MigratingTwiceShouldChangeNothing(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var again = await KhuyenCong.Showcase.Hosting.DataSetup.MigrateAsync(host.Services);
        Assert.Equal(0, again.Applied);
        Assert.Equal(0, again.UnitsCreated);
    }
}
