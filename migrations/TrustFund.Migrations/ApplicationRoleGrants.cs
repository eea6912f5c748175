using TrustFund.Application.Data;

namespace TrustFund.Migrations;

/// <summary>
/// What the application's role may do. The migrations run as the schema's owner; the application connects as
/// <see cref="DatabaseRoles.Application"/>, which gets rows to read and write and nothing else: no DDL, no trigger
/// changes, no TRUNCATE. On the journal and the audit trail it may only INSERT and SELECT, so neither the application
/// nor anyone holding its password can rewrite the books or the trail; PostgreSQL refuses. Tables that later migrations
/// create get the same row grants by default (ALTER DEFAULT PRIVILEGES, for tables the owner creates); a new table that
/// must be append-only revokes UPDATE, DELETE and TRUNCATE in its own migration.
/// The audit trail also gets the journal's trigger, so that even the owner cannot edit a row by mistake.
/// </summary>
public static class ApplicationRoleGrants
{
    private const string App = DatabaseRoles.Application;

    public const string Grant = $"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{App}') THEN
                RAISE EXCEPTION 'The application''s role {App} does not exist. Create it before migrating (README, "Database roles"): CREATE ROLE {App} LOGIN PASSWORD ''...''';
            END IF;
        END $$;

        GRANT USAGE ON SCHEMA public TO {App};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {App};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {App};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {App};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {App};

        REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON journal_entries, audit_entries FROM {App};
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM {App};

        CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_entries is append-only: % refused.', TG_OP USING ERRCODE = 'restrict_violation';
        END;
        $$;

        CREATE TRIGGER audit_entries_append_only
            BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
        """;

    public const string Revoke = $"""
        DROP TRIGGER audit_entries_append_only ON audit_entries;
        DROP FUNCTION audit_entries_refuse_change();
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {App};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM {App};
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {App};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {App};
        REVOKE USAGE ON SCHEMA public FROM {App};
        """;
}
