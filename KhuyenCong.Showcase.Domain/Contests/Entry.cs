using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests;

public enum EntryState { Draft, Submitted, Returned, Accepted, Rejected, Withdrawn, Recognised, NotRecognised }

/// <summary>Why staff refuse an entry as ineligible (TT 26/2014 Điều 3–4).</summary>
public enum IneligibilityReason { OutsideUnit, NotRuralFacility, NotSelfMade, NotMassProducible, CertificateStillValid, Other }

/// <summary>Phiếu đăng ký (TT 26/2014 Phụ lục 1): the facility's declarations; the rest comes from its profile.</summary>
public sealed record RegistrationForm(
    bool SelfMade,
    bool MassProducible,
    bool MeetsStandards,
    string? AnnualCapacity,
    int? Workers,
    long? AnnualRevenue)
{
    public const int TextMaxLength = 500;
    public static readonly RegistrationForm Empty = new(false, false, false, null, null, null);
}

/// <summary>Bản thuyết minh (Phụ lục 2): what the product description must say beyond the product record.</summary>
public sealed record DescriptionForm(
    string? Highlights,
    string? EconomicValue,
    string? SocialAndEnvironment,
    string? CultureAndAesthetics)
{
    public const int TextMaxLength = 3000;
    public static readonly DescriptionForm Empty = new(null, null, null, null);
}

/// <summary>The level below's result carried with a nominated dossier (liên thông).</summary>
public sealed record LowerLevelResult(decimal Score, string DecisionNumber, DateOnly DecisionDate, string RoundName);

public sealed class EntryEvent
{
    public const int ActionMaxLength = 60;
    public const int NoteMaxLength = 2000;

    private EntryEvent() { }

    internal EntryEvent(Guid entryId, DateTimeOffset at, string actorId, string actorName, string action, string? note)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? Note { get; private set; }
}

/// <summary>A product entered in a round, with its dossier (hồ sơ bình chọn).</summary>
public sealed class Entry : IVersioned
{
    public const int CodeMaxLength = 40;
    public const int ReasonMaxLength = 2000;

    private readonly List<EntryEvent> _events = [];

