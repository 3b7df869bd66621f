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

    /// <summary>
    /// The working directory when it holds the settings (dotnet run, or an operator inside the install folder),
    /// otherwise the folder of the binaries, so a verb run from elsewhere still reads appsettings.json.
    /// </summary>
    public static string FindContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }
}
