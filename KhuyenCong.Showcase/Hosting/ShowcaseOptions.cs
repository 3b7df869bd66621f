namespace KhuyenCong.Showcase.Hosting;

/// <summary>Settings under "Showcase" in appsettings.json or SHOWCASE__* environment variables.</summary>
public sealed class ShowcaseOptions
{
    /// <summary>Where the embedded defaults keep their files: the SQLite database and the media folder.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>The public address, used in invitation links and, later, on QR labels.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where the source code is published, shown on /source.</summary>
    public string SourceUrl { get; set; } = "";

    /// <summary>
    /// Create demo data on first start with an empty database — only in Development, where appsettings.Development.json
    /// turns it on: demo accounts share a password printed in the README. Elsewhere only the seed-demo verb makes them.
    /// </summary>
    public bool SeedDemo { get; set; }
}
