using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests;

/// <summary>Levels of the contest (TT 26/2014 Điều 6, TT 38/2025: commune replaces district from 1/7/2025).</summary>
public enum ContestLevel { Commune, District, Province, Region, National }

public enum RoundState { Draft, OpenForRegistration, DossierReview, Judging, ResultsProposed, DecisionIssued, Closed }

/// <summary>The four criteria groups of TT 26/2014 Phụ lục 3–4.</summary>
public enum CriterionGroup { Market = 1, EconomicTechnical = 2, CultureAesthetics = 3, Other = 4 }

/// <summary>Who scores what: everyone everything (the default), by product group, or balanced with a cap per judge.</summary>
public enum AssignmentMode { AllMembers, ByGroup, Balanced }

/// <summary>A signed decision: the round's establishing decision or the recognition decision.</summary>
public sealed record DecisionRef(string Number, DateOnly Date, string Signer)
{
    public const int NumberMaxLength = 60;
    public const int SignerMaxLength = 160;
}

public sealed record RoundSchedule(
    DateOnly RegistrationOpens,
    DateOnly RegistrationCloses,
    DateOnly ReviewUntil,
    DateOnly JudgingFrom,
    DateOnly JudgingTo,
    DateOnly AnnouncementOn);

/// <param name="MinimumSheets">Sheets an entry needs before the council reads its mean as complete: a round setting,
/// not the regulation's (which asks only for the jury's mean, Điều 17.1). Null: every assigned juror without a conflict.</param>
/// <param name="RegionId">The khu vực of a region round (Điều 3.1.c); null for every other level.</param>
public sealed record RoundDetails(
    ContestLevel Level,
    Guid UnitId,
    int Year,
    string Name,
    string Organiser,
    DecisionRef? Establishment,
    RoundSchedule Schedule,
    decimal PassMark,
    int? Quota,
    bool Blind,
    int? MinimumSheets,
    Guid? RegionId = null);

/// <summary>
/// The links between a judge and an entrant the system looks for itself. The regulation has no conflict-of-interest
/// clause (only independent scoring, Điều 16.2): these are good practice, so each is a round setting, all on by default.
/// </summary>
[Flags]
public enum ConflictChecks
{
    None = 0,
    SameFacility = 1,
    SameRegistration = 2,
    SameAddress = 4,
    SameCommune = 8,
    All = SameFacility | SameRegistration | SameAddress | SameCommune,
}

/// <param name="RequireDeclaration">Judges declare their conflicts before their first sheet (good practice, default on).</param>
public sealed record JudgingRules(ConflictChecks Conflicts, bool RequireDeclaration, AssignmentMode Assignment, int? JudgeCap)
{
    public static readonly JudgingRules Default = new(ConflictChecks.All, true, AssignmentMode.AllMembers, null);
}

/// <summary>A line of the score sheet. Sub-criteria are round data: the Trưởng ban proposes them, the council chair approves.</summary>
public sealed class RoundCriterion
{
    public const int CodeMaxLength = 10;
    public const int NameMaxLength = 300;

    private RoundCriterion() { }

    internal RoundCriterion(Guid roundId, CriterionGroup group, string code, string name, decimal maxPoints, int order)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        Group = group;
        Code = code;
        Name = name;
        MaxPoints = maxPoints;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public CriterionGroup Group { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal MaxPoints { get; private set; }
    public int Order { get; private set; }
}

public sealed record CriterionTemplate(CriterionGroup Group, string Code, string Name, decimal MaxPoints);

public static class CriteriaTemplates
{
    /// <summary>Points per group fixed by TT 26/2014 Phụ lục 4: 40 / 40 / 10 / 10.</summary>
    public static decimal GroupMax(CriterionGroup group) => group switch
    {
        CriterionGroup.Market or CriterionGroup.EconomicTechnical => 40,
        _ => 10,
    };

