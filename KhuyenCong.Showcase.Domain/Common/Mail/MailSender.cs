using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace KhuyenCong.Showcase.Common.Mail;

/// <summary>Settings under "Mail". Without an SMTP host, mail is written to <see cref="PickupFolder"/> as .eml files.</summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string From { get; set; } = "KhuyenCong.Showcase <no-reply@localhost>";

    /// <summary>Where the embedded default writes each message (one .eml file each, readable by any mail program).</summary>
    public string PickupFolder { get; set; } = "";
}

public sealed record MailMessageText(string To, string Subject, string Text);

/// <summary>
/// Sends the account mails (confirmation, password reset, invitation) through SMTP with MailKit, or, on the embedded
/// default, writes them to a folder the operator can open. A failed send throws: the caller says so to the person.
/// </summary>
public sealed class MailSender(MailOptions options, TimeProvider clock, ILogger<MailSender> logger)
{
    public async Task SendAsync(MailMessageText mail, CancellationToken ct = default)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = clock.GetUtcNow();
        message.Body = new TextPart("plain") { Text = mail.Text };

        if (string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            Directory.CreateDirectory(options.PickupFolder);
            var path = Path.Combine(options.PickupFolder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, ct);
            logger.LogInformation("Mail to {To} written to {Path}", mail.To, path);
            return;
        }
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, options.Security, ct);
        if (!string.IsNullOrEmpty(options.SmtpUser)) await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("Mail to {To} sent through {Host}", mail.To, options.SmtpHost);
    }
}
