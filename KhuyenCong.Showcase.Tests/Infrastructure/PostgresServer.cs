using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Npgsql;
using Xunit;

namespace KhuyenCong.Showcase.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster in its own temp folder, on 127.0.0.1 and a free port,
/// with its unix socket inside that folder so it never meets a system cluster.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string InstallHint =
        "PostgreSQL 15 is needed for these tests: apt-get install -y --no-install-recommends postgresql-15 (the README's test command does this).";

    private const string ServiceUser = "postgres";
    private const int PortAttempts = 3;

    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    // pg_ctl is given its own -t so that a slow start reports PostgreSQL's own message before our kill fires.
    private static readonly TimeSpan PgCtlTimeout = ProcessTimeout + TimeSpan.FromSeconds(30);

    private static readonly Lazy<bool> IsRoot = new(DetectRoot);

    // A server a test forgot to dispose would otherwise outlive the test host as an orphan postmaster.
    private static readonly ConcurrentDictionary<PostgresServer, byte> Live = new();

    static PostgresServer()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in Live.Keys)
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        };
    }

    private readonly string _binDir;
    private readonly string _root;
    private readonly string _dataDir;
    private readonly string _logFile;
    private readonly ConcurrentBag<string> _connectionStrings = new();
    private int _disposed;

    private PostgresServer(string binDir, string root, int port)
    {
        _binDir = binDir;
        _root = root;
        _dataDir = Path.Combine(root, "data");
        _logFile = Path.Combine(root, "postgres.log");
        Port = port;
        AdminConnectionString = BuildConnectionString("postgres");
    }

    public int Port { get; private set; }

    /// <summary>The folder holding the cluster; gone after <see cref="DisposeAsync"/>.</summary>
    public string RootDirectory => _root;

    public string AdminConnectionString { get; private set; }

    public static async Task<PostgresServer> StartAsync()
    {
        var binDir = FindBinDirectory();
        var root = await CreateRootDirectoryAsync();
        var server = new PostgresServer(binDir, root, FreePort.Next());
        Live.TryAdd(server, 0);
        try
        {
            await server.InitDbAsync();
            await server.StartWithPortRetryAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a fresh database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        name ??= "t_" + Guid.NewGuid().ToString("N");

        // Pooling off: an idle admin connection left in Npgsql's pool would point at a port that a later server may reuse.
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {QuoteIdentifier(name)}";
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = BuildConnectionString(name);
        _connectionStrings.Add(connectionString);
        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Live.TryRemove(this, out _);

        // Pooled connections would otherwise linger as broken sockets after the immediate stop.
        foreach (var connectionString in _connectionStrings.Append(AdminConnectionString))
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        }

        if (Directory.Exists(_dataDir))
        {
            try
            {
                // Exits non-zero when nothing is running, which is fine here.
                await RunPgToolAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "-t", "30", "stop"], PgCtlTimeout);
            }
            catch (Exception)
            {
                // Falls through to killing the postmaster by its pid file.
            }

            KillLeftoverPostmaster();
        }

        await DeleteDirectoryAsync(_root);
    }

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private async Task InitDbAsync()
    {
        var result = await RunPgToolAsync(
            "initdb",
            ["-D", _dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            ProcessTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed (exit {result.ExitCode}).{Environment.NewLine}{result}");
        }
    }

    private async Task StartWithPortRetryAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var socketDir = Path.Combine(_root, "socket");
            // pg_ctl hands -o to /bin/sh, so a temp path with spaces needs the quotes.
            var options =
                $"-k '{socketDir}' -c listen_addresses=127.0.0.1 -p {Port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var result = await RunPgToolAsync(
                "pg_ctl",
                ["-D", _dataDir, "-l", _logFile, "-w", "-t", ((int)ProcessTimeout.TotalSeconds).ToString(), "-o", options, "start"],
                PgCtlTimeout);
            if (result.ExitCode == 0)
            {
                return;
            }

            var log = ReadLog();
            // FreePort cannot reserve the port, so another process may have taken it between the probe and the bind.
            if (attempt < PortAttempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                KillLeftoverPostmaster();
                Port = FreePort.Next();
                AdminConnectionString = BuildConnectionString("postgres");
                continue;
            }

            throw new InvalidOperationException(
                $"pg_ctl start failed (exit {result.ExitCode}) on port {Port}.{Environment.NewLine}{result}{Environment.NewLine}--- {_logFile} ---{Environment.NewLine}{log}");
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.Exists(_logFile) ? File.ReadAllText(_logFile) : "(no log written)";
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    private void KillLeftoverPostmaster()
    {
        var pidFile = Path.Combine(_dataDir, "postmaster.pid");
        try
        {
            if (!File.Exists(pidFile)
                || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
            {
                return;
            }

            using var postmaster = Process.GetProcessById(pid);
            if (postmaster.ProcessName.Contains("postgres", StringComparison.Ordinal))
            {
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or Win32Exception)
        {
            // The pid is stale or the process already exited.
        }
    }

    private Task<ProcessResult> RunPgToolAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var path = Path.Combine(_binDir, tool);
        return IsRoot.Value
            ? RunAsync(RunUserPath(), ["-u", ServiceUser, "--", path, .. arguments], timeout, _root)
            : RunAsync(path, arguments, timeout, _root);
    }

    private static string FindBinDirectory()
    {
        static bool HasTools(string dir) =>
            File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb"));

        const string preferred = "/usr/lib/postgresql/15/bin";
        if (HasTools(preferred))
        {
            return preferred;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(candidate => HasTools(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasTools);
        return onPath ?? throw new InvalidOperationException(InstallHint);
    }

    private static async Task<string> CreateRootDirectoryAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("These tests run PostgreSQL the Debian way and need Linux.");
        }

        // As root, TMPDIR may point somewhere the postgres user cannot traverse; /tmp is always world-traversable.
        var parent = IsRoot.Value ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(parent, "kc-pg-" + Guid.NewGuid().ToString("N"));
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(root, ownerOnly);
        Directory.CreateDirectory(Path.Combine(root, "socket"), ownerOnly);

        if (IsRoot.Value)
        {
            try
            {
                // PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
                var idResult = await RunAsync("id", ["-u", ServiceUser], ProcessTimeout, null);
                if (idResult.ExitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"Running as root, the tests start PostgreSQL as the '{ServiceUser}' user, which does not exist. {InstallHint}");
                }

                var chown = await RunAsync("chown", ["-R", ServiceUser + ":", root], ProcessTimeout, null);
                if (chown.ExitCode != 0)
                {
                    throw new InvalidOperationException($"chown of {root} to {ServiceUser} failed.{Environment.NewLine}{chown}");
                }
            }
            catch
            {
                await DeleteDirectoryAsync(root);
                throw;
            }
        }

        return root;
    }

    private static async Task DeleteDirectoryAsync(string path)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A just-killed backend can still be writing files for a moment.
                await Task.Delay(200 * attempt);
            }
        }
    }

    private static bool DetectRoot()
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        try
        {
            var result = RunAsync("id", ["-u"], ProcessTimeout, null).GetAwaiter().GetResult();
            return result.ExitCode == 0 && result.StdOut.Trim() == "0";
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    private static string RunUserPath() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<ProcessResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, string? workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The caller's directory may be unreadable to the postgres user, and initdb complains about that.
            WorkingDirectory = workingDirectory ?? "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Keeps the client tools from picking up a developer's PGHOST, PGPORT or PGDATA.
        foreach (var variable in new[] { "PGHOST", "PGPORT", "PGDATA", "PGUSER", "PGDATABASE", "PGOPTIONS" })
        {
            startInfo.Environment.Remove(variable);
        }

        var commandLine = fileName + " " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start `{commandLine}`: {e.Message}", e);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited just as the timeout fired.
            }

            var partial = await CollectAsync(stdout, stderr);
            throw new TimeoutException(
                $"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s.{Environment.NewLine}stdout:{Environment.NewLine}{partial.Out}{Environment.NewLine}stderr:{Environment.NewLine}{partial.Err}");
        }

        var (output, error) = await CollectAsync(stdout, stderr);
        return new ProcessResult(commandLine, process.ExitCode, output, error);
    }

    private static async Task<(string Out, string Err)> CollectAsync(Task<string> stdout, Task<string> stderr)
    {
        // A daemon that inherited the pipes would keep them open forever, so the wait for EOF is bounded.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(5)));
        return (stdout.IsCompletedSuccessfully ? stdout.Result : "(unavailable)",
            stderr.IsCompletedSuccessfully ? stderr.Result : "(unavailable)");
    }

    private sealed record ProcessResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine($"command: {CommandLine}");
            text.AppendLine($"stdout:{Environment.NewLine}{StdOut.TrimEnd()}");
            text.Append($"stderr:{Environment.NewLine}{StdErr.TrimEnd()}");
            return text.ToString();
        }
    }
}

