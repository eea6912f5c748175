using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.Domain.Auditing;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Messaging;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.ReferenceData;
using TrustFund.Domain.Security;

namespace TrustFund.Application.Data;

public sealed class TrustFundDbContext(DbContextOptions<TrustFundDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<RegionalGroup> RegionalGroups => Set<RegionalGroup>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<FormOfExploitation> FormsOfExploitation => Set<FormOfExploitation>();
    public DbSet<AssistanceType> AssistanceTypes => Set<AssistanceType>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Donor> Donors => Set<Donor>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<ContributionReceipt> ContributionReceipts => Set<ContributionReceipt>();
    public DbSet<UnoreRate> UnoreRates => Set<UnoreRate>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<FundSettings> FundSettings => Set<FundSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Money is numeric(18,2) everywhere; rates and percentages declare their own precision.
        configuration.Properties<decimal>().HavePrecision(18, 2);
    }
}
