using System.Text.RegularExpressions;
using KhuyenCong.Showcase.Contests;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>How the domain's parts may depend on each other, read from the sources the build compiles.</summary>
public sealed class ArchitectureTests
{
    private static DirectoryInfo Project(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln"))) dir = dir.Parent;
        return new DirectoryInfo(Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("KhuyenCong.sln"), name));
    }

    private static DirectoryInfo Domain() => Project("KhuyenCong.Showcase.Domain");

    /// <summary>The web project's folders are the Domain's features (plus the app's own plumbing): no Staff/ or Admin/ by role.</summary>
    [Fact]
    public void TheWebProjectsFoldersAreTheDomainsFeatures()
    {
        // Catalogue: the public pages, reading Producers' recognised products; it has no records of its own yet.
        string[] plumbing = ["Components", "Hosting", "Resources", "Properties", "bin", "obj", "Catalogue"];
        var features = Domain().GetDirectories().Select(d => d.Name).ToHashSet();
        var web = Project("KhuyenCong.Showcase").GetDirectories().Select(d => d.Name).Where(n => !plumbing.Contains(n)).ToList();
        Assert.Contains("Contests", web);
        Assert.All(web, folder => Assert.True(features.Contains(folder), $"KhuyenCong.Showcase/{folder} is no feature of the Domain project"));
        // Contests is split by sub-feature; nothing is left loose at its top but what every sub-feature shares.
        var loose = Project("KhuyenCong.Showcase").GetDirectories("Contests").Single().GetFiles().Select(f => f.Name).Order().ToList();
        Assert.Equal(["ContestEndpoints.cs", "DecisionFields.razor"], loose);
    }

    /// <summary>Each record's EF Core mapping lives beside it, in its feature's namespace (ShowcaseDb applies them all).</summary>
    [Fact]
    public void EveryEntityConfigurationLivesInTheFeatureOfItsEntity()
    {
        var configurations = typeof(Round).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<>))
                .Select(i => (Configuration: t, Entity: i.GetGenericArguments()[0])))
            .ToList();
        Assert.True(configurations.Count >= 20, $"{configurations.Count} configurations found");
        Assert.All(configurations, c => Assert.True(c.Configuration.Namespace == c.Entity.Namespace,
            $"{c.Configuration.Name} is in {c.Configuration.Namespace}, {c.Entity.Name} in {c.Entity.Namespace}"));
    }

    [Fact]
    public void ContestsShouldNeverDependOnJudging()
    {
        // Judging depends on Contests (it scores a round's entries); Contests asks Judging through IRoundPanel only.
        var judgingTypes = typeof(IRoundPanel).Assembly.GetTypes()
            .Where(t => t.Namespace == "KhuyenCong.Showcase.Judging" && !t.IsNested && !t.Name.Contains('<'))
            .Select(t => t.Name.Split('`')[0]).Distinct().ToList();
        Assert.Contains("PanelService", judgingTypes);
        var word = new Regex(@"\b(" + string.Join("|", judgingTypes.Select(Regex.Escape)) + @")\b");
        var offences = Domain().GetDirectories("Contests").Single().GetFiles("*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f.FullName).Select((line, i) => (File: f.Name, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(l => l.Text.Contains("KhuyenCong.Showcase.Judging", StringComparison.Ordinal) || word.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(offences.Count == 0, "Contests refers to Judging:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void TodayShouldComeFromTheOneVietnamClock()
    {
        // One clock for the country (Asia/Ho_Chi_Minh over TimeProvider): no second definition of "today" or of +7.
        var offences = Domain().GetFiles("*.cs", SearchOption.AllDirectories)
            .Where(f => !f.FullName.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}") && f.Name != "VietnamTime.cs")
            .SelectMany(f => File.ReadAllLines(f.FullName).Select((line, i) => (File: f.Name, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("FromHours(7)", StringComparison.Ordinal) || l.Text.Contains("DateTime.Now", StringComparison.Ordinal)
                || l.Text.Contains("DateTime.Today", StringComparison.Ordinal) || l.Text.Contains("GetLocalNow", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(offences.Count == 0, "Another clock:\n" + string.Join("\n", offences));
    }
}
