using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Judging;
using KhuyenCong.Showcase.Producers;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class AssignmentPlannerTests
{
    private static readonly Guid Round = Guid.NewGuid();

    private static PanelMember Judge(string id, params ProductGroup[] groups)
    {
        var member = new PanelMember(Round, id, id, null, PanelBody.Jury, PanelRole.Member);
        member.SetGroups(groups);
        return member;
    }

    private static readonly AssignmentPlanner.Candidate[] Entries =
    [
        new(Guid.Parse("00000000-0000-0000-0000-000000000001"), ProductGroup.Handicraft),
        new(Guid.Parse("00000000-0000-0000-0000-000000000002"), ProductGroup.Handicraft),
        new(Guid.Parse("00000000-0000-0000-0000-000000000003"), ProductGroup.FoodAndAgroProcessing),
        new(Guid.Parse("00000000-0000-0000-0000-000000000004"), ProductGroup.Machinery),
    ];

    [Fact]
    public void EveryoneShouldScoreEverythingButTheirConflicts()
    {
        var jury = new[] { Judge("a"), Judge("b"), Judge("c") };
        var plan = AssignmentPlanner.Plan(AssignmentMode.AllMembers, Entries, jury, new HashSet<(Guid, string)> { (Entries[0].EntryId, "b") }, 3, null);
        Assert.Equal(11, plan.Count);
        Assert.DoesNotContain((Entries[0].EntryId, "b"), plan);
    }

    [Fact]
    public void ByGroupShouldGiveEachJudgeTheirExpertiseAndJudgesWithoutGroupsEverything()
    {
        var jury = new[] { Judge("craft", ProductGroup.Handicraft), Judge("food", ProductGroup.FoodAndAgroProcessing), Judge("all") };
        var plan = AssignmentPlanner.Plan(AssignmentMode.ByGroup, Entries, jury, new HashSet<(Guid, string)>(), 2, null);
        Assert.Equal([Entries[0].EntryId, Entries[1].EntryId], plan.Where(p => p.UserId == "craft").Select(p => p.EntryId));
        Assert.Equal([Entries[2].EntryId], plan.Where(p => p.UserId == "food").Select(p => p.EntryId));
        Assert.Equal(4, plan.Count(p => p.UserId == "all"));
    }

    [Fact]
    public void BalancedShouldSpreadTheLoadRespectTheCapAndLeaveGapsVisible()
    {
        var jury = new[] { Judge("a"), Judge("b"), Judge("c") };
        // 4 entries × 2 judges = 8 assignments over 3 judges capped at 3 each: 3 + 3 + 2, never 4.
        var plan = AssignmentPlanner.Plan(AssignmentMode.Balanced, Entries, jury, new HashSet<(Guid, string)>(), 2, 3);
        Assert.Equal(8, plan.Count);
        Assert.All(plan.GroupBy(p => p.UserId), g => Assert.InRange(g.Count(), 2, 3));
        Assert.All(plan.GroupBy(p => p.EntryId), g => Assert.Equal(2, g.Count()));

        // A cap of 1 cannot cover 4 entries × 2: the plan stops short and the gap shows in the counts.
        var tight = AssignmentPlanner.Plan(AssignmentMode.Balanced, Entries, jury, new HashSet<(Guid, string)>(), 2, 1);
        Assert.Equal(3, tight.Count);
        Assert.Contains(Entries, e => tight.Count(p => p.EntryId == e.EntryId) < 2);
    }

    [Fact]
    public void PanelWarningsShouldFollowTheRegulation()
    {
        var members = new List<PanelMember> { Judge("a"), Judge("b") };
        Assert.Contains(PanelService.PanelWarnings(ContestLevel.Province, members), w => w.Contains("số lẻ"));
        Assert.Contains(PanelService.PanelWarnings(ContestLevel.Province, members), w => w.Contains("Trưởng ban"));
        var council = Enumerable.Range(0, 6).Select(i => new PanelMember(Round, $"c{i}", $"c{i}", null, PanelBody.Council, PanelRole.Member)).ToList();
        Assert.Contains(PanelService.PanelWarnings(ContestLevel.Province, council), w => w.Contains("7 / 9"));
        Assert.DoesNotContain(PanelService.PanelWarnings(ContestLevel.Commune, council), w => w.Contains("Hội đồng"));
    }
}
