using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Judging;

public enum SheetState { Draft, Submitted }

/// <summary>A judge's phiếu chấm điểm for one entry (TT 26/2014 Phụ lục 4). Each judge scores independently and answers for it.</summary>
public sealed class ScoreSheet : IVersioned
{
    public const int CommentsMaxLength = 4000;
    public const decimal Step = 0.5m;

    private readonly List<SheetScore> _scores = [];

    private ScoreSheet() { }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid EntryId { get; private set; }
    public string JudgeId { get; private set; } = "";
    public SheetState State { get; private set; }
    public string? Comments { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public int Version { get; set; }

    /// <summary>
    /// The four groups' points of a submitted sheet (Phụ lục 3), stored when it is submitted and cleared when it is
    /// reopened, so that results and the fairness panel read one row per sheet instead of summing every score.
    /// </summary>
    public decimal? MarketPoints { get; private set; }
    public decimal? EconomicPoints { get; private set; }
    public decimal? CulturePoints { get; private set; }
    public decimal? OtherPoints { get; private set; }

    public IReadOnlyList<SheetScore> Scores => _scores;

    public static ScoreSheet Start(Guid roundId, Guid entryId, string judgeId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), RoundId = roundId, EntryId = entryId, JudgeId = judgeId, State = SheetState.Draft, UpdatedAt = now };

    /// <summary>
    /// What a judge typed, as points: empty clears the score, a comma or a point separates the half ("8,5" or "8.5"),
    /// anything else outside 0 to the criterion's maximum in steps of 0.5 is refused with the rule in the message.
    /// The score sheet page checks each keystroke with this, and <see cref="SetScore"/> holds the same rule.
    /// </summary>
    public static decimal? ParsePoints(string? text, RoundCriterion criterion)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!decimal.TryParse(text.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture,
                out var points))
            throw DomainException.Of(Messages.SheetScoreOutOfRange, criterion.Code, criterion.MaxPoints.ToString("0.##"));
        CheckPoints(criterion, points);
        return points;
    }

    private static void CheckPoints(RoundCriterion criterion, decimal points)
    {
        if (points < 0 || points > criterion.MaxPoints || points % Step != 0)
            throw DomainException.Of(Messages.SheetScoreOutOfRange, criterion.Code, criterion.MaxPoints.ToString("0.##"));
    }

    /// <summary>0 to the criterion's maximum, in steps of 0.5; null clears the score.</summary>
    public void SetScore(RoundCriterion criterion, decimal? points, DateTimeOffset now)
    {
        ExpectDraft();
        if (criterion.RoundId != RoundId) throw new NotFoundException();
        if (points is { } p) CheckPoints(criterion, p);
        var existing = _scores.FirstOrDefault(s => s.CriterionId == criterion.Id);
        if (existing is null) _scores.Add(new SheetScore(Id, criterion.Id, points));
        else existing.Points = points;
        UpdatedAt = now;
    }

    public void SetComments(string? comments, DateTimeOffset now)
    {
        ExpectDraft();
        Comments = VietnameseText.Optional(comments, CommentsMaxLength);
        UpdatedAt = now;
    }

    public void Submit(IReadOnlyList<RoundCriterion> criteria, DateTimeOffset now)
    {
        ExpectDraft();
        var missing = criteria.Where(c => _scores.FirstOrDefault(s => s.CriterionId == c.Id)?.Points is null).Select(c => c.Code).ToList();
        if (missing.Count > 0) throw DomainException.Of(Messages.SheetIncomplete, string.Join(", ", missing));
        MarketPoints = GroupTotal(criteria, CriterionGroup.Market);
        EconomicPoints = GroupTotal(criteria, CriterionGroup.EconomicTechnical);
        CulturePoints = GroupTotal(criteria, CriterionGroup.CultureAesthetics);
        OtherPoints = GroupTotal(criteria, CriterionGroup.Other);
        State = SheetState.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Only the chair reopens a submitted sheet, with a reason kept in the audit trail.</summary>
    public void Reopen(DateTimeOffset now)
    {
        if (State != SheetState.Submitted) throw new DomainException(Messages.SheetNotSubmitted);
        State = SheetState.Draft;
        SubmittedAt = null;
        MarketPoints = EconomicPoints = CulturePoints = OtherPoints = null;
        UpdatedAt = now;
    }

    public decimal Total => _scores.Sum(s => s.Points ?? 0);

    public decimal GroupTotal(IReadOnlyList<RoundCriterion> criteria, CriterionGroup group) =>
        _scores.Where(s => criteria.Any(c => c.Id == s.CriterionId && c.Group == group)).Sum(s => s.Points ?? 0);

    private void ExpectDraft()
    {
        if (State != SheetState.Draft) throw new DomainException(Messages.SheetLocked);
    }
}

public sealed class SheetScore
{
    private SheetScore() { }

    internal SheetScore(Guid sheetId, Guid criterionId, decimal? points)
    {
        SheetId = sheetId;
        CriterionId = criterionId;
        Points = points;
    }

    public Guid SheetId { get; private set; }
    public Guid CriterionId { get; private set; }
    public decimal? Points { get; internal set; }
}
