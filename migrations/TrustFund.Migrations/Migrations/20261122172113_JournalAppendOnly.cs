using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class JournalAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The database itself refuses UPDATE and DELETE on the journal (see JournalAppendOnly).
            migrationBuilder.Sql(TrustFund.Migrations.JournalAppendOnly.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TrustFund.Migrations.JournalAppendOnly.Drop);
        }
    }
}
