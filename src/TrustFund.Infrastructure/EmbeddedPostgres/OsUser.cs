using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TrustFund.Infrastructure.EmbeddedPostgres;

/// <summary>
/// Runs the server's programs as the right operating-system user: initdb and postgres refuse to run as root,
/// so under root (as CI runs) they run as the 'postgres' account.
/// </summary>
public sealed class OsUser
{
    private OsUser(string? runAs) => RunAs = runAs;

    /// <summary>Null means "the current user".</summary>
    public string? RunAs { get; }

    public static OsUser ForServer(string? configuredUser = null)
    {
        if (!IsRoot) return new OsUser(null);
        return new OsUser(string.IsNullOrWhiteSpace(configuredUser) ? "postgres" : configuredUser);
    }

    public static bool IsRoot => !OperatingSystem.IsWindows() && geteuid() == 0;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();

    /// <summary>Hands a folder to the server's user (a no-op when that is us).</summary>
    public void Own(string path)
    {
        if (RunAs is null) return;
        ProcessRun.Checked("chown", ["-R", $"{RunAs}:", path], asUser: null);
    }

    public (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, TimeSpan? timeout = null) =>
        ProcessRun.Run(program, arguments, RunAs, timeout);

    public string Checked(string program, IReadOnlyList<string> arguments, TimeSpan? timeout = null) =>
        ProcessRun.Checked(program, arguments, RunAs, timeout);
}

internal static class ProcessRun
{
    public static string Checked(string program, IReadOnlyList<string> arguments, string? asUser, TimeSpan? timeout = null)
    {
        var (exit, output) = Run(program, arguments, asUser, timeout);
        if (exit != 0)
            throw new InvalidOperationException($"'{program} {string.Join(' ', arguments)}' failed with exit code {exit}:\n{output}");
        return output;
    }

    public static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, string? asUser,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server's user may not be allowed into our current folder.
            WorkingDirectory = "/",
        };
        if (asUser is null)
        {
            start.FileName = program;
        }
        else
        {
            start.FileName = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(asUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program}' did not finish in time.");
        }
        output.Append(stdout.Result).Append(stderr.Result);
        return (process.ExitCode, output.ToString());
    }
}
