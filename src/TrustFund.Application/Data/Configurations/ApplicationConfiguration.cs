using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Data.Configurations;

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> b)
    {
        b.ToTable("applications");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReferenceNumber).HasMaxLength(40);
        b.HasIndex(x => x.ReferenceNumber).IsUnique();
        // One application per organisation per call: a second "apply" opens the existing draft.
        b.HasIndex(x => new { x.CallId, x.OrganisationId }).IsUnique();
        b.HasIndex(x => new { x.CallId, x.Status });
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Organisation).AsJson();
        b.Property(x => x.Project).AsJson();
        b.Property(x => x.Beneficiaries).AsJson();
        b.Property(x => x.Budget).AsJson();
        b.Property(x => x.Declaration).AsJson();
        b.Property(x => x.EligibilityChecks).AsJson();
        b.Property(x => x.History).AsJson();
        b.Ignore(x => x.RequestedAmount);
        b.Ignore(x => x.IndirectCosts);
        b.Ignore(x => x.IsEditable);
        // Kept as a column too so the secretariat can filter and sort by amount in SQL.
        b.Property<decimal>("RequestedTotal").HasColumnName("requested_total");
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasOne<GrantApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ApplicationId);
    }
}
