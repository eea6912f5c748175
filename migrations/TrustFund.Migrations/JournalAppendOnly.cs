namespace TrustFund.Migrations;

/// <summary>
/// The journal is append-only, and the database itself holds that line: whatever the application (or someone at a SQL
/// prompt) tries, UPDATE and DELETE on journal_entries raise an error; corrections are reversing entries.
/// TRUNCATE is a maintenance operation (the integration-test reset uses it) that row triggers do not cover.
/// Kept here rather than inline so that a regenerated migration only needs <c>migrationBuilder.Sql(JournalAppendOnly.Create)</c>.
/// </summary>
public static class JournalAppendOnly
{
    public const string Create = """
        CREATE FUNCTION journal_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'journal_entries is append-only: % refused. Record a reversing entry instead.', TG_OP
                USING ERRCODE = 'restrict_violation';
        END;
        $$;

        CREATE TRIGGER journal_entries_append_only
            BEFORE UPDATE OR DELETE ON journal_entries
            FOR EACH ROW EXECUTE FUNCTION journal_entries_refuse_change();
        """;

    public const string Drop = """
        DROP TRIGGER journal_entries_append_only ON journal_entries;
        DROP FUNCTION journal_entries_refuse_change();
        """;
}
