using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CallRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "priority_themes_en",
                table: "calls",
                type: "text",
                maxLength: 2147483647,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "priority_themes_es",
                table: "calls",
                type: "text",
                maxLength: 2147483647,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "priority_themes_fr",
                table: "calls",
                type: "text",
                maxLength: 2147483647,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rubric",
                table: "calls",
                type: "jsonb",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "priority_themes_en",
                table: "calls");

            migrationBuilder.DropColumn(
                name: "priority_themes_es",
                table: "calls");

            migrationBuilder.DropColumn(
                name: "priority_themes_fr",
                table: "calls");

            migrationBuilder.DropColumn(
                name: "rubric",
                table: "calls");
        }
    }
}
