using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ReportRemindersRememberedPerReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grant_report_reminders",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    days_before = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grant_report_reminders", x => x.report_id);
                    table.ForeignKey(
                        name: "fk_grant_report_reminders_grant_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "grant_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The reminders sent before, each its own notification (report-reminder:{report}:{days}): the smallest stage
            // sent is the last, so the next sweep sends only the stages still to come.
            migrationBuilder.Sql("""
                INSERT INTO grant_report_reminders (report_id, days_before)
                SELECT k.report_id, min(k.days_before)
                FROM (SELECT split_part(event_key, ':', 2)::uuid AS report_id, split_part(event_key, ':', 3)::int AS days_before
                      FROM notifications WHERE event_key ~ '^report-reminder:[0-9a-f-]{36}:(1|7|30)$') k
                JOIN grant_reports r ON r.id = k.report_id
                GROUP BY k.report_id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grant_report_reminders");
        }
    }
}
