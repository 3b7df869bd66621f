using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Producers;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests;

public enum ComplaintState { Open, Dismissed, SentForRescoring, Revoked }

/// <summary>
/// A khiếu nại against a round's result: filed within 15 working days of the announcement, resolved within 10
/// working days of receipt (TT 26/2014 Điều 20).
/// </summary>
public sealed class Complaint : IVersioned
{
    public const int TextMaxLength = 4000;

    private readonly List<ComplaintAttachment> _attachments = [];

    private Complaint() { }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid EntryId { get; private set; }
    public string FiledById { get; private set; } = "";
    public string FiledByName { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    public string Reasons { get; private set; } = "";
    public DateOnly ResolveBy { get; private set; }
    public ComplaintState State { get; private set; }
    public string? Resolution { get; private set; }
    public string? ResolvedById { get; private set; }
    public string? ResolvedByName { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<ComplaintAttachment> Attachments => _attachments;

    public static Complaint File(Round round, Entry entry, string reasons, IReadOnlyList<StoredFile> attachments, Actor actor,
        DateTimeOffset now, DateOnly today, WorkingCalendar calendar)
    {
        if (entry.RoundId != round.Id || entry.State is not (EntryState.Recognised or EntryState.NotRecognised))
            throw new DomainException(Messages.ComplaintOnlyAfterResult);
        if (round.ComplaintDeadline is not { } deadline || today > deadline)
            throw DomainException.Of(Messages.ComplaintTooLate, round.ComplaintDeadline?.ToString("dd/MM/yyyy") ?? "—");
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), RoundId = round.Id, EntryId = entry.Id, FiledById = actor.Id, FiledByName = actor.Name,
            FiledAt = now, Reasons = VietnameseText.Required(reasons, TextMaxLength, Messages.ComplaintReasonsRequired),
            ResolveBy = calendar.AddWorkingDays(today, Round.ComplaintResolutionWorkingDays), State = ComplaintState.Open,
        };
        foreach (var file in attachments) complaint._attachments.Add(new ComplaintAttachment(complaint.Id, file));
        entry.Log(actor, now, "complaint-filed", complaint.Reasons);
        return complaint;
    }

    public void Resolve(ComplaintState outcome, string resolution, Round round, Entry entry, Actor actor, DateTimeOffset now)
    {
        if (State != ComplaintState.Open) throw new DomainException(Messages.ComplaintAlreadyResolved);
        if (outcome == ComplaintState.Open) throw new DomainException(Messages.ComplaintOutcomeRequired);
        Resolution = VietnameseText.Required(resolution, TextMaxLength, Messages.ComplaintResolutionRequired);
        switch (outcome)
        {
            case ComplaintState.SentForRescoring:
                round.ReopenForRescoring();
                entry.BackToJudging(actor, now, Resolution);
                break;
            case ComplaintState.Revoked:
                entry.Revoke(actor, now, Resolution);
                break;
            default:
                entry.Log(actor, now, "complaint-dismissed", Resolution);
                break;
        }
        State = outcome;
        ResolvedById = actor.Id;
        ResolvedByName = actor.Name;
        ResolvedAt = now;
    }

    public bool IsOverdue(DateOnly today) => State == ComplaintState.Open && today > ResolveBy;
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

/// <summary>A correction to the default holiday table: a day off the government added, or a weekend made a working day.</summary>
public sealed class CalendarOverride
{
    public const int NameMaxLength = 120;

    private CalendarOverride() { }

    public CalendarOverride(DateOnly date, CalendarDayKind kind, string name)
    {
        Date = date;
        Kind = kind;
        Name = VietnameseText.Required(name, NameMaxLength, Messages.CalendarNameRequired);
    }

    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";
}
