using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <summary>An organisation keeps the language it chose at registration; those registered before take their administrator's.</summary>
    public partial class OrganisationLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "organisations",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.Sql("""
                UPDATE organisations o SET language = u.preferred_language
                FROM users u
                WHERE u.organisation_id = o.id AND u.is_organisation_admin AND u.preferred_language IN ('fr', 'es')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "language",
                table: "organisations");
        }
    }
}
