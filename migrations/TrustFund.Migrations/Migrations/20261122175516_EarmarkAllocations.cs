using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EarmarkAllocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "earmark_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pledge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    usd_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    allocated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    allocated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    allocated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_earmark_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_earmark_allocations_grant_agreements_grant_id",
                        column: x => x.grant_id,
                        principalTable: "grant_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_earmark_allocations_pledges_pledge_id",
                        column: x => x.pledge_id,
                        principalTable: "pledges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_earmark_allocations_grant_id",
                table: "earmark_allocations",
                column: "grant_id");

            migrationBuilder.CreateIndex(
                name: "ix_earmark_allocations_pledge_id",
                table: "earmark_allocations",
                column: "pledge_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "earmark_allocations");
        }
    }
}
