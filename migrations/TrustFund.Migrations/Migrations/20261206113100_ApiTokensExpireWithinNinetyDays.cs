using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Application.Data;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <summary>Tokens issued before the 90-day rule (some without any expiry) expire 90 days after their creation.</summary>
    [DbContext(typeof(TrustFundDbContext))]
    [Migration("20261206113100_ApiTokensExpireWithinNinetyDays")]
    public partial class ApiTokensExpireWithinNinetyDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            UPDATE api_tokens SET expires_at = created_at + interval '90 days'
            WHERE expires_at IS NULL OR expires_at > created_at + interval '90 days';
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: a shorter life is still a valid one.
        }
    }
}
