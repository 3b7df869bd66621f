#:property PublishAot=false
// Copies blazor.web.js out of the ASP.NET Core 9 runtime package at build time (see ../shared/STACK.md):
// the .NET 10 assets package that normally carries it cannot be restored here, and the script must not be committed.
using System.Reflection;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: extract-blazor-script <Microsoft.AspNetCore.Components.Endpoints.dll> <output file>");
    return 2;
}
var assembly = Assembly.LoadFile(Path.GetFullPath(args[0]));
var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("blazor.web.js", StringComparison.Ordinal));
if (name is null)
{
    Console.Error.WriteLine($"no blazor.web.js resource in {args[0]}");
    return 1;
}
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
using (var source = assembly.GetManifestResourceStream(name)!)
using (var target = File.Create(args[1]))
{
    source.CopyTo(target);
}
Console.WriteLine($"blazor.web.js written to {args[1]}");
return 0;
