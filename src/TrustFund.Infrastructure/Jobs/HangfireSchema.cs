using Hangfire.PostgreSql;
using Npgsql;
using TrustFund.Application.Data;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>
/// Hangfire's tables are installed with the migrations, as the schema's owner: the application's role may not create
/// anything, so the storage never prepares its own schema. At run time Hangfire only reads and writes rows (its locks
/// are rows too), which is all the application's role is granted here.
/// </summary>
public static class HangfireSchema
{
    public const string Name = "hangfire";

    public static async Task InstallAsync(string ownerConnectionString)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        PostgreSqlObjectsInstaller.Install(connection, Name);
        await using var grant = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA {Name} TO {DatabaseRoles.Application};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Name} TO {DatabaseRoles.Application};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {Name} TO {DatabaseRoles.Application};
            """, connection);
        await grant.ExecuteNonQueryAsync();
    }
}
