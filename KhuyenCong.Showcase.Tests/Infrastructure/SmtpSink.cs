using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using Xunit.Sdk;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (Debian's python3-aiosmtpd) that files every message it receives in a
/// Maildir, where the tests read what the app really sent.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    // Debian's interpreter: a python3 earlier on the PATH (pyenv) does not see Debian's aiosmtpd package.
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private readonly DirectoryInfo _maildir;

    private SmtpSink(Process process, DirectoryInfo folder, DirectoryInfo maildir, int port)
    {
        _process = process;
        _folder = folder;
        _maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        if (!File.Exists(Python)) throw new XunitException($"{Python} is missing: apt-get install -y python3-aiosmtpd (the README's test command does this).");
        var folder = Directory.CreateTempSubdirectory("kc-mail-");
        // Python's Maildir builds new/, cur/ and tmp/ only for a folder that does not exist yet.
        var maildir = new DirectoryInfo(Path.Combine(folder.FullName, "maildir"));
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Next();
            var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir.FullName })
                start.ArgumentList.Add(a);
            var process = Process.Start(start) ?? throw new XunitException("could not start aiosmtpd");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", port);
                    return new SmtpSink(process, folder, maildir, port);
                }
                catch (SocketException)
                {
                    await Task.Delay(100);
                }
            }
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer in 20 s";
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            if (attempt == 2 || error.Contains("No module named", StringComparison.Ordinal))
                throw new XunitException($"The SMTP sink did not start ({error.Trim()}). Install it: apt-get install -y python3-aiosmtpd (the README's test command does this).");
        }
    }

    /// <summary>The newest message to <paramref name="to"/> whose subject contains <paramref name="subject"/>, waiting for it to arrive.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subject, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))
                                              && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal) && (match is null || match(m)))
                .OrderByDescending(m => m.Date).FirstOrDefault();
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new XunitException($"No mail to {to} with “{subject}” arrived in the SMTP sink.");
            await Task.Delay(100);
        }
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        [.. new[] { "new", "cur" }.Select(d => Path.Combine(_maildir.FullName, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d)).Select(f => MimeMessage.Load(f))];

    /// <summary>The first link in the message's text that leads to <paramref name="path"/>.</summary>
    public static string LinkTo(MimeMessage message, string path) =>
        Link().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(u => new Uri(u).AbsolutePath == path)
        ?? throw new XunitException($"The mail “{message.Subject}” has no link to {path}:\n{message.TextBody}");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
