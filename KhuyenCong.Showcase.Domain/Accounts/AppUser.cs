using KhuyenCong.Showcase.Common;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Showcase.Accounts;

public sealed class AppUser : IdentityUser
{
    public const int FullNameMaxLength = 120;
    public const int PositionMaxLength = 120;

    private string _fullName = "";

    public string FullName
    {
        get => _fullName;
        set
        {
            _fullName = value;
            NameKey = VietnameseText.SearchKey(value);
        }
    }

    /// <summary>The name folded for search ("Đặng Thị Hà" → "dang thi ha"), kept with <see cref="FullName"/>.</summary>
    public string NameKey { get; private set; } = "";

    /// <summary>Job title, printed in a judge's score-sheet header (TT 26/2014 Phụ lục 4).</summary>
    public string? Position { get; set; }

    /// <summary>The administrative unit a staff member or judge works for; their scope.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>The facility a producer account acts for; several accounts may share one.</summary>
    public Guid? ProducerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
