using System.Globalization;
using KhuyenCong.Showcase.Resources;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>Identity's messages in the user's language, from the resources.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string text, params object?[] args) =>
        new() { Code = code, Description = string.Format(CultureInfo.CurrentCulture, text, args) };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), Messages.IdentityDefaultError);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), Messages.IdentityDuplicateEmail, email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Messages.IdentityDuplicateEmail, userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), Messages.IdentityInvalidEmail, email);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), Messages.IdentityInvalidEmail, userName);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), Messages.IdentityInvalidToken);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), Messages.IdentityPasswordMismatch);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Messages.IdentityPasswordTooShort, length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), Messages.IdentityPasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), Messages.IdentityPasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), Messages.IdentityPasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), Messages.IdentityPasswordRequiresSymbol);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), Messages.IdentityPasswordUniqueChars, uniqueChars);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), Messages.IdentityAlreadyInRole, role);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), Messages.ConcurrencyConflict);
}
