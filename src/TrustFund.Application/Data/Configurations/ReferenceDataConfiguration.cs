using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.ReferenceData;

namespace TrustFund.Application.Data.Configurations;

public sealed class RegionalGroupConfiguration : IEntityTypeConfiguration<RegionalGroup>
{
    public void Configure(EntityTypeBuilder<RegionalGroup> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(32);
        b.OwnsOne(x => x.Name, LocalizedTextMapping.Names);
    }
}

public sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> b)
    {
        b.HasKey(x => x.Iso2);
        b.Property(x => x.Iso2).HasMaxLength(2).IsFixedLength();
        b.Property(x => x.Iso3).HasMaxLength(3).IsFixedLength();
        b.HasIndex(x => x.Iso3).IsUnique();
        b.Property(x => x.UnStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RegionalGroupCode).HasMaxLength(32);
        b.HasOne<RegionalGroup>().WithMany().HasForeignKey(x => x.RegionalGroupCode).OnDelete(DeleteBehavior.Restrict);
        b.OwnsOne(x => x.Name, LocalizedTextMapping.Names);
    }
}

public sealed class FormOfExploitationConfiguration : IEntityTypeConfiguration<FormOfExploitation>
{
    public void Configure(EntityTypeBuilder<FormOfExploitation> b)
    {
        b.ToTable("forms_of_exploitation");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40);
        b.OwnsOne(x => x.Name, LocalizedTextMapping.Names);
    }
}

public sealed class AssistanceTypeConfiguration : IEntityTypeConfiguration<AssistanceType>
{
    public void Configure(EntityTypeBuilder<AssistanceType> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40);
        b.OwnsOne(x => x.Name, LocalizedTextMapping.Names);
    }
}