    private Entry() { }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid ProducerId { get; private set; }
    public string? Code { get; private set; }
    public EntryState State { get; private set; }
    // Each entry owns its own form instances: EF cannot track one owned instance for several owners.
    public RegistrationForm Registration { get; private set; } = RegistrationForm.Empty with { };
    public DescriptionForm Description { get; private set; } = DescriptionForm.Empty with { };
    public string? ReturnReason { get; private set; }
    public IneligibilityReason? RejectionReason { get; private set; }
    public string? RejectionNote { get; private set; }
    public Guid? NominatedFromEntryId { get; private set; }
    public LowerLevelResult? LowerLevel { get; private set; }
    public decimal? Score { get; private set; }
    public int? Rank { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<EntryEvent> Events => _events;

    public static Entry Start(Round round, Guid productId, Guid producerId, Actor actor, DateTimeOffset now)
    {
        var entry = new Entry
        {
            Id = Guid.CreateVersion7(), RoundId = round.Id, ProductId = productId, ProducerId = producerId,
            State = EntryState.Draft, CreatedAt = now,
        };
        entry.Log(actor, now, "created", null);
        return entry;
    }

    /// <summary>A recognised entry of the level below becomes a dossier at this level, never re-typed (liên thông).</summary>
    public static Entry Nominate(Round target, Entry source, LowerLevelResult result, Actor actor, DateTimeOffset now)
    {
        if (source.State != EntryState.Recognised) throw new DomainException(Messages.EntryNominateOnlyRecognised);
        var entry = new Entry
        {
            Id = Guid.CreateVersion7(), RoundId = target.Id, ProductId = source.ProductId, ProducerId = source.ProducerId,
            State = EntryState.Submitted, Registration = source.Registration with { }, Description = source.Description with { },
            NominatedFromEntryId = source.Id, LowerLevel = result, CreatedAt = now, SubmittedAt = now,
        };
        entry.Log(actor, now, "nominated", $"{result.RoundName}: {result.Score:0.00}");
        return entry;
    }

    public void EditForms(RegistrationForm registration, DescriptionForm description, Actor actor, DateTimeOffset now)
    {
        if (State is not (EntryState.Draft or EntryState.Returned)) throw new DomainException(Messages.EntryNotEditable);
        if (registration.Workers is < 0 || registration.AnnualRevenue is < 0) throw new DomainException(Messages.EntryNegativeNumber);
        Registration = registration with
        {
            AnnualCapacity = VietnameseText.Optional(registration.AnnualCapacity, RegistrationForm.TextMaxLength),
        };
        Description = new DescriptionForm(
            VietnameseText.Optional(description.Highlights, DescriptionForm.TextMaxLength),
            VietnameseText.Optional(description.EconomicValue, DescriptionForm.TextMaxLength),
            VietnameseText.Optional(description.SocialAndEnvironment, DescriptionForm.TextMaxLength),
            VietnameseText.Optional(description.CultureAndAesthetics, DescriptionForm.TextMaxLength));
        Log(actor, now, "forms-saved", null);
    }

    /// <summary>Submits (or resubmits after return) when the checklist is complete.</summary>
    public void Submit(IReadOnlyList<string> missing, Actor actor, DateTimeOffset now)
    {
        if (State is not (EntryState.Draft or EntryState.Returned)) throw new DomainException(Messages.EntryNotEditable);
        if (missing.Count > 0) throw DomainException.Of(Messages.EntryDossierIncomplete, string.Join("; ", missing));
        var resubmission = State == EntryState.Returned;
        State = EntryState.Submitted;
        SubmittedAt = now;
        ReturnReason = null;
        Log(actor, now, resubmission ? "resubmitted" : "submitted", null);
    }

    public void Accept(Round round, Actor actor, DateTimeOffset now)
    {
        ExpectReview(round);
        State = EntryState.Accepted;
        Code ??= round.NextEntryCode();
        Log(actor, now, "accepted", Code);
    }

    public void ReturnForCompletion(Round round, string reason, Actor actor, DateTimeOffset now)
    {
        ExpectReview(round);
        ReturnReason = VietnameseText.Required(reason, ReasonMaxLength, Messages.EntryReasonRequired);
        State = EntryState.Returned;
        Log(actor, now, "returned", ReturnReason);
    }

    public void Reject(Round round, IneligibilityReason reason, string? note, Actor actor, DateTimeOffset now)
    {
        ExpectReview(round);
        if (reason == IneligibilityReason.Other && string.IsNullOrWhiteSpace(note)) throw new DomainException(Messages.EntryReasonRequired);
        RejectionReason = reason;
        RejectionNote = VietnameseText.Optional(note, ReasonMaxLength);
        State = EntryState.Rejected;
        Log(actor, now, "rejected", $"{EnumText.Of(reason)}{(RejectionNote is null ? "" : ": " + RejectionNote)}");
    }

    public void Withdraw(Round round, Actor actor, DateTimeOffset now)
    {
        if (!round.AllowsWithdrawal || State is EntryState.Withdrawn or EntryState.Rejected)
            throw new DomainException(Messages.EntryCannotWithdraw);
        State = EntryState.Withdrawn;
        Log(actor, now, "withdrawn", null);
    }

    public void SetResult(decimal? score, int? rank)
    {
        Score = score;
        Rank = rank;
    }

    public void Decide(bool recognised, Actor actor, DateTimeOffset now)
    {
        if (State is not (EntryState.Accepted or EntryState.Recognised or EntryState.NotRecognised)) throw new DomainException(Messages.EntryNotJudged);
        State = recognised ? EntryState.Recognised : EntryState.NotRecognised;
        Log(actor, now, recognised ? "recognised" : "not-recognised", null);
    }

    /// <summary>A complaint upheld for re-scoring puts the entry back among the judged.</summary>
    internal void BackToJudging(Actor actor, DateTimeOffset now, string note)
    {
        State = EntryState.Accepted;
        Log(actor, now, "sent-for-rescoring", note);
    }

    internal void Revoke(Actor actor, DateTimeOffset now, string note)
    {
        if (State != EntryState.Recognised) throw new DomainException(Messages.EntryNotRecognised);
        State = EntryState.NotRecognised;
        Log(actor, now, "revoked", note);
    }

    public bool IsActive => State is not (EntryState.Withdrawn or EntryState.Rejected);

    public bool AwaitsReview => State == EntryState.Submitted;

    public void Log(Actor actor, DateTimeOffset now, string action, string? note) =>
        _events.Add(new EntryEvent(Id, now, actor.Id, actor.Name, action, note is null ? null : note[..Math.Min(note.Length, EntryEvent.NoteMaxLength)]));

    private void ExpectReview(Round round)
    {
        if (State != EntryState.Submitted) throw DomainException.Of(Messages.EntryWrongState, EnumText.Of(State));
        if (round.State is not (RoundState.OpenForRegistration or RoundState.DossierReview)) throw new DomainException(Messages.EntryRoundNotReviewing);
    }
}

/// <summary>Who did something, as recorded on timelines.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor From(Accounts.UserScope scope) => new(scope.UserId, scope.UserName);
}
