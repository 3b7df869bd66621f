using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

/// <summary>The real command-line tools the tests check output with (poppler, zbar, exiftool).</summary>
public static class Tools
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The text of a PDF as pdftotext reads it (UTF-8, reading order).</summary>
    public static string PdfText(byte[] pdf) => OnFile(pdf, ".pdf", path => Run("pdftotext", "poppler-utils", "-enc", "UTF-8", path, "-"));

    /// <summary>A PDF's document information (title, author, creator …) as pdfinfo prints it.</summary>
    public static string PdfInfo(byte[] pdf) => OnFile(pdf, ".pdf", path => Run("pdfinfo", "poppler-utils", "-enc", "UTF-8", path));

    /// <summary>Runs a tool on bytes written to a temporary file, deleted afterwards.</summary>
    public static string OnFile(byte[] content, string extension, Func<string, string> tool)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kc-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        try
        {
            return tool(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A missing tool fails (with the package to install) instead of skipping, so a machine without
    // poppler-utils can never pass these tests silently; the timeout keeps a hung tool from stalling CI.
    public static string Run(string tool, string package, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new XunitException($"Could not start '{tool}'.");
        }
        catch (Win32Exception e)
        {
            throw new XunitException($"'{tool}' is required for the PDF tests but could not be run ({e.Message}). Install it: apt-get install -y {package}");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ToolTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new XunitException($"'{tool} {string.Join(' ', arguments)}' did not finish within {ToolTimeout.TotalSeconds} s.");
            }

            // The parameterless wait also lets the redirected streams drain.
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new XunitException($"'{tool} {string.Join(' ', arguments)}' exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
            }

            return stdout.GetAwaiter().GetResult();
        }
    }
}
