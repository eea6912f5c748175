using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLeaseAndBackoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_emails_sent_at",
                table: "outbox_emails");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_failed_at",
                table: "outbox_emails",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "given_up_at",
                table: "outbox_emails",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                table: "outbox_emails",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_emails_due",
                table: "outbox_emails",
                column: "created_at",
                filter: "sent_at IS NULL AND given_up_at IS NULL");

            // Mails the old dispatcher abandoned after ten tries are given up, not suddenly sent days late: they are
            // listed for an administrator, who can send them again.
            migrationBuilder.Sql("UPDATE outbox_emails SET given_up_at = now() WHERE sent_at IS NULL AND attempts >= 10");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_emails_due",
                table: "outbox_emails");

            migrationBuilder.DropColumn(
                name: "first_failed_at",
                table: "outbox_emails");

            migrationBuilder.DropColumn(
                name: "given_up_at",
                table: "outbox_emails");

            migrationBuilder.DropColumn(
                name: "locked_until",
                table: "outbox_emails");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_emails_sent_at",
                table: "outbox_emails",
                column: "sent_at",
                filter: "sent_at IS NULL");
        }
    }
}
