using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Data.Configurations;

public sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> b)
    {
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.AssignedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ApplicationId, x.ReviewerUserId }).IsUnique();
        b.HasIndex(x => new { x.CallId, x.ReviewerUserId });
        b.HasIndex(x => x.ReviewerUserId);
    }
}

public sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> b)
    {
        b.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Note).HasMaxLength(2000);
        // Declarations are append-only and the latest counts; a database sequence orders them even when two share a timestamp.
        b.Property<long>(ReviewAccess.DeclarationOrder).UseIdentityAlwaysColumn();
        b.HasIndex(nameof(ConflictDeclaration.ApplicationId), nameof(ConflictDeclaration.ReviewerUserId), ReviewAccess.DeclarationOrder);
    }
}

public sealed class DeclaredAffiliationConfiguration : IEntityTypeConfiguration<DeclaredAffiliation>
{
    public void Configure(EntityTypeBuilder<DeclaredAffiliation> b)
    {
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasIndex(x => new { x.ReviewerUserId, x.OrganisationId });
    }
}

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Scores).AsJson();
        b.Property(x => x.Reopenings).AsJson();
        b.Ignore(x => x.IsCompleted);
        b.HasIndex(x => new { x.ApplicationId, x.ReviewerUserId }).IsUnique();
        b.HasIndex(x => x.CallId);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class BoardSessionConfiguration : IEntityTypeConfiguration<BoardSession>
{
    public void Configure(EntityTypeBuilder<BoardSession> b)
    {
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PresentTrusteeIds).AsJson();
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class SessionBallotConfiguration : IEntityTypeConfiguration<SessionBallot>
{
    public void Configure(EntityTypeBuilder<SessionBallot> b)
    {
        b.HasOne<BoardSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.IsClosed);
        b.Ignore(x => x.IsWithdrawn);
        b.Property(x => x.WithdrawalReason).HasMaxLength(SessionBallot.MaxWithdrawalReasonLength);
        b.HasIndex(x => new { x.SessionId, x.ApplicationId }).IsUnique();
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class BoardVoteConfiguration : IEntityTypeConfiguration<BoardVote>
{
    public void Configure(EntityTypeBuilder<BoardVote> b)
    {
        b.HasOne<SessionBallot>().WithMany().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.TrusteeUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Choice).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => new { x.BallotId, x.TrusteeUserId, x.CastAt });
    }
}
