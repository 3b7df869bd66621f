using KhuyenCong.Showcase.Components.Shared;
using System.ComponentModel.DataAnnotations;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests.Rounds;

public sealed class RoundForm
{
    public ContestLevel Level { get; set; } = ContestLevel.Province;

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Round_UnitRequired))]
    public Guid? UnitId { get; set; }

    [Range(2000, 2100, ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.RoundYearInvalid))]
    public int Year { get; set; }

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.RoundNameRequired))]
    [TextLength(Round.NameMaxLength)]
    public string Name { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.RoundOrganiserRequired))]
    [TextLength(Round.OrganiserMaxLength)]
    public string Organiser { get; set; } = "";

    [TextLength(DecisionRef.NumberMaxLength)]
    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    [TextLength(DecisionRef.SignerMaxLength)]
    public string? DecisionSigner { get; set; }

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_DateRequired))]
    public DateOnly? RegistrationOpens { get; set; }

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_DateRequired))]
    public DateOnly? RegistrationCloses { get; set; }

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_DateRequired))]
    public DateOnly? ReviewUntil { get; set; }

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_DateRequired))]
    public DateOnly? JudgingFrom { get; set; }

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_DateRequired))]
    public DateOnly? JudgingTo { get; set; }

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_DateRequired))]
    public DateOnly? AnnouncementOn { get; set; }

    /// <summary>At least 70 (Điều 17.1): the domain refuses less, with the article, so the page keeps no copy of the rule.</summary>
    public decimal PassMark { get; set; } = 70;

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.RoundQuotaInvalid))]
    public int? Quota { get; set; }

    public bool Blind { get; set; }

    [Range(1, 25, ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.RoundMinimumSheetsInvalid))]
    public int? MinimumSheets { get; set; }

    /// <summary>The khu vực of a region round (Điều 3.1.c).</summary>
    public Guid? RegionId { get; set; }

    public List<CriterionLine> Criteria { get; set; } = [];

    /// <summary>Empty on purpose while the round is a draft: the decision is often signed after the plan is drafted.</summary>
    public bool HasDecision =>
        !string.IsNullOrWhiteSpace(DecisionNumber) || DecisionDate is not null || !string.IsNullOrWhiteSpace(DecisionSigner);

    public RoundDetails ToDetails() => new(Level, UnitId!.Value, Year, Name, Organiser,
        HasDecision ? new DecisionRef(DecisionNumber?.Trim() ?? "", DecisionDate!.Value, DecisionSigner?.Trim() ?? "") : null,
        new RoundSchedule(RegistrationOpens!.Value, RegistrationCloses!.Value, ReviewUntil!.Value, JudgingFrom!.Value, JudgingTo!.Value,
            AnnouncementOn!.Value),
        PassMark, Quota, Blind, MinimumSheets, Level == ContestLevel.Region ? RegionId : null);

    public IReadOnlyList<CriterionTemplate> ToCriteria() =>
        [.. Criteria.Select(c => new CriterionTemplate(c.Group, c.Code.Trim(), c.Name.Trim(), c.MaxPoints))];

    /// <summary>
    /// The rules the domain enforces again, checked before any save so an edit never stores the details and then
    /// fails on the criteria.
    /// </summary>
    public Refusal? Problem(bool decisionRequired)
    {
        var decision = HasDecision || decisionRequired;
        if (decision && string.IsNullOrWhiteSpace(DecisionNumber)) return new(Messages.DecisionNumberRequired, nameof(DecisionNumber));
        if (decision && DecisionDate is null) return new(UiText.Round_DecisionDateRequired, nameof(DecisionDate));
        if (decision && string.IsNullOrWhiteSpace(DecisionSigner)) return new(Messages.DecisionSignerRequired, nameof(DecisionSigner));
        return CriteriaProblem(Criteria) is { } criteria ? new(criteria) : null;
    }

    public static string? CriteriaProblem(IReadOnlyList<CriterionLine> lines)
    {
        if (lines.Any(l => string.IsNullOrWhiteSpace(l.Code))) return Messages.RoundCriterionCodeDuplicate;
        if (lines.Any(l => string.IsNullOrWhiteSpace(l.Name))) return Messages.RoundCriterionNameRequired;
        if (lines.Any(l => l.MaxPoints <= 0 || l.MaxPoints % 0.5m != 0)) return Messages.RoundCriterionMaxInvalid;
        if (lines.Select(l => l.Code.Trim()).Distinct().Count() != lines.Count) return Messages.RoundCriterionCodeDuplicate;
        foreach (var group in Enum.GetValues<CriterionGroup>())
        {
            var sum = lines.Where(l => l.Group == group).Sum(l => l.MaxPoints);
            if (sum != CriteriaTemplates.GroupMax(group))
                return string.Format(Messages.RoundCriteriaGroupSum, EnumText.Of(group), CriteriaTemplates.GroupMax(group), sum);
        }
        return null;
    }

    public bool CriteriaDifferFrom(IReadOnlyList<RoundCriterion> saved) =>
        !ToCriteria().OrderBy(c => c.Group).ThenBy(c => c.Code, StringComparer.Ordinal)
            .SequenceEqual(saved.OrderBy(c => c.Order).Select(c => new CriterionTemplate(c.Group, c.Code, c.Name, c.MaxPoints)));

    /// <summary>A new round starts on the officer's own unit, registration opening today and the regulation's sheet.</summary>
    public static RoundForm New(UserScope scope, UnitDirectory units, DateOnly today)
    {
        var own = scope.UnitId is { } id ? units.Find(id) : null;
        return new RoundForm
        {
            Level = own?.Tier == UnitTier.Commune ? ContestLevel.Commune : ContestLevel.Province,
            UnitId = own?.Id,
            Year = today.Year,
            RegistrationOpens = today,
            RegistrationCloses = today.AddDays(30),
            ReviewUntil = today.AddDays(45),
            JudgingFrom = today.AddDays(46),
            JudgingTo = today.AddDays(60),
            AnnouncementOn = today.AddDays(75),
            Criteria = CriterionLine.From(CriteriaTemplates.Regulation),
        };
    }

    public static RoundForm From(Round round) => new()
    {
        Level = round.Level,
        UnitId = round.UnitId,
        Year = round.Year,
        Name = round.Name,
        Organiser = round.Organiser,
        DecisionNumber = round.Establishment?.Number,
        DecisionDate = round.Establishment?.Date,
        DecisionSigner = round.Establishment?.Signer,
        RegistrationOpens = round.Schedule.RegistrationOpens,
        RegistrationCloses = round.Schedule.RegistrationCloses,
        ReviewUntil = round.Schedule.ReviewUntil,
        JudgingFrom = round.Schedule.JudgingFrom,
        JudgingTo = round.Schedule.JudgingTo,
        AnnouncementOn = round.Schedule.AnnouncementOn,
        PassMark = round.PassMark,
        Quota = round.Quota,
        Blind = round.Blind,
        MinimumSheets = round.MinimumSheets,
        RegionId = round.RegionId,
        Criteria = [.. round.Criteria.OrderBy(c => c.Order).Select(c => new CriterionLine
            { Group = c.Group, Code = c.Code, Name = c.Name, MaxPoints = c.MaxPoints })],
    };
}

public sealed class CriterionLine
{
    public CriterionGroup Group { get; set; } = CriterionGroup.Market;
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal MaxPoints { get; set; }

    public static List<CriterionLine> From(IEnumerable<CriterionTemplate> template) =>
        [.. template.Select(t => new CriterionLine { Group = t.Group, Code = t.Code, Name = t.Name, MaxPoints = t.MaxPoints })];
}