    /// <summary>The regulation's sheet: one line per group. Rounds may split a group into sub-criteria.</summary>
    public static IReadOnlyList<CriterionTemplate> Regulation =>
    [
        new(CriterionGroup.Market, "1", EnumText.Of(CriterionGroup.Market), 40),
        new(CriterionGroup.EconomicTechnical, "2", EnumText.Of(CriterionGroup.EconomicTechnical), 40),
        new(CriterionGroup.CultureAesthetics, "3", EnumText.Of(CriterionGroup.CultureAesthetics), 10),
        new(CriterionGroup.Other, "4", EnumText.Of(CriterionGroup.Other), 10),
    ];

    /// <summary>A common detailed split used by provinces; an example the Trưởng ban can start from.</summary>
    public static IReadOnlyList<CriterionTemplate> Detailed =>
    [
        new(CriterionGroup.Market, "1.1", Messages.Criterion_Market1, 20),
        new(CriterionGroup.Market, "1.2", Messages.Criterion_Market2, 20),
        new(CriterionGroup.EconomicTechnical, "2.1", Messages.Criterion_Econ1, 15),
        new(CriterionGroup.EconomicTechnical, "2.2", Messages.Criterion_Econ2, 15),
        new(CriterionGroup.EconomicTechnical, "2.3", Messages.Criterion_Econ3, 10),
        new(CriterionGroup.CultureAesthetics, "3.1", Messages.Criterion_Culture1, 5),
        new(CriterionGroup.CultureAesthetics, "3.2", Messages.Criterion_Culture2, 5),
        new(CriterionGroup.Other, "4.1", Messages.Criterion_Other1, 10),
    ];
}

/// <summary>A kỳ bình chọn at one level in one administrative unit.</summary>
public sealed class Round : IVersioned
{
    public const int NameMaxLength = 200;
    public const int OrganiserMaxLength = 200;
    public const int CodeMaxLength = 30;

    /// <summary>"điểm bình quân đạt từ 70 điểm trở lên" (TT 26/2014 Điều 17.1): a round may ask more, never less.</summary>
    public const decimal RegulationPassMark = 70;

    /// <summary>Judges per entry when a balanced round does not say how many sheets an entry needs.</summary>
    public const int DefaultJudgesPerEntry = 3;

    private readonly List<RoundCriterion> _criteria = [];

    private Round() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";

    /// <summary>Name and code folded for search without diacritics ("binh chon ... ha tinh t42 2025"), name first so that it sorts by name; kept by <see cref="Fold"/>.</summary>
    public string SearchKey { get; private set; } = "";
    public ContestLevel Level { get; private set; }
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public string Name { get; private set; } = "";
    public string Organiser { get; private set; } = "";
    public DecisionRef? Establishment { get; private set; }
    public RoundSchedule Schedule { get; private set; } = null!;
    public decimal PassMark { get; private set; }
    public int? Quota { get; private set; }
    public bool Blind { get; private set; }
    public int? MinimumSheets { get; private set; }
    public Guid? RegionId { get; private set; }

    /// <summary>Good practice, not the regulation: which automatic conflicts the round looks for (all by default).</summary>
    public ConflictChecks Conflicts { get; private set; } = ConflictChecks.All;

    /// <summary>Whether judges declare their conflicts before scoring (good practice, default on).</summary>
    public bool RequireDeclaration { get; private set; } = true;
    public AssignmentMode Assignment { get; private set; }
    public int? JudgeCap { get; private set; }
    public RoundState State { get; private set; }
    public DateTimeOffset? CriteriaFrozenAt { get; private set; }

    /// <summary>The round's first recognition decision; a later re-scoring ends in supplementary decisions kept on the entries they concern.</summary>
    public DecisionRef? Recognition { get; private set; }
    public Guid? FundingLineId { get; private set; }
    public int NextEntryNumber { get; private set; } = 1;
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<RoundCriterion> Criteria => _criteria;

    public decimal TotalPoints => _criteria.Sum(c => c.MaxPoints);

    /// <param name="areaCode">The unit's code, or for a region round the region's code.</param>
    public static Round Create(RoundDetails details, string areaCode, IReadOnlyList<CriterionTemplate> criteria, DateTimeOffset now)
    {
        var round = new Round { Id = Guid.CreateVersion7(), State = RoundState.Draft, CreatedAt = now };
        round.Update(details, areaCode);
        round.SetCriteria(criteria);
        return round;
    }

