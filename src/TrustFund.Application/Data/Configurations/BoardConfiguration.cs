using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Application.Identity;
using TrustFund.Domain.Board;
using TrustFund.Domain.ReferenceData;

namespace TrustFund.Application.Data.Configurations;

public sealed class TrusteeAppointmentConfiguration : IEntityTypeConfiguration<TrusteeAppointment>
{
    public void Configure(EntityTypeBuilder<TrusteeAppointment> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.TrusteeUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.NationalityIso2).HasMaxLength(2).IsFixedLength();
        b.HasOne<Country>().WithMany().HasForeignKey(x => x.NationalityIso2).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.RegionalGroupCode).HasMaxLength(32);
        b.HasOne<RegionalGroup>().WithMany().HasForeignKey(x => x.RegionalGroupCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.RegionalGroupReason).HasMaxLength(1000);
        b.Property(x => x.EndedEarlyReason).HasMaxLength(1000);
        b.HasOne<TrusteeAppointment>().WithMany().HasForeignKey(x => x.RenewalOf).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TrusteeUserId);
        b.HasIndex(x => x.RenewalOf).IsUnique();
        b.Ignore(x => x.EffectiveEnd);
        b.Ignore(x => x.CountsAsATerm);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class ChairDesignationConfiguration : IEntityTypeConfiguration<ChairDesignation>
{
    public void Configure(EntityTypeBuilder<ChairDesignation> b)
    {
        b.ToTable("board_chairs");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.HasOne<TrusteeAppointment>().WithMany().HasForeignKey(x => x.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
