namespace KhuyenCong.Showcase.Hosting;

public static class ShowcasePaths
{
    /// <summary>
    /// The design card puts wwwroot/ beside the solution. Run from the source tree we serve that folder directly so
    /// edits show without a rebuild; published, we serve the copy the build placed beside the binaries.
    /// </summary>
    public static string FindWebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                return Path.Combine(dir.FullName, "wwwroot");
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }

    /// <summary>blazor.web.js, produced at build from the runtime package (never committed).</summary>
    public static string FrameworkAssets => Path.Combine(AppContext.BaseDirectory, "framework");
}
