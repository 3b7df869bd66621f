using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Tests.Domain;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>
/// A small world on a real database: sample communes in Hà Tĩnh (42) and Hưng Yên (33), accounts made through
/// Identity, producers and products made through the services, as a user would make them.
/// </summary>
public sealed class Scenario(ShowcaseHost host)
{
    public const string SampleUnits = """
        code,name,type,parent_code,valid_from,valid_to,successor_code
        T4201,Xã thử Thạch Hà,Xã,42,2025-07-01,,
        T4202,Xã thử Đức Thọ,Xã,42,2025-07-01,,
        T3301,Xã thử Phố Hiến,Xã,33,2025-07-01,,
        """;

    // The pictures as a producer would send them, drawn once per process: the server still makes each upload's own files.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(PhotoView View, int Seed), byte[]> Sources = new();

    public ShowcaseHost Host => host;
    public UnitDirectory Units { get; private set; } = null!;

    public static async Task<Scenario> CreateAsync(ShowcaseHost host)
    {
        var scenario = new Scenario(host);
        var report = await host.Get<GeographyService>().ImportAsync(new StringReader(SampleUnits), isSample: true);
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        scenario.Units = await host.Get<GeographyService>().DirectoryAsync();
        return scenario;
    }

    public Guid Unit(string code) => Units.All.Single(u => u.Code == code && u.IsValidOn(new DateOnly(2026, 1, 1))).Id;

    public async Task<UserScope> UserAsync(string role, string? unitCode = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.vn";
        var user = new AppUser { UserName = email, Email = email, FullName = role, UnitId = unitCode is null ? null : Unit(unitCode), CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return await host.Get<AccountService>().ScopeForAsync(user.Id);
    }

    /// <summary>The sign-in address <see cref="UserAsync"/> made up for the person.</summary>
    public Task<string> EmailOfAsync(UserScope user) => QueryAsync(db => db.Users.Where(u => u.Id == user.UserId).Select(u => u.Email!).SingleAsync());

    public async Task<UserScope> ProducerAsync(string communeCode, string name = "HTX Mây tre đan")
    {
        var actor = await UserAsync(Roles.Producer);
        var details = new ProducerDetailsBuilder().With(d => d with { Name = name }).Build();
        await host.Get<ProducerService>().SaveProfileAsync(actor, details, Unit(communeCode), null);
        return await host.Get<AccountService>().ScopeForAsync(actor.UserId);
    }

    public async Task<NewPhoto> PhotoAsync(PhotoView view, int seed = 1)
    {
        var source = Sources.GetOrAdd((view, seed), key => DemoImage.Render(1200, 900, key.Seed, (int)key.View));
        var files = await host.Get<MediaService>().StorePhotoAsync($"{view}.png", new MemoryStream(source));
        return new NewPhoto(view, files);
    }

    public async Task<NewDocument> DocumentAsync()
    {
        var file = await host.Get<MediaService>().StoreDocumentAsync("dang-ky.pdf", new MemoryStream(Demo.DemoSeeder.MinimalPdf("test")));
        return new NewDocument(new DocumentInfo(DocumentType.BusinessRegistration, "28.001", "UBND xã", new DateOnly(2020, 1, 1), null), file);
    }

    public async Task<Guid> ProductAsync(UserScope producer, string name = "Giỏ mây")
    {
        var photos = new List<NewPhoto>();
        foreach (var view in Product.RequiredViews) photos.Add(await PhotoAsync(view));
        return await host.Get<ProductService>().CreateAsync(producer, Products.Details(name), new ProductChanges(photos, [], [await DocumentAsync()], []));
    }

    public async Task<T> QueryAsync<T>(Func<ShowcaseDb, Task<T>> query)
    {
        await using var db = await host.Get<IDbContextFactory<ShowcaseDb>>().CreateDbContextAsync();
        return await query(db);
    }
}
