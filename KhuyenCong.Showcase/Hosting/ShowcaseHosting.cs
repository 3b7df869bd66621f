using System.Globalization;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Common.Mail;
using KhuyenCong.Showcase.Components;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Demo;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Media;
using KhuyenCong.Showcase.Producers;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace KhuyenCong.Showcase.Hosting;

public static class ShowcaseHosting
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static WebApplicationBuilder AddShowcase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<ShowcaseOptions>(configuration.GetSection("Showcase"));
        var options = configuration.GetSection("Showcase").Get<ShowcaseOptions>() ?? new ShowcaseOptions();
        var dataFolder = Path.GetFullPath(options.DataFolder, builder.Environment.ContentRootPath);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddShowcaseDatabase(configuration, dataFolder);
        services.AddSingleton<IBlobStore>(_ => new FileSystemBlobStore(
            Path.GetFullPath(configuration["Storage:Path"] is { Length: > 0 } storagePath ? storagePath : Path.Combine(dataFolder, "media"), builder.Environment.ContentRootPath)));

        var mail = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        if (string.IsNullOrWhiteSpace(mail.PickupFolder)) mail.PickupFolder = Path.Combine(dataFolder, "mail");
        services.AddSingleton(mail);
        services.AddSingleton<MailSender>();
        services.AddSingleton<GeographyService>();
        services.AddSingleton<RegionService>();
        services.AddSingleton<IRoundPanel, RoundPanel>();
        services.AddSingleton<DossierReaders>();
        services.AddSingleton<MediaService>();
        services.AddSingleton<ProducerService>();
        services.AddSingleton<ProductService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<RoundService>();
        services.AddSingleton<EntryService>();
        services.AddSingleton<ComplaintService>();
        services.AddSingleton<NominationService>();
        services.AddSingleton<RecognitionService>();
        services.AddSingleton<PanelService>();
        services.AddSingleton<ScoringService>();
        services.AddSingleton<ResultsService>();
        services.AddSingleton<KhuyenCong.Showcase.Notifications.NotificationService>();
        services.AddSingleton<DemoSeeder>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AppLinks>();
        services.AddHttpContextAccessor();
        services.AddHostedService<OrphanSweeper>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // A self sign-up signs in only once its address is confirmed; invitations confirm it by being opened.
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ShowcaseDb>()
            .AddSignInManager()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<ShowcaseClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "kc.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // A refused page answers 403 where it was asked for (the status code page renders the explanation),
            // instead of a redirect that a script or a download would take for success.
            // Signing in on the login page follows its returnUrl; a Location header carries ASCII only, and a local
            // path like "/san-pham?q=gốm" must still arrive, so it goes through the same guard as every return address.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(AccountEndpoints.SafeReturn(context.RedirectUri));
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Every request checks the account's security stamp: locking, a role or scope change and signing out
        // (which renews the stamp) end every session of the account at once, not after 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Producer, p => p.RequireRole(Roles.Producer))
            .AddPolicy(Policies.Judge, p => p.RequireRole(Roles.Judge))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.LocalStaff, Roles.ProvinceStaff, Roles.MinistryStaff, Roles.Admin))
            .AddPolicy(Policies.ProvinceStaff, p => p.RequireRole(Roles.ProvinceStaff, Roles.Admin))
            .AddPolicy(Policies.Ministry, p => p.RequireRole(Roles.MinistryStaff, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();

        // Vietnamese text goes out as characters, not &#x...; entities: smaller pages that read in view-source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Vietnamese unless the person chose English: the browser's language is not a choice.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        // Circuit errors go to the log, not to the browser's console, in Development too (the default run mode).
        // Inputs stop at their field's limit in the browser (4 000 characters at most, up to 3 bytes each in UTF-8,
        // escaped in JSON); the hub takes a message well beyond that, so an over-long paste gets a message, not a dead circuit.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
            o.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddTransient<MudLocalizer, Components.Shared.ShowcaseMudLocalizer>();
        services.AddHealthChecks().AddDbContextCheck<ShowcaseDb>("database");
        services.AddAntiforgery();
        return builder;
    }

    private static void AddShowcaseDatabase(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Showcase");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "showcase.db")}";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:Showcase is empty.");
        services.AddShowcaseDb(provider, connectionString);
    }

    public static WebApplication MapShowcase(this WebApplication app)
    {
        // In every environment, Development included (what `dotnet run` starts): a visitor never sees a stack trace or a
        // source path, and an exception that means "refused", "missing" or "bad input" answers with that status.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = exception => exception switch
            {
                AccessDeniedException => StatusCodes.Status403Forbidden,
                NotFoundException => StatusCodes.Status404NotFound,
                DomainException or BadHttpRequestException or FormatException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // A fresh scope for the re-executed request: Blazor services of the first rendering (its NavigationManager) cannot serve it.
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseStaticFiles();
        // The top-level wwwroot/ is served above, before endpoint routing; the framework's script, component files
        // (scoped CSS, the reconnect module) and package assets go through MapStaticAssets.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapAccountEndpoints();
        app.MapMediaEndpoints();
        app.MapJudgingEndpoints();
        app.MapContestEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Migrates, makes sure roles and reference provinces exist, and seeds the demo in Development only.</summary>
    public static async Task PrepareDataAsync(this WebApplication app)
    {
        var report = await DataSetup.MigrateAsync(app.Services);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KhuyenCong.Showcase");
        logger.LogInformation("Database ready: {Migrations} migrations applied, {Provinces} reference units created", report.Applied, report.UnitsCreated);
        var options = app.Configuration.GetSection("Showcase").Get<ShowcaseOptions>() ?? new ShowcaseOptions();
        if (!app.Environment.IsDevelopment() || !options.SeedDemo) return;
        var demo = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();
        if (demo.Created) DataSetup.PrintDemo(demo, Console.Out);
    }
}
