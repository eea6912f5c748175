using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <summary>
    /// Notifications keep catalogue keys and their arguments, rendered in the reader's language when shown; the rows
    /// written before keep their rendered subject and body, shown as they are.
    /// </summary>
    public partial class NotificationsStoreKeyAndArguments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "subject",
                table: "notifications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "body",
                table: "notifications",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "arguments",
                table: "notifications",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "body_key",
                table: "notifications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject_key",
                table: "notifications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to text only: the newer rows keep at least their English keys.
            migrationBuilder.Sql("UPDATE notifications SET subject = coalesce(subject, subject_key, ''), body = coalesce(body, body_key, '')");

            migrationBuilder.DropColumn(
                name: "arguments",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "body_key",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "subject_key",
                table: "notifications");

            migrationBuilder.AlterColumn<string>(
                name: "subject",
                table: "notifications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "body",
                table: "notifications",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
