using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class GrantReportsRememberTheirEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalated_at",
                table: "grant_reports",
                type: "timestamp with time zone",
                nullable: true);

            // Reports already escalated before the sweep kept the mark: dated by their first escalation notice, so the
            // next sweep does not take them for reports still to escalate.
            migrationBuilder.Sql("""
                UPDATE grant_reports r SET escalated_at = e.at
                FROM (SELECT substring(event_key FROM 18)::uuid AS report_id, min(created_at) AS at
                      FROM notifications WHERE event_key LIKE 'report-escalated:%' GROUP BY 1) e
                WHERE r.id = e.report_id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "escalated_at",
                table: "grant_reports");
        }
    }
}
