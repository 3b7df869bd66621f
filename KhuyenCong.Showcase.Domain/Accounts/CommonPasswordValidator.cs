using KhuyenCong.Showcase.Resources;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>
/// Refuses passwords that are guessed at once: zxcvbn's lists of common passwords, names and words, keyboard runs
/// and sequences, and — given as the person's own inputs — Vietnamese favourites, this site's name and the
/// account's own e-mail and name. Only what zxcvbn scores 0 ("instant") is refused; length and character rules
/// stay Identity's.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly string[] Vietnamese =
    [
        "matkhau", "mật khẩu", "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "vietnam", "hanoi", "saigon", "hochiminh", "danang", "hatinh",
        "khuyencong", "khuyen cong", "showcase", "binhchon", "sanpham", "coso", "htx", "hoptacxa", "giamkhao", "quantri", "admin", "taikhoan",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var own = new List<string>(Vietnamese);
        if (user.Email is { } email) own.AddRange(email.Split('@', '.', '-', '_', '+'));
        own.AddRange(user.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, own.Where(w => w.Length >= 3).Select(w => w.ToLowerInvariant()));
        return Task.FromResult(result.Score == 0
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = Messages.IdentityPasswordTooCommon })
            : IdentityResult.Success);
    }
}
