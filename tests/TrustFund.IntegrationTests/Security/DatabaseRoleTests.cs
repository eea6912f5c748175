using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrustFund.IntegrationTests.Features.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>
/// The application connects as its own role, and PostgreSQL itself keeps that role from rewriting the books or the
/// audit trail: whatever a bug or an attacker holding the application's password sends, the journal and the trail
/// can only grow.
/// </summary>
public sealed class DatabaseRoleTests(TrustFundAppFactory app) : FinanceTest(app)
{
    public static TheoryData<string> Tampering()
    {
        var data = new TheoryData<string>();
        foreach (var (table, column) in new[] { ("journal_entries", "recorded_at"), ("audit_entries", "at") })
        {
            data.Add($"UPDATE {table} SET {column} = {column} - interval '1 day'");
            data.Add($"DELETE FROM {table}");
            data.Add($"TRUNCATE {table}");
            data.Add($"ALTER TABLE {table} DISABLE TRIGGER ALL");
            data.Add($"DROP TABLE {table}");
            data.Add($"SET session_replication_role = replica; DELETE FROM {table}");
        }
        data.Add("DROP TRIGGER journal_entries_append_only ON journal_entries");
        data.Add("DROP TRIGGER audit_entries_append_only ON audit_entries");
        data.Add("CREATE TABLE shadow_journal (id int)");
        data.Add("ALTER ROLE trustfund_app SUPERUSER");
        return data;
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task ApplicationRole_CannotAlterTheJournalOrTheAuditTrail(string sql)
    {
        var pledge = await Pledge(await Donor(), 1_000, "USD", LastMonth);
        await Receive(pledge, 1_000, "USD", LastMonth);
        var before = await Counts();
        Assert.True(before.Journal > 0 && before.Audit > 0, "the test needs rows in both tables");

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        });

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Application_ConnectsAsItsOwnRole_WhichIsNoSuperuserAndOwnsNothing()
    {
        await using var db = App.NewDbContext();
        var role = await db.Database.SqlQuery<string>($"""
            SELECT concat_ws(' ', current_user, 'superuser=' || r.rolsuper, 'createrole=' || r.rolcreaterole,
                   'owns=' || (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid),
                   'createschema=' || has_database_privilege(current_user, current_database(), 'CREATE')) AS "Value"
            FROM pg_roles r WHERE r.rolname = current_user
            """).SingleAsync();

        Assert.Equal("trustfund_app superuser=false createrole=false owns=0 createschema=false", role);
    }

    [Fact]
    public async Task ApplicationRole_MayAppendToTheJournalAndTheAuditTrail_AndReadThem()
    {
        // Appending is what every use case does; reading is what the journal and audit pages do.
        var pledge = await Pledge(await Donor(), 250, "USD", LastMonth);
        await Receive(pledge, 250, "USD", LastMonth);

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT sum(usd_amount) FROM journal_entries) || ' ' || " +
            "(SELECT count(*) > 0 FROM audit_entries WHERE entity_type = 'Pledge')", connection);
        Assert.Equal("250.00 true", await command.ExecuteScalarAsync());
    }

    private async Task<(long Journal, long Audit)> Counts()
    {
        await using var connection = new NpgsqlConnection(App.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM journal_entries), (SELECT count(*) FROM audit_entries)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
