using KhuyenCong.Showcase.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
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
