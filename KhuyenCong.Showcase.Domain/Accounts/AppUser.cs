using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Showcase.Accounts;

public sealed class AppUser : IdentityUser
{
    public const int FullNameMaxLength = 120;
    public const int PositionMaxLength = 120;

    public string FullName { get; set; } = "";

    /// <summary>Job title, printed in a judge's score-sheet header (TT 26/2014 Phụ lục 4).</summary>
    public string? Position { get; set; }

    /// <summary>The administrative unit a staff member or judge works for; their scope.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>The facility a producer account acts for; several accounts may share one.</summary>
    public Guid? ProducerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
