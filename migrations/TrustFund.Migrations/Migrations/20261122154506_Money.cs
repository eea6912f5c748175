using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Money : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "donor_id",
                table: "users",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "donors",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "fund_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    psc_rate = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    operating_reserve_rate = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fund_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reversed_event_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reversed_entry_id = table.Column<long>(type: "bigint", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    value_date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    usd_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    document_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_journal_entries_donors_donor_id",
                        column: x => x.donor_id,
                        principalTable: "donors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_entries_journal_entries_reversed_entry_id",
                        column: x => x.reversed_entry_id,
                        principalTable: "journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pledges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    pledged_on = table.Column<DateOnly>(type: "date", nullable: false),
                    rate_at_pledge = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    usd_equivalent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    is_earmarked = table.Column<bool>(type: "boolean", nullable: false),
                    earmark_purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledges", x => x.id);
                    table.ForeignKey(
                        name: "fk_pledges_donors_donor_id",
                        column: x => x.donor_id,
                        principalTable: "donors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unore_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    units_per_usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unore_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contribution_receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pledge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    value_date = table.Column<DateOnly>(type: "date", nullable: false),
                    bank_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    units_per_usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    usd_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reversed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reversed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reversal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contribution_receipts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contribution_receipts_pledges_pledge_id",
                        column: x => x.pledge_id,
                        principalTable: "pledges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_donor_id",
                table: "users",
                column: "donor_id");

            migrationBuilder.CreateIndex(
                name: "ix_contribution_receipts_pledge_id",
                table: "contribution_receipts",
                column: "pledge_id");

            migrationBuilder.CreateIndex(
                name: "ix_contribution_receipts_value_date",
                table: "contribution_receipts",
                column: "value_date");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_document_type_document_id",
                table: "journal_entries",
                columns: new[] { "document_type", "document_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_donor_id",
                table: "journal_entries",
                column: "donor_id");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_reversed_entry_id",
                table: "journal_entries",
                column: "reversed_entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_value_date",
                table: "journal_entries",
                column: "value_date");

            migrationBuilder.CreateIndex(
                name: "ix_pledges_donor_id_pledged_on",
                table: "pledges",
                columns: new[] { "donor_id", "pledged_on" });

            migrationBuilder.CreateIndex(
                name: "ix_unore_rates_currency_effective_from",
                table: "unore_rates",
                columns: new[] { "currency", "effective_from" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_users_donors_donor_id",
                table: "users",
                column: "donor_id",
                principalTable: "donors",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // UPDATE and DELETE on the journal are refused by the database itself (see JournalAppendOnly).
            migrationBuilder.Sql(JournalAppendOnly.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_users_donors_donor_id",
                table: "users");

            migrationBuilder.DropTable(
                name: "contribution_receipts");

            migrationBuilder.DropTable(
                name: "fund_settings");

            migrationBuilder.Sql(JournalAppendOnly.Drop);

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropTable(
                name: "unore_rates");

            migrationBuilder.DropTable(
                name: "pledges");

            migrationBuilder.DropIndex(
                name: "ix_users_donor_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "donor_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "donors");
        }
    }
}
