using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Data.Configurations;

public sealed class GrantAgreementConfiguration : IEntityTypeConfiguration<GrantAgreement>
{
    public void Configure(EntityTypeBuilder<GrantAgreement> b)
    {
        b.ToTable("grant_agreements");
        b.Property(x => x.Grantee).HasMaxLength(300);
        b.Property(x => x.ReferenceNumber).HasMaxLength(64);
        b.Property(x => x.SignedBy).HasMaxLength(256);
        b.Property(x => x.RefundBankReference).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Budget).AsJson();
        b.Property(x => x.Instalments).AsJson();
        b.Property(x => x.Amendments).AsJson();
        // One agreement per approved application, even when two fund managers click "draw up" at once.
        b.HasIndex(x => x.ApplicationId).IsUnique();
        b.HasIndex(x => x.ReferenceNumber).IsUnique();
        b.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Reports).WithOne().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.AuditRequired);
        b.Ignore(x => x.IsSigned);
        b.Ignore(x => x.DurationMonths);
        b.Ignore(x => x.InterimReportsAccepted);
        b.Ignore(x => x.FinalReportsAccepted);
        b.Ignore(x => x.OverdueReport);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class GrantReportConfiguration : IEntityTypeConfiguration<GrantReport>
{
    public void Configure(EntityTypeBuilder<GrantReport> b)
    {
        b.ToTable("grant_reports");
        // The agreement creates its reports with their ids (Entity); a report added back to the schedule after an earlier
        // save removed it must be inserted, not taken for a stored row and updated (which failed as an edit conflict).
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.AcceptedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.GrantId, x.Kind }).IsUnique();
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.Ignore(x => x.IsInterim);
        b.Ignore(x => x.IsFinal);
        b.Ignore(x => x.IsNarrative);
        b.Ignore(x => x.IsEditable);
        b.Property(x => x.Narrative!).AsJson();
        b.Property(x => x.Financial!).AsJson();
        b.Property(x => x.SentBackComment).HasMaxLength(4000);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class GrantReportReminderConfiguration : IEntityTypeConfiguration<GrantReportReminder>
{
    public void Configure(EntityTypeBuilder<GrantReportReminder> b)
    {
        b.ToTable("grant_report_reminders");
        b.HasKey(x => x.ReportId);
        b.HasOne<GrantReport>().WithOne().HasForeignKey<GrantReportReminder>(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GrantPaymentConfiguration : IEntityTypeConfiguration<GrantPayment>
{
    public void Configure(EntityTypeBuilder<GrantPayment> b)
    {
        b.ToTable("grant_payments");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.CertifiedBy).HasMaxLength(256);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.DisbursedBy).HasMaxLength(256);
        b.Property(x => x.BankReference).HasMaxLength(100);
        // An instalment becomes a payment request once.
        b.HasIndex(x => new { x.GrantId, x.InstalmentNumber }).IsUnique();
        b.HasIndex(x => x.Status);
        b.HasOne<GrantAgreement>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class AuditorDossierConfiguration : IEntityTypeConfiguration<AuditorDossier>
{
    public void Configure(EntityTypeBuilder<AuditorDossier> b)
    {
        b.ToTable("auditor_dossiers");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Content).HasColumnType("bytea");
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Failure).HasMaxLength(1000);
        b.HasIndex(x => new { x.GrantId, x.RequestedAt });
        b.HasOne<GrantAgreement>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
    }
}
