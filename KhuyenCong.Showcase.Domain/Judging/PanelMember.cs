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

    public PanelMember(Guid roundId, string userId, string fullName, string? position, PanelBody body, PanelRole role)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        UserId = userId;
        FullName = Producers.Producer.Required(fullName, NameMaxLength, Messages.PanelNameRequired);
        Position = Producers.Producer.Optional(position, NameMaxLength);
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
}
