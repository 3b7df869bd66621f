using System.Text.RegularExpressions;
using KhuyenCong.Showcase.Contests;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>How the domain's parts may depend on each other, read from the sources the build compiles.</summary>
public sealed class ArchitectureTests
{
    private static DirectoryInfo Domain()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln"))) dir = dir.Parent;
        return new DirectoryInfo(Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("KhuyenCong.sln"), "KhuyenCong.Showcase.Domain"));
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
