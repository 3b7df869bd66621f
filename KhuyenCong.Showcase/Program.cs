using System.Globalization;
using KhuyenCong.Showcase.Hosting;

// Vietnamese by default, also for the operator's command-line verbs (requests choose their own culture).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ShowcasePaths.FindContentRoot(),
    WebRootPath = ShowcasePaths.FindWebRoot(),
});
builder.AddShowcase();
var app = builder.Build();

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(app, args);

app.MapShowcase();
await app.PrepareDataAsync();
await app.RunAsync();
return 0;

public partial class Program;
