using KhuyenCong.Showcase.Common.Mail;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>The account mails, in the language of the person who asked for them.</summary>
public static class AccountMails
{
    public static MailMessageText Confirm(string to, string name, string link) =>
        new(to, Messages.Mail_ConfirmSubject, string.Format(Messages.Mail_ConfirmText, name, link));

    public static MailMessageText AlreadyRegistered(string to, string signIn, string forgot) =>
        new(to, Messages.Mail_ExistsSubject, string.Format(Messages.Mail_ExistsText, signIn, forgot));

    public static MailMessageText PasswordReset(string to, string link) =>
        new(to, Messages.Mail_ResetSubject, string.Format(Messages.Mail_ResetText, link));

    public static MailMessageText Invitation(string to, string name, string role, string link) =>
        new(to, Messages.Mail_InviteSubject, string.Format(Messages.Mail_InviteText, name, role, link));
}
