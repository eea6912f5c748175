using System.Diagnostics;
using TrustFund.Infrastructure.EmbeddedPostgres;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// The embedded server must start for a normal user too, where initdb and postgres run directly (no runuser).
/// Under root (CI) the app's `check-postgres` verb is run as the unprivileged 'postgres' account; otherwise the
/// tests already run as a normal user and the verb runs as that user.
/// </summary>
public sealed class EmbeddedPostgresAsNonRootTests
{
    [Fact]
    public async Task CheckPostgres_SucceedsForANormalUser()
    {
        var app = PrivateCopyOfTheApp();
        try
        {
            var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = app };
            if (OsUser.IsRoot)
            {
                start.FileName = "/usr/sbin/runuser";
                foreach (var a in new[] { "-u", "postgres", "--" }) start.ArgumentList.Add(a);
                start.ArgumentList.Add(Environment.ProcessPath!.EndsWith("dotnet") ? Environment.ProcessPath : "dotnet");
            }
            else start.FileName = "dotnet";
            start.ArgumentList.Add(Path.Combine(app, "TrustFund.Web.dll"));
            start.ArgumentList.Add("check-postgres");
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
            start.Environment["HOME"] = Path.GetTempPath();

            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output}{error}");
            // The application's role, never the cluster's superuser.
            Assert.StartsWith("OK: trustfund_app PostgreSQL", output);
            Assert.EndsWith($"as {(OsUser.IsRoot ? "postgres" : Environment.UserName)}", output.Trim());
        }
        finally
        {
            if (OsUser.IsRoot) Directory.Delete(app, recursive: true);
        }
    }

    /// <summary>Under root, a copy the postgres account can read (a checkout under /root is out of its reach).</summary>
    private static string PrivateCopyOfTheApp()
    {
        var built = WebOutputDirectory();
        if (!OsUser.IsRoot) return built;
        var copy = Path.Combine(Path.GetTempPath(), "trustfund-check-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(built)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var natives = Path.Combine(built, "runtimes", "linux-x64");
        if (Directory.Exists(natives))
            foreach (var file in Directory.GetFiles(natives, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(built, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        Process.Start("chmod", ["-R", "a+rX", copy])!.WaitForExit();
        return copy;
    }

    private static string WebOutputDirectory()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrustFund.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var configuration = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";
        var output = Path.Combine(root.FullName, "src", "TrustFund.Web", "bin", configuration, "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "TrustFund.Web.dll")), $"Build the web app first: {output}");
        return output;
    }
}
