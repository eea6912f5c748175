using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Application.Data;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <summary>The application's role reads and writes rows; the journal and the audit trail it may only append to (see ApplicationRoleGrants).</summary>
    [DbContext(typeof(TrustFundDbContext))]
    [Migration("20261206113000_ApplicationRoleGrants")]
    public partial class ApplicationRoleGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(TrustFund.Migrations.ApplicationRoleGrants.Grant);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(TrustFund.Migrations.ApplicationRoleGrants.Revoke);
    }
}