    public void Update(RoundDetails details, string areaCode)
    {
        if (State != RoundState.Draft && (details.Level != Level || details.UnitId != UnitId || details.RegionId != RegionId))
            throw DomainException.At(nameof(RoundDetails.Level), Messages.RoundLevelFixed);
        if (details.Level == ContestLevel.District && details.Schedule.RegistrationOpens >= Geography.AdministrativeUnit.DistrictTierEnded)
            throw DomainException.At(nameof(RoundDetails.Level), Messages.RoundDistrictAfterReform);
        if ((details.Level == ContestLevel.Region) != (details.RegionId is not null)) throw DomainException.At(nameof(RoundDetails.RegionId), Messages.RoundRegionRequired);
        if (details.Year is < 2000 or > 2100) throw DomainException.At(nameof(RoundDetails.Year), Messages.RoundYearInvalid);
        // TT 26/2014 Điều 17.1: "từ 70 điểm trở lên" at every level.
        if (details.PassMark < RegulationPassMark) throw DomainException.At(nameof(RoundDetails.PassMark), Messages.RoundPassMarkBelowRegulation, RegulationPassMark);
        if (details.PassMark > 100) throw DomainException.At(nameof(RoundDetails.PassMark), Messages.RoundPassMarkInvalid);
        if (details.Quota is < 1) throw DomainException.At(nameof(RoundDetails.Quota), Messages.RoundQuotaInvalid);
        if (details.MinimumSheets is < 1 or > 25) throw DomainException.At(nameof(RoundDetails.MinimumSheets), Messages.RoundMinimumSheetsInvalid);
        // What decides a result stops moving once the first sheet may be written.
        if (State >= RoundState.Judging && (details.PassMark != PassMark || details.MinimumSheets != MinimumSheets || details.Quota != Quota || details.Blind != Blind))
            throw new DomainException(Messages.RoundRulesLockedAtJudging);
        CheckSchedule(details.Schedule);
        if (details.Establishment is { } decision) CheckDecision(decision);

        var code = details.Level == ContestLevel.National ? $"{LevelLetter(details.Level)}-{details.Year}" : $"{LevelLetter(details.Level)}{areaCode}-{details.Year}";
        if (Code.Length == 0 || !Code.StartsWith(code, StringComparison.Ordinal)) Code = code;
        Level = details.Level;
        UnitId = details.UnitId;
        Year = details.Year;
        Name = VietnameseText.Required(details.Name, NameMaxLength, Messages.RoundNameRequired, nameof(RoundDetails.Name));
        Fold();
        Organiser = VietnameseText.Required(details.Organiser, OrganiserMaxLength, Messages.RoundOrganiserRequired, nameof(RoundDetails.Organiser));
        Establishment = details.Establishment;
        Schedule = details.Schedule;
        PassMark = details.PassMark;
        Quota = details.Quota;
        Blind = details.Blind;
        MinimumSheets = details.MinimumSheets;
        RegionId = details.RegionId;
    }

    public RoundDetails Details => new(Level, UnitId, Year, Name, Organiser, Establishment, Schedule, PassMark, Quota, Blind, MinimumSheets, RegionId);

    public JudgingRules Rules => new(Conflicts, RequireDeclaration, Assignment, JudgeCap);

    public void SetJudgingRules(JudgingRules rules)
    {
        if (State is not (RoundState.Draft or RoundState.OpenForRegistration or RoundState.DossierReview))
            throw new DomainException(Messages.RoundJudgingRulesFixed);
        if (!Enum.IsDefined(rules.Assignment) || rules.JudgeCap is < 1 || (rules.Conflicts & ~ConflictChecks.All) != 0)
            throw new DomainException(Messages.RoundJudgeCapInvalid);
        Conflicts = rules.Conflicts;
        RequireDeclaration = rules.RequireDeclaration;
        Assignment = rules.Assignment;
        JudgeCap = rules.Assignment == AssignmentMode.Balanced ? rules.JudgeCap : null;
    }

