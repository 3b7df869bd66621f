using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests;

public enum EntryState { Draft, Submitted, Returned, Accepted, Rejected, Withdrawn, Recognised, NotRecognised, Revoked }

/// <summary>
/// Why staff refuse an entry as ineligible (TT 26/2014 Điều 3–4). A valid certificate is no reason: "Một sản phẩm có thể
/// đăng ký tham gia nhiều kỳ bình chọn" (Điều 6.3), so staff see it as a warning instead.
/// </summary>
public enum IneligibilityReason { OutsideUnit, NotRuralFacility, NotSelfMade, NotMassProducible, Other }

/// <summary>How the result was made known to the facility (TT 26/2014 Điều 17.2: "được thông báo đến các cơ sở").</summary>
public enum NoticeMethod { InApp, Post, Email, Meeting, Other }

/// <summary>The notice of results: the day the complaint clock starts (Điều 20.1) and how it was sent.</summary>
public sealed record ResultNotice(DateOnly On, NoticeMethod Method);

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
/// <param name="CertificateValidUntil">The lower level's certificate, which must still be valid (Điều 12.2.b, 12.3.b, 12.4.b).</param>
public sealed record LowerLevelResult(decimal Score, string DecisionNumber, DateOnly DecisionDate, string RoundName, DateOnly? CertificateValidUntil = null);

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

    /// <summary>The proposal (letter and short list) the entry came up with.</summary>
    public Guid? NominationId { get; private set; }
    public LowerLevelResult? LowerLevel { get; private set; }
    public decimal? Score { get; private set; }
    public int? Rank { get; private set; }

    /// <summary>The recognition decision that concluded this entry (TT 26/2014 Điều 17.2): each entry keeps its own.</summary>
    public DecisionRef? Decision { get; private set; }

    /// <summary>Whether <see cref="Decision"/> is a supplementary decision after a complaint's re-scoring.</summary>
    public bool SupplementaryDecision { get; private set; }

    /// <summary>When and how the facility was told; the complaint clock counts from here (Điều 20.1).</summary>
    public ResultNotice? Notice { get; private set; }

    /// <summary>The date of issue of this entry's certificate: validity counts from it (Điều 17.3).</summary>
    public DateOnly? CertificateIssuedOn { get; private set; }

    /// <summary>The decision revoking the recognition (Điều 20.3), with its reason.</summary>
    public DecisionRef? Revocation { get; private set; }
    public string? RevocationReason { get; private set; }

    /// <summary>The frozen dossier read by the jury and sent up (Điều 13): null while the producer may still edit.</summary>
    public Guid? DossierId { get; private set; }

    /// <summary>How many times the dossier was frozen (each submission is a version).</summary>
    public int DossierVersion { get; private set; }

    /// <summary>The product's name and group as submitted, for lists that must show the dossier, not today's product.</summary>
    public string? DossierProductName { get; private set; }
    public Producers.ProductGroup? DossierGroup { get; private set; }

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
    /// <summary>
    /// A recognised entry of the level below becomes a dossier at this level, never re-typed (liên thông): the same
    /// forms and a copy of the frozen dossier the lower level judged (<paramref name="dossier"/>, made for the new entry).
    /// </summary>
    public static Entry Nominate(Round target, Entry source, Nomination nomination, LowerLevelResult result, Guid entryId, DossierVersion dossier,
        Actor actor, DateTimeOffset now)
    {
        if (source.State != EntryState.Recognised) throw new DomainException(Messages.EntryNominateOnlyRecognised);
        var entry = new Entry
        {
            Id = entryId, RoundId = target.Id, ProductId = source.ProductId, ProducerId = source.ProducerId, NominationId = nomination.Id,
            State = EntryState.Submitted, Registration = source.Registration with { }, Description = source.Description with { },
            NominatedFromEntryId = source.Id, LowerLevel = result with { }, CreatedAt = now, SubmittedAt = now,
        };
        entry.Freeze(dossier);
        entry.Log(actor, now, "nominated", $"{result.RoundName}: {result.Score:0.00} — {nomination.Authority}, {nomination.Letter.Number}");
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
    /// <summary>Submits (or resubmits after return) when the checklist is complete; the dossier freezes as <paramref name="dossier"/>.</summary>
    public void Submit(IReadOnlyList<string> missing, DossierVersion dossier, Actor actor, DateTimeOffset now)
    {
        if (State is not (EntryState.Draft or EntryState.Returned)) throw new DomainException(Messages.EntryNotEditable);
        if (missing.Count > 0) throw DomainException.Of(Messages.EntryDossierIncomplete, string.Join("; ", missing));
        var resubmission = State == EntryState.Returned;
        State = EntryState.Submitted;
        SubmittedAt = now;
        ReturnReason = null;
        Freeze(dossier);
        Log(actor, now, resubmission ? "resubmitted" : "submitted", string.Format(Messages.Timeline_DossierVersion, dossier.Number));
    }

    /// <summary>The next version number a freeze of this entry's dossier takes.</summary>
    public int NextDossierVersion => DossierVersion + 1;

    internal void Freeze(DossierVersion dossier)
    {
        if (dossier.EntryId != Id || dossier.Number != DossierVersion + 1) throw new InvalidOperationException("dossier version out of order");
        DossierId = dossier.Id;
        DossierVersion = dossier.Number;
        DossierProductName = dossier.ProductName;
        DossierGroup = dossier.Group;
    }

    public bool IsFrozen => DossierId is not null;

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
        // Returned for completion: the producer works on the live product again until the next submission freezes it.
        DossierId = null;
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

    /// <summary>
    /// The council's decision on a judged entry (Điều 17.2): the decision's number, date and signer stay with the entry,
    /// the certificate of a recognised entry is issued on the decision's date, and the in-app notice goes out today.
    /// </summary>
    public void Decide(DecisionRef decision, bool supplementary, bool recognised, DateOnly noticeOn, Actor actor, DateTimeOffset now)
    {
        if (State != EntryState.Accepted) throw new DomainException(Messages.EntryNotJudged);
        Round.CheckDecision(decision);
        State = recognised ? EntryState.Recognised : EntryState.NotRecognised;
        // A copy per entry: EF cannot track one owned instance for several owners.
        Decision = decision with { };
        SupplementaryDecision = supplementary;
        CertificateIssuedOn = recognised ? decision.Date : null;
        Notice = new ResultNotice(noticeOn < decision.Date ? decision.Date : noticeOn, NoticeMethod.InApp);
        Log(actor, now, recognised ? "recognised" : "not-recognised",
            $"{(supplementary ? Messages.Timeline_Supplementary + " " : "")}{decision.Number} ({decision.Date:dd/MM/yyyy})");
    }

    /// <summary>Staff record how and when the result was made known; while the complaint window is open it may be corrected.</summary>
    public void RecordNotice(ResultNotice notice, DateOnly today, WorkingCalendar calendar, Actor actor, DateTimeOffset now)
    {
        if (Decision is not { } decision || Notice is not { } current) throw new DomainException(Messages.EntryNotJudged);
        if (!Enum.IsDefined(notice.Method)) throw new DomainException(Messages.NoticeMethodInvalid);
        if (notice.On < decision.Date || notice.On > today) throw DomainException.At(nameof(notice.On), Messages.NoticeDateInvalid, decision.Date.ToString("dd/MM/yyyy"));
        if (today > ContestDeadlines.Complaint(current.On, calendar)) throw new DomainException(Messages.NoticeWindowPassed);
        Notice = notice;
        Log(actor, now, "notice-recorded", $"{notice.On:dd/MM/yyyy} — {EnumText.Of(notice.Method)}");
    }

    /// <summary>The last day a complaint about this entry's result is received in time (Điều 20.1).</summary>
    public DateOnly? ComplaintDeadline(WorkingCalendar calendar) => Notice is { } notice ? ContestDeadlines.Complaint(notice.On, calendar) : null;

    /// <summary>31/12 of the 4th year counting the certificate's issue year (Điều 17.3 as amended); null unless recognised.</summary>
    public DateOnly? ValidUntil => ValidUntilOf(State, CertificateIssuedOn);

    /// <summary>The same, from the two columns (for lists read without the whole entry).</summary>
    public static DateOnly? ValidUntilOf(EntryState state, DateOnly? certificateIssuedOn) =>
        state == EntryState.Recognised && certificateIssuedOn is { } issued ? Round.CertificateValidUntil(issued) : null;

    /// <summary>A recognition still in force: recognised, not revoked, not expired.</summary>
    public bool HoldsValidCertificate(DateOnly today) => ValidUntil is { } until && today <= until;

    /// <summary>A complaint upheld for re-scoring puts the entry back among the judged; its decision waits for a supplementary one.</summary>
    internal void BackToJudging(Actor actor, DateTimeOffset now, string note)
    {
        if (State is not (EntryState.Recognised or EntryState.NotRecognised)) throw new DomainException(Messages.EntryNotJudged);
        var previous = Decision;
        State = EntryState.Accepted;
        Decision = null;
        SupplementaryDecision = false;
        Notice = null;
        CertificateIssuedOn = null;
        Log(actor, now, "sent-for-rescoring", previous is null ? note : $"{note} ({previous.Number})");
    }

    /// <summary>
    /// Revocation (TT 26/2014 Điều 20.3): at any time while the certificate is valid, by a decision of the level's
    /// authority with its reason. A revoked recognition produces no certificate, label or nomination again.
    /// </summary>
    public void Revoke(DecisionRef decision, string reason, DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (State != EntryState.Recognised) throw new DomainException(Messages.EntryNotRecognised);
        if (!HoldsValidCertificate(today)) throw DomainException.Of(Messages.RevocationExpired, ValidUntil?.ToString("dd/MM/yyyy") ?? "—");
        Round.CheckDecision(decision);
        if (decision.Date < CertificateIssuedOn || decision.Date > today) throw DomainException.At(nameof(decision.Date), Messages.RevocationDateInvalid);
        RevocationReason = VietnameseText.Required(reason, ReasonMaxLength, Messages.EntryReasonRequired);
        Revocation = decision with { };
        State = EntryState.Revoked;
        Log(actor, now, "revoked", $"{decision.Number} ({decision.Date:dd/MM/yyyy}): {RevocationReason}");
    }

    /// <summary>Whether the entry has a council decision (recognised, not recognised or later revoked).</summary>
    public bool IsDecided => State is EntryState.Recognised or EntryState.NotRecognised or EntryState.Revoked;

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
