using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Data.Configurations;

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(x => x.RateAtPledge).HasPrecision(18, 6);
        b.Property(x => x.EarmarkPurpose).HasMaxLength(500);
        b.HasOne<Donor>().WithMany().HasForeignKey(x => x.DonorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Receipts).WithOne().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Receipts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.DonorId, x.PledgedOn });
        b.Ignore(x => x.Pledged);
        b.Ignore(x => x.Outstanding);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class ContributionReceiptConfiguration : IEntityTypeConfiguration<ContributionReceipt>
{
    public void Configure(EntityTypeBuilder<ContributionReceipt> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(x => x.UnitsPerUsd).HasPrecision(18, 6);
        b.Property(x => x.BankReference).HasMaxLength(100);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.ReversedBy).HasMaxLength(256);
        b.Property(x => x.ReversalReason).HasMaxLength(1000);
        b.HasIndex(x => x.ValueDate);
        b.Ignore(x => x.IsReversed);
        b.Ignore(x => x.Deposited);
        b.Ignore(x => x.Document);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class UnoreRateConfiguration : IEntityTypeConfiguration<UnoreRate>
{
    public void Configure(EntityTypeBuilder<UnoreRate> b)
    {
        b.ToTable("unore_rates");
        b.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(x => x.UnitsPerUsd).HasPrecision(18, 6);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        // One rate per currency and start date: a revision starts on a later day.
        b.HasIndex(x => new { x.Currency, x.EffectiveFrom }).IsUnique();
    }
}

public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("journal_entries");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.EventType).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ReversedEventType).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
        b.Property(x => x.Rate).HasPrecision(18, 6);
        b.Property(x => x.DocumentType).HasMaxLength(64);
        b.Property(x => x.DocumentReference).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Ignore(x => x.BalanceType);
        // An entry is reversed at most once, even when two people click at the same moment.
        b.HasIndex(x => x.ReversedEntryId).IsUnique();
        b.HasOne<JournalEntry>().WithMany().HasForeignKey(x => x.ReversedEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Donor>().WithMany().HasForeignKey(x => x.DonorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ValueDate);
        b.HasIndex(x => new { x.DocumentType, x.DocumentId });
        b.HasIndex(x => x.DonorId);
    }
}

public sealed class FundSettingsConfiguration : IEntityTypeConfiguration<FundSettings>
{
    public void Configure(EntityTypeBuilder<FundSettings> b)
    {
        b.ToTable("fund_settings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.PscRate).HasPrecision(5, 4);
        b.Property(x => x.OperatingReserveRate).HasPrecision(5, 4);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class EarmarkAllocationConfiguration : IEntityTypeConfiguration<EarmarkAllocation>
{
    public void Configure(EntityTypeBuilder<EarmarkAllocation> b)
    {
        b.ToTable("earmark_allocations");
        b.Property(x => x.AllocatedBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnBy).HasMaxLength(256);
        b.Property(x => x.WithdrawalReason).HasMaxLength(1000);
        b.Ignore(x => x.IsWithdrawn);
        b.HasOne<Pledge>().WithMany().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GrantAgreement>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PledgeId);
        b.HasIndex(x => x.GrantId);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