    /// <summary>How many judges a balanced plan gives each entry.</summary>
    public int JudgesPerEntry => MinimumSheets ?? DefaultJudgesPerEntry;

    /// <summary>Criteria belong to the round and freeze when judging opens, so every sheet is scored on the same lines.</summary>
    public void SetCriteria(IReadOnlyList<CriterionTemplate> criteria)
    {
        if (CriteriaFrozenAt is not null) throw new DomainException(Messages.RoundCriteriaFrozen);
        foreach (var group in Enum.GetValues<CriterionGroup>())
        {
            var sum = criteria.Where(c => c.Group == group).Sum(c => c.MaxPoints);
            if (sum != CriteriaTemplates.GroupMax(group))
                throw DomainException.Of(Messages.RoundCriteriaGroupSum, EnumText.Of(group), CriteriaTemplates.GroupMax(group), sum);
        }
        if (criteria.Any(c => c.MaxPoints <= 0 || c.MaxPoints % 0.5m != 0)) throw new DomainException(Messages.RoundCriterionMaxInvalid);
        if (criteria.Select(c => c.Code).Distinct().Count() != criteria.Count) throw new DomainException(Messages.RoundCriterionCodeDuplicate);
        _criteria.Clear();
        var order = 0;
        foreach (var c in criteria.OrderBy(c => c.Group).ThenBy(c => c.Code, StringComparer.Ordinal))
            _criteria.Add(new RoundCriterion(Id, c.Group,
                VietnameseText.Required(c.Code, RoundCriterion.CodeMaxLength, Messages.RoundCriterionCodeDuplicate),
                VietnameseText.Required(c.Name, RoundCriterion.NameMaxLength, Messages.RoundCriterionNameRequired), c.MaxPoints, order++));
    }

    public void LinkFunding(Guid? fundingLineId) => FundingLineId = fundingLineId;

    /// <summary>A second round of the same level, unit and year gets "-2", "-3": entry codes must not repeat across rounds.</summary>
    internal void NumberCode(int sameCodeRounds)
    {
        if (sameCodeRounds > 0) Code = $"{Code}-{sameCodeRounds + 1}";
        Fold();
    }

    /// <summary>Recomputes <see cref="SearchKey"/> from the code and name (also for rows saved before the key existed).</summary>
    internal void Fold() => SearchKey = VietnameseText.SearchKey($"{Name} {Code}");

    public void Open()
    {
        Expect(RoundState.Draft);
        if (Establishment is null) throw new DomainException(Messages.RoundNeedsEstablishment);
        State = RoundState.OpenForRegistration;
    }

    public void StartReview()
    {
        Expect(RoundState.OpenForRegistration);
        State = RoundState.DossierReview;
    }

    /// <summary>Judging cannot open while any dossier still waits for a decision, nor with nothing to judge.</summary>
    public void StartJudging(int awaitingReview, int accepted, DateTimeOffset now)
    {
        Expect(RoundState.DossierReview);
        if (awaitingReview > 0) throw DomainException.Of(Messages.RoundEntriesStillInReview, awaitingReview);
        if (accepted == 0) throw new DomainException(Messages.RoundNoAcceptedEntries);
        State = RoundState.Judging;
        CriteriaFrozenAt = now;
    }

    /// <summary>
    /// The jury's results go to the council. An entry short of the round's sheets does not hold the others back: it is
    /// flagged to the council with the reason (the sheet count is the round's setting, not the regulation's).
    /// </summary>
    public void ProposeResults()
    {
        Expect(RoundState.Judging);
        State = RoundState.ResultsProposed;
    }

