using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Reports;

namespace TrustFund.Application.Data.Configurations;

public sealed class IssuedReportConfiguration : IEntityTypeConfiguration<IssuedReport>
{
    public void Configure(EntityTypeBuilder<IssuedReport> b)
    {
        b.ToTable("issued_reports");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.ParametersJson).HasColumnName("parameters").HasColumnType("jsonb");
        b.Property(x => x.Content).HasColumnType("bytea");
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.IssuedByName).HasMaxLength(256);
        b.Ignore(x => x.FileName);
        b.HasIndex(x => x.IssuedAt);
        b.HasIndex(x => new { x.DonorId, x.IssuedAt });
        b.HasOne<Donor>().WithMany().HasForeignKey(x => x.DonorId).OnDelete(DeleteBehavior.Restrict);
    }
}
