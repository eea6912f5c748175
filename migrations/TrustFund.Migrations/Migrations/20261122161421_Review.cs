using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrustFund.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reopenings = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessments_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessments_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessments_users_reviewer_user_id",
                        column: x => x.reviewer_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "board_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    present_trustee_ids = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_board_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_board_sessions_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conflict_declarations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    has_conflict = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    was_pre_flagged = table.Column<bool>(type: "boolean", nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflict_declarations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conflict_declarations_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conflict_declarations_users_reviewer_user_id",
                        column: x => x.reviewer_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "declared_affiliations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_declared_affiliations", x => x.id);
                    table.ForeignKey(
                        name: "fk_declared_affiliations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_declared_affiliations_users_reviewer_user_id",
                        column: x => x.reviewer_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_assignments_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_assignments_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_assignments_users_reviewer_user_id",
                        column: x => x.reviewer_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_ballots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    approvals = table.Column<int>(type: "integer", nullable: false),
                    rejections = table.Column<int>(type: "integer", nullable: false),
                    abstentions = table.Column<int>(type: "integer", nullable: false),
                    eligible = table.Column<int>(type: "integer", nullable: false),
                    is_consensus = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_ballots", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_ballots_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_ballots_board_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "board_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "board_votes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ballot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trustee_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    choice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    is_change = table.Column<bool>(type: "boolean", nullable: false),
                    cast_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_board_votes", x => x.id);
                    table.ForeignKey(
                        name: "fk_board_votes_session_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "session_ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_board_votes_users_trustee_user_id",
                        column: x => x.trustee_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessments_application_id_reviewer_user_id",
                table: "assessments",
                columns: new[] { "application_id", "reviewer_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_call_id",
                table: "assessments",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_reviewer_user_id",
                table: "assessments",
                column: "reviewer_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_board_sessions_call_id",
                table: "board_sessions",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_board_votes_ballot_id_trustee_user_id_cast_at",
                table: "board_votes",
                columns: new[] { "ballot_id", "trustee_user_id", "cast_at" });

            migrationBuilder.CreateIndex(
                name: "ix_board_votes_trustee_user_id",
                table: "board_votes",
                column: "trustee_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_application_id_reviewer_user_id_seque",
                table: "conflict_declarations",
                columns: new[] { "application_id", "reviewer_user_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_reviewer_user_id",
                table: "conflict_declarations",
                column: "reviewer_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_declared_affiliations_organisation_id",
                table: "declared_affiliations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_declared_affiliations_reviewer_user_id_organisation_id",
                table: "declared_affiliations",
                columns: new[] { "reviewer_user_id", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_application_id_reviewer_user_id",
                table: "review_assignments",
                columns: new[] { "application_id", "reviewer_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_call_id_reviewer_user_id",
                table: "review_assignments",
                columns: new[] { "call_id", "reviewer_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_assignments_reviewer_user_id",
                table: "review_assignments",
                column: "reviewer_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_ballots_application_id",
                table: "session_ballots",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_ballots_session_id_application_id",
                table: "session_ballots",
                columns: new[] { "session_id", "application_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "board_votes");

            migrationBuilder.DropTable(
                name: "conflict_declarations");

            migrationBuilder.DropTable(
                name: "declared_affiliations");

            migrationBuilder.DropTable(
                name: "review_assignments");

            migrationBuilder.DropTable(
                name: "session_ballots");

            migrationBuilder.DropTable(
                name: "board_sessions");
        }
    }
}
