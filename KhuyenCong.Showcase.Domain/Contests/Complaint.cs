using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests;

public enum ComplaintState { Open, Dismissed, SentForRescoring, Revoked }

/// <summary>Khiếu nại (a complaint about a result) or kiến nghị (a petition): the council handles both (TT 26/2014 Điều 10.3).</summary>
public enum ComplaintKind { Complaint, Petition }

/// <summary>Filed in the app by a facility, or received on paper and recorded by the round's staff.</summary>
public enum ComplaintChannel { Online, Paper }

/// <summary>Who complains and when it was received, as the filing gives it.</summary>
/// <param name="ComplainantName">The facility or person: for an online filing the facility's name.</param>
/// <param name="ReceivedOn">The day the council received it: the filing day online, the day of receipt on paper.</param>
public sealed record ComplaintFiling(ComplaintKind Kind, ComplaintChannel Channel, string ComplainantName, Guid? ComplainantProducerId,
    DateOnly ReceivedOn, string Reasons)
{
    public const int NameMaxLength = 200;
}

/// <summary>
/// A khiếu nại or kiến nghị about a round's result: about one entry, or about the round as a whole. Any interested
/// party may raise one (Điều 20 sets no limit on who): a facility about any entry of the round, or the round's staff
/// recording one received on paper. It must be received within 15 working days of the notice of results (Điều 20.1)
/// and is resolved within 10 working days of receipt (Điều 20.2); both dates are counted on the calendar as it stands.
/// </summary>
public sealed class Complaint : IVersioned
{
    public const int TextMaxLength = 4000;

    private readonly List<ComplaintAttachment> _attachments = [];

    private Complaint() { }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }

    /// <summary>The entry whose result is challenged; null for a complaint or petition about the round's result as a whole.</summary>
    public Guid? EntryId { get; private set; }
    public ComplaintKind Kind { get; private set; }
    public ComplaintChannel Channel { get; private set; }
    public string ComplainantName { get; private set; } = "";
    public Guid? ComplainantProducerId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>Who put it in the system: the facility's account online, the staff member for a paper one.</summary>
    public string FiledById { get; private set; } = "";
    public string FiledByName { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    public string Reasons { get; private set; } = "";
    public ComplaintState State { get; private set; }
    public string? Resolution { get; private set; }
    public string? ResolvedById { get; private set; }
    public string? ResolvedByName { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<ComplaintAttachment> Attachments => _attachments;

    /// <param name="entry">The challenged entry, or null for the round as a whole.</param>
    /// <param name="deadline">The last day of the complaint window for that entry's notice, or the round's latest notice.</param>
    public static Complaint File(Round round, Entry? entry, ComplaintFiling filing, IReadOnlyList<StoredFile> attachments, Actor actor,
        DateTimeOffset now, DateOnly today, DateOnly? deadline)
    {
        if (entry is not null && (entry.RoundId != round.Id || !entry.IsDecided)) throw new DomainException(Messages.ComplaintOnlyAfterResult);
        if (deadline is not { } last) throw new DomainException(Messages.ComplaintOnlyAfterResult);
        if (!Enum.IsDefined(filing.Kind) || !Enum.IsDefined(filing.Channel)) throw new DomainException(Messages.ComplaintOutcomeRequired);
        SensibleDates.Check(filing.ReceivedOn);
        if (filing.ReceivedOn > today) throw new DomainException(Messages.ComplaintReceivedInFuture);
        if (filing.ReceivedOn > last) throw DomainException.Of(Messages.ComplaintTooLate, last.ToString("dd/MM/yyyy"));
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), RoundId = round.Id, EntryId = entry?.Id, Kind = filing.Kind, Channel = filing.Channel,
            ComplainantName = VietnameseText.Required(filing.ComplainantName, ComplaintFiling.NameMaxLength, Messages.ComplaintComplainantRequired),
            ComplainantProducerId = filing.ComplainantProducerId, ReceivedOn = filing.ReceivedOn,
            FiledById = actor.Id, FiledByName = actor.Name, FiledAt = now,
            Reasons = VietnameseText.Required(filing.Reasons, TextMaxLength, Messages.ComplaintReasonsRequired), State = ComplaintState.Open,
        };
        foreach (var file in attachments) complaint._attachments.Add(new ComplaintAttachment(complaint.Id, file));
        entry?.Log(actor, now, "complaint-filed", complaint.Reasons);
        return complaint;
    }

    /// <summary>The council's answer. Re-scoring and revocation need the entry; revocation goes through <see cref="Entry.Revoke"/>.</summary>
    public void Resolve(ComplaintState outcome, string resolution, Round round, Entry? entry, Actor actor, DateTimeOffset now)
    {
        if (State != ComplaintState.Open) throw new DomainException(Messages.ComplaintAlreadyResolved);
        if (outcome == ComplaintState.Open || !Enum.IsDefined(outcome)) throw new DomainException(Messages.ComplaintOutcomeRequired);
        if (outcome is ComplaintState.SentForRescoring or ComplaintState.Revoked && entry is null) throw new DomainException(Messages.ComplaintNeedsEntry);
        Resolution = VietnameseText.Required(resolution, TextMaxLength, Messages.ComplaintResolutionRequired);
        switch (outcome)
        {
            case ComplaintState.SentForRescoring:
                round.ReopenForRescoring();
                entry!.BackToJudging(actor, now, Resolution);
                break;
            case ComplaintState.Revoked:
                if (entry!.State != EntryState.Revoked) throw new DomainException(Messages.EntryNotRecognised);
                break;
            default:
                entry?.Log(actor, now, "complaint-dismissed", Resolution);
                break;
        }
        State = outcome;
        ResolvedById = actor.Id;
        ResolvedByName = actor.Name;
        ResolvedAt = now;
    }

    /// <summary>The day the council must have answered by (Điều 20.2).</summary>
    public DateOnly ResolveBy(WorkingCalendar calendar) => ContestDeadlines.Resolution(ReceivedOn, calendar);

    public bool IsOverdue(DateOnly today, WorkingCalendar calendar) => State == ComplaintState.Open && today > ResolveBy(calendar);
}

public sealed class ComplaintAttachment
{
    private ComplaintAttachment() { }

    internal ComplaintAttachment(Guid complaintId, StoredFile file)
    {
        Id = Guid.CreateVersion7();
        ComplaintId = complaintId;
        BlobKey = file.Key;
        ContentType = file.ContentType;
        SizeBytes = file.SizeBytes;
        FileName = file.FileName.Length > 200 ? file.FileName[..200] : file.FileName;
    }

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string BlobKey { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string FileName { get; private set; } = "";
}

public enum CalendarDayKind { DayOff, WorkingDay }

/// <summary>
/// A correction to the default holiday table: a day off the government added, or a weekend made a working day, for the
/// whole country (<see cref="UnitId"/> null, edited by administrators) or for one province's units (its own extra days
/// off or make-up days, edited by that province's staff).
/// </summary>
public sealed class CalendarOverride
{
    public const int NameMaxLength = 120;

    private CalendarOverride() { }

    public CalendarOverride(DateOnly date, CalendarDayKind kind, string name, Guid? unitId = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException(Messages.CalendarNameRequired);
        Id = Guid.CreateVersion7();
        Date = date;
        Kind = kind;
        UnitId = unitId;
        Name = VietnameseText.Required(name, NameMaxLength, Messages.CalendarNameRequired);
    }

    public Guid Id { get; private set; }

    /// <summary>The province whose calendar this changes; null for the national table.</summary>
    public Guid? UnitId { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";
}
