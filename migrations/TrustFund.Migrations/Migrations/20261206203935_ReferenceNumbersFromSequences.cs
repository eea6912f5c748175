using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Application.Data;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <summary>
    /// Reference numbers come from one PostgreSQL sequence per prefix (UNVTF-2026-SGP2 → sequence
    /// <c>reference_number_unvtf-2026-sgp2</c>) instead of a counter row locked until each submission commits: in the last
    /// minutes before a deadline every submission to a window queued behind that one row lock, and a sequence hands out
    /// numbers without any. The price is a gap when a submission fails after taking its number (a number is never given
    /// twice). The application's role may not create objects, so <c>next_reference_number</c> runs as the schema's owner
    /// (SECURITY DEFINER, search path pinned) and creates a prefix's sequence on its first use; two first submissions at
    /// once meet at a transaction-level advisory lock and the second finds the first's sequence. The counters handed out
    /// before this migration continue where they stopped.
    /// </summary>
    public partial class ReferenceNumbersFromSequences : Migration
    {
        private const string App = DatabaseRoles.Application;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION next_reference_number(reference_prefix text) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                DECLARE
                    sequence_name text := 'reference_number_' || lower(reference_prefix);
                BEGIN
                    IF to_regclass(format('public.%I', sequence_name)) IS NULL THEN
                        PERFORM pg_advisory_xact_lock(hashtext(sequence_name));
                        -- After the lock, CREATE ... IF NOT EXISTS sees a sequence another first submission committed meanwhile.
                        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS public.%I AS integer', sequence_name);
                    END IF;
                    RETURN nextval(format('public.%I', sequence_name)::regclass);
                END;
                $$;
                REVOKE ALL ON FUNCTION next_reference_number(text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION next_reference_number(text) TO {App};

                DO $$ DECLARE counter record; BEGIN
                    FOR counter IN SELECT prefix, last FROM reference_counters LOOP
                        EXECUTE format('CREATE SEQUENCE public.%I AS integer START %s', 'reference_number_' || lower(counter.prefix), counter.last + 1);
                    END LOOP;
                END $$;
                """);
            migrationBuilder.DropTable(
                name: "reference_counters");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_counters", x => x.prefix);
                });
            // The sequences' names are lower case; the prefixes handed out are the upper-case form of what follows the stem.
            migrationBuilder.Sql("""
                DO $$ DECLARE sequence record; last integer; BEGIN
                    FOR sequence IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                    WHERE c.relkind = 'S' AND n.nspname = 'public' AND c.relname LIKE 'reference\_number\_%' LOOP
                        EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM public.%I', sequence.relname) INTO last;
                        INSERT INTO reference_counters (prefix, last) VALUES (upper(substr(sequence.relname, 18)), last);
                        EXECUTE format('DROP SEQUENCE public.%I', sequence.relname);
                    END LOOP;
                END $$;
                DROP FUNCTION next_reference_number(text);
                """);
        }
    }
}