    /// <summary>
    /// Records a recognition decision. The first is the round's; one after a complaint's re-scoring is supplementary
    /// and concerns the re-scored entries only (DESIGN: a decision belongs to each entry). The quota counts every entry
    /// recognised in the round, whichever decision recognised it. Which entries may be recognised (at or above the pass
    /// mark, Điều 17.1) is checked against the results by the caller.
    /// </summary>
    /// <returns>Whether the decision is supplementary.</returns>
    public bool IssueDecision(DecisionRef decision, int recognisedInRound)
    {
        Expect(RoundState.ResultsProposed);
        CheckDecision(decision);
        if (Quota is { } quota && recognisedInRound > quota) throw DomainException.Of(Messages.RoundQuotaExceeded, quota);
        if (Recognition is { } first && decision.Date < first.Date) throw DomainException.At(nameof(decision.Date), Messages.DecisionBeforeFirst, first.Number, first.Date.ToString("dd/MM/yyyy"));
        var supplementary = Recognition is not null;
        Recognition ??= decision;
        State = RoundState.DecisionIssued;
        return supplementary;
    }

    /// <param name="lastComplaintDeadline">The latest complaint deadline among the round's notices (Điều 20.1).</param>
    public void Close(DateOnly today, int openComplaints, DateOnly? lastComplaintDeadline)
    {
        Expect(RoundState.DecisionIssued);
        if (lastComplaintDeadline is { } deadline && today <= deadline) throw DomainException.Of(Messages.RoundComplaintWindowOpen, deadline.ToString("dd/MM/yyyy"));
        if (openComplaints > 0) throw DomainException.Of(Messages.RoundComplaintsOpen, openComplaints);
        State = RoundState.Closed;
    }

    /// <summary>A complaint sent back for re-scoring reopens judging for the round.</summary>
    internal void ReopenForRescoring()
    {
        // A second complaint sent for re-scoring while the first is being re-scored joins it.
        if (State is not (RoundState.DecisionIssued or RoundState.Judging)) throw new DomainException(Messages.RoundWrongState);
        State = RoundState.Judging;
    }

    public bool AcceptsRegistrations(DateOnly today) =>
        State == RoundState.OpenForRegistration && Schedule.RegistrationOpens <= today && today <= Schedule.RegistrationCloses;

    public bool AllowsWithdrawal => State is RoundState.OpenForRegistration or RoundState.DossierReview;

    internal string NextEntryCode() => $"{Code}-{NextEntryNumber++:000}";

    /// <summary>
    /// Certificates are valid from their issue to 31/12 of the 4th year counting the issue year as the 1st (issued 2023
    /// → 31/12/2026): DESIGN.md's reading as amended; TT 26/2014 Điều 17.3 first said "năm thứ 3".
    /// </summary>
    public static DateOnly CertificateValidUntil(DateOnly issued) => new(issued.Year + 3, 12, 31);

    public static string LevelLetter(ContestLevel level) => level switch
    {
        ContestLevel.Commune => "X",
        ContestLevel.District => "H",
        ContestLevel.Province => "T",
        ContestLevel.Region => "KV",
        _ => "QG",
    };

    private void Expect(RoundState state)
    {
        if (State != state) throw DomainException.Of(Messages.RoundWrongStateFor, EnumText.Of(State));
    }

    /// <summary>Each day sensible and none before the one it follows; a refusal names the first day out of order.</summary>
    private static void CheckSchedule(RoundSchedule s)
    {
        (DateOnly Day, string Field)[] days =
        [
            (s.RegistrationOpens, nameof(s.RegistrationOpens)), (s.RegistrationCloses, nameof(s.RegistrationCloses)),
            (s.ReviewUntil, nameof(s.ReviewUntil)), (s.JudgingFrom, nameof(s.JudgingFrom)), (s.JudgingTo, nameof(s.JudgingTo)),
            (s.AnnouncementOn, nameof(s.AnnouncementOn)),
        ];
        foreach (var (day, field) in days) SensibleDates.Check(day, field);
        for (var i = 1; i < days.Length; i++)
            if (days[i].Day < days[i - 1].Day) throw DomainException.At(days[i].Field, Messages.RoundScheduleOrder);
    }

    internal static void CheckDecision(DecisionRef decision)
    {
        SensibleDates.Check(decision.Date, nameof(decision.Date));
        VietnameseText.Required(decision.Number, DecisionRef.NumberMaxLength, Messages.DecisionNumberRequired, nameof(decision.Number));
        VietnameseText.Required(decision.Signer, DecisionRef.SignerMaxLength, Messages.DecisionSignerRequired, nameof(decision.Signer));
    }
}
