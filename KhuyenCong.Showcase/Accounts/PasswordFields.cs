using System.ComponentModel.DataAnnotations;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>A new password typed twice, as the sign-up, invitation and reset forms ask for it.</summary>
public class NewPasswordForm
{
    public const int PasswordMaxLength = 128;

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_PasswordRequired))]
    [TextLength(PasswordMaxLength)]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_PasswordsDiffer))]
    [TextLength(PasswordMaxLength)]
    public string ConfirmPassword { get; set; } = "";
}
