using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Application.Identity;
using TrustFund.Domain.Auditing;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Messaging;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.ReferenceData;

namespace TrustFund.Application.Data.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(x => x.LegalName).HasMaxLength(300);
        b.Property(x => x.CountryIso2).HasMaxLength(2).IsFixedLength();
        b.Property(x => x.Language).HasMaxLength(2).HasDefaultValue("en");
        b.HasOne<Country>().WithMany().HasForeignKey(x => x.CountryIso2).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Profile).AsJson();
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class DonorConfiguration : IEntityTypeConfiguration<Donor>
{
    public void Configure(EntityTypeBuilder<Donor> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.CountryIso2).HasMaxLength(2).IsFixedLength();
        b.HasOne<Country>().WithMany().HasForeignKey(x => x.CountryIso2).OnDelete(DeleteBehavior.Restrict);
        // Donors recorded before languages were kept read their statements in English.
        b.Property(x => x.Language).HasMaxLength(2).HasDefaultValue("en");
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(200);
        b.Property(x => x.Change).HasMaxLength(16);
        b.Property(x => x.Changes).HasColumnType("jsonb");
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        b.ToTable("outbox_emails");
        b.Property(x => x.To).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.DeduplicationKey).HasMaxLength(300);
        // No foreign key to the notification: it would add a check to each of a catch-up's tens of thousands of mails; a
        // mail whose notification is gone (its reader's account deleted) is given up when the dispatcher meets it.
        b.Property(x => x.Language).HasMaxLength(2);
        b.HasIndex(x => x.DeduplicationKey).IsUnique();
        // The dispatcher's question: unsent, not given up, in order of writing; the lease is checked on these few rows.
        b.HasIndex(x => x.CreatedAt).HasFilter("sent_at IS NULL AND given_up_at IS NULL").HasDatabaseName("ix_outbox_emails_due");
    }
}

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.PreferredLanguage).HasMaxLength(2);
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Donor>().WithMany().HasForeignKey(x => x.DonorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<TrustFund.Domain.Security.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<TrustFund.Domain.Security.DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.EventKey).HasMaxLength(200);
        b.Property(x => x.SubjectKey).HasMaxLength(500);
        b.Property(x => x.Arguments).HasColumnType("jsonb");
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Link).HasMaxLength(500);
        // The database holds the line too: one notification per person per event, even if two job runs race.
        b.HasIndex(x => new { x.UserId, x.EventKey }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FormAnswerConfiguration : IEntityTypeConfiguration<FormAnswer>
{
    public void Configure(EntityTypeBuilder<FormAnswer> b)
    {
        b.ToTable("form_answers");
        b.HasKey(x => new { x.UserId, x.Key, x.Fingerprint });
        b.Property(x => x.Fingerprint).HasMaxLength(64);
        b.Property(x => x.Location).HasMaxLength(2000);
        b.Property(x => x.Message).HasMaxLength(1000);
        // The daily purge deletes by age.
        b.HasIndex(x => x.CreatedAt);
    }
}
