using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Judging;

/// <summary>The council decides, the jury scores, the secretariat helps and never scores (TT 26/2014 Điều 8–11).</summary>
public enum PanelBody { Council, Jury, Secretariat }

/// <summary>Chủ tịch / Trưởng ban, Phó, thành viên.</summary>
public enum PanelRole { Chair, ViceChair, Member }

public sealed class PanelMember
{
    public const int NameMaxLength = 120;

    private PanelMember() { }

    public PanelMember(Guid roundId, string userId, string fullName, string? position, PanelBody body, PanelRole role, bool external = false)
    {
        External = external;
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        UserId = userId;
        FullName = VietnameseText.Required(fullName, NameMaxLength, Messages.PanelNameRequired);
        Position = VietnameseText.Optional(position, NameMaxLength);
        Body = body;
        Role = role;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public string UserId { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public string? Position { get; private set; }
    public PanelBody Body { get; private set; }
    public PanelRole Role { get; private set; }

    /// <summary>
    /// An expert invited for this round from outside the officer's unit (Điều 9.1.c–9.4.c: "các nhà khoa học, các chuyên
    /// gia"). Their own unit says nothing about the entrants, so it does not drive the same-commune rule.
    /// </summary>
    public bool External { get; private set; }

    /// <summary>Product groups the member is expert in (bit per group; 0 = all), for assignment by group.</summary>
    public int Groups { get; private set; }

    /// <summary>When the judge declared their conflicts for the round; where the round asks for declarations no sheet opens before.</summary>
    public DateTimeOffset? DeclaredAt { get; private set; }

    public bool CoversGroup(Producers.ProductGroup group) => Groups == 0 || (Groups & (1 << (int)group)) != 0;

    public void SetGroups(IEnumerable<Producers.ProductGroup> groups) => Groups = groups.Aggregate(0, (bits, g) => bits | (1 << (int)g));

    public void MarkDeclared(DateTimeOffset at) => DeclaredAt = at;

    public bool Scores => Body == PanelBody.Jury;
}

/// <summary>A judge's statement about one entry, or a link the system found itself (same facility, address, commune).</summary>
public sealed class ConflictDeclaration
{
    public const int ReasonMaxLength = 500;

    private ConflictDeclaration() { }

    public ConflictDeclaration(Guid roundId, Guid entryId, string userId, bool hasConflict, bool automatic, string? reason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        EntryId = entryId;
        UserId = userId;
        HasConflict = hasConflict;
        Automatic = automatic;
        Reason = VietnameseText.Optional(reason, ReasonMaxLength);
        DeclaredAt = at;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid EntryId { get; private set; }
    public string UserId { get; private set; } = "";
    public bool HasConflict { get; private set; }
    public bool Automatic { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }
}

/// <summary>Which judge scores which entry when the round does not let everyone score everything.</summary>
public sealed class JudgeAssignment
{
    private JudgeAssignment() { }

    public JudgeAssignment(Guid roundId, Guid entryId, string userId)
    {
        RoundId = roundId;
        EntryId = entryId;
        UserId = userId;
    }

    public Guid RoundId { get; private set; }
    public Guid EntryId { get; private set; }
    public string UserId { get; private set; } = "";
}
