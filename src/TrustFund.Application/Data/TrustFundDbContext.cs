using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Auditing;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Messaging;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reports;
using TrustFund.Domain.Review;
using TrustFund.Domain.ReferenceData;
using TrustFund.Domain.Security;

namespace TrustFund.Application.Data;

/// <remarks>
/// Contexts come from a pool and their options are built once for the process (making a context per request, with
/// its options, internal services and sets, was a seventh of a signed-in request's processor time). What differs per
/// request, who acts and in which use case, is handed to each context as it leaves the pool (<see cref="ActingFor"/>),
/// for the <see cref="Auditing.AuditingInterceptor"/> to write into the trail. A context made by hand (migrations) has neither.
/// </remarks>
public sealed class TrustFundDbContext(DbContextOptions<TrustFundDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>Who acts in this context's scope, for the audit trail.</summary>
    internal ICurrentUser? Actor { get; private set; }

    /// <summary>The use case running in this context's scope, for the audit trail.</summary>
    internal string UseCase => useCase?.Action ?? "System";

    private Auditing.AuditContext? useCase;

    /// <summary>
    /// Gives a context taken from the pool its request's person and use case; both are always set (even to nothing),
    /// so nothing of the context's previous request stays with it.
    /// </summary>
    public TrustFundDbContext ActingFor(ICurrentUser? actor, Auditing.AuditContext? auditContext)
    {
        Actor = actor;
        useCase = auditContext;
        return this;
    }

    public DbSet<RegionalGroup> RegionalGroups => Set<RegionalGroup>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<FormOfExploitation> FormsOfExploitation => Set<FormOfExploitation>();
    public DbSet<AssistanceType> AssistanceTypes => Set<AssistanceType>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<ClarificationQuestion> ClarificationQuestions => Set<ClarificationQuestion>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<GrantApplication> Applications => Set<GrantApplication>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Donor> Donors => Set<Donor>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<ContributionReceipt> ContributionReceipts => Set<ContributionReceipt>();
    public DbSet<UnoreRate> UnoreRates => Set<UnoreRate>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<FundSettings> FundSettings => Set<FundSettings>();
    public DbSet<EarmarkAllocation> EarmarkAllocations => Set<EarmarkAllocation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<TrustFund.Domain.Common.FormAnswer> FormAnswers => Set<TrustFund.Domain.Common.FormAnswer>();
    public DbSet<TrusteeAppointment> TrusteeAppointments => Set<TrusteeAppointment>();
    public DbSet<ChairDesignation> ChairDesignations => Set<ChairDesignation>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<IssuedReport> IssuedReports => Set<IssuedReport>();
    public DbSet<GrantAgreement> GrantAgreements => Set<GrantAgreement>();
    public DbSet<GrantReport> GrantReports => Set<GrantReport>();
    public DbSet<GrantReportReminder> GrantReportReminders => Set<GrantReportReminder>();
    public DbSet<GrantPayment> GrantPayments => Set<GrantPayment>();
    public DbSet<AuditorDossier> AuditorDossiers => Set<AuditorDossier>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<DeclaredAffiliation> DeclaredAffiliations => Set<DeclaredAffiliation>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<BoardSession> BoardSessions => Set<BoardSession>();
    public DbSet<SessionBallot> SessionBallots => Set<SessionBallot>();
    public DbSet<BoardVote> BoardVotes => Set<BoardVote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity's tables follow the same snake_case naming as ours.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(TrustFundDbContext).Assembly);
    }

    /// <summary>Keeps the stored total in step with the budget lines before every save.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<GrantApplication>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Property("RequestedTotal").CurrentValue = entry.Entity.RequestedAmount;
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Money is numeric(18,2) everywhere; rates and percentages declare their own precision.
        configuration.Properties<decimal>().HavePrecision(18, 2);
    }
}
