namespace TrustFund.Infrastructure.EmbeddedPostgres;

/// <summary>Finds the machine's PostgreSQL server programs: the newest /usr/lib/postgresql/*/bin, else initdb on PATH.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
        "Install them (Debian/Ubuntu: 'apt-get install postgresql'; Fedora: 'dnf install postgresql-server'; " +
        "macOS: 'brew install postgresql@16'), or set ConnectionStrings:TrustFund to use an existing server.";

    public static string Locate()
    {
        var debian = new DirectoryInfo("/usr/lib/postgresql");
        if (debian.Exists)
        {
            var newest = debian.GetDirectories()
                .Select(d => (Version: int.TryParse(d.Name.Split('.')[0], out var v) ? v : 0, Bin: Path.Combine(d.FullName, "bin")))
                .Where(x => File.Exists(Path.Combine(x.Bin, "initdb")) && File.Exists(Path.Combine(x.Bin, "pg_ctl")))
                .OrderByDescending(x => x.Version).FirstOrDefault();
            if (newest.Bin is not null) return newest.Bin;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(dir, "initdb");
            if (File.Exists(initdb) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                // Follow a symlink so that pg_ctl and postgres are taken from the same installation.
                var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true);
                return target is null ? dir : Path.GetDirectoryName(target.FullName)!;
            }
        }
        throw new InvalidOperationException(InstallHint);
    }
}
