using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Board : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trustee_appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trustee_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nationality_iso2 = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    regional_group_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    regional_group_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false),
                    term_number = table.Column<int>(type: "integer", nullable: false),
                    renewal_of = table.Column<Guid>(type: "uuid", nullable: true),
                    appointed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_early_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_early_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trustee_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_trustee_appointments_countries_nationality_iso2",
                        column: x => x.nationality_iso2,
                        principalTable: "countries",
                        principalColumn: "iso2",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_trustee_appointments_regional_groups_regional_group_code",
                        column: x => x.regional_group_code,
                        principalTable: "regional_groups",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_trustee_appointments_trustee_appointments_renewal_of",
                        column: x => x.renewal_of,
                        principalTable: "trustee_appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_trustee_appointments_users_trustee_user_id",
                        column: x => x.trustee_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "board_chairs",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    designated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_board_chairs", x => x.year);
                    table.ForeignKey(
                        name: "fk_board_chairs_trustee_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "trustee_appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_board_chairs_appointment_id",
                table: "board_chairs",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_trustee_appointments_nationality_iso2",
                table: "trustee_appointments",
                column: "nationality_iso2");

            migrationBuilder.CreateIndex(
                name: "ix_trustee_appointments_regional_group_code",
                table: "trustee_appointments",
                column: "regional_group_code");

            migrationBuilder.CreateIndex(
                name: "ix_trustee_appointments_renewal_of",
                table: "trustee_appointments",
                column: "renewal_of",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_trustee_appointments_trustee_user_id",
                table: "trustee_appointments",
                column: "trustee_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "board_chairs");

            migrationBuilder.DropTable(
                name: "trustee_appointments");
        }
    }
}
