using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Data.Configurations;

public sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Window).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.HasIndex(x => new { x.Status, x.Deadline });
        b.OwnsOne(x => x.Title, LocalizedTextMapping.Names);
        b.OwnsOne(x => x.Description, LocalizedTextMapping.LongText);
        b.Property(x => x.Eligibility).AsJson();
        b.Property(x => x.Rubric).AsJson();
        b.OwnsOne(x => x.PriorityThemes, LocalizedTextMapping.LongText);
        b.Ignore(x => x.RegistrationCutOff);
        b.Ignore(x => x.ReferencePrefix);
        b.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

public sealed class ClarificationQuestionConfiguration : IEntityTypeConfiguration<ClarificationQuestion>
{
    public void Configure(EntityTypeBuilder<ClarificationQuestion> b)
    {
        b.Property(x => x.Question).HasMaxLength(4000);
        b.Property(x => x.Answer).HasMaxLength(8000);
        b.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TrustFund.Domain.Organisations.Organisation>().WithMany().HasForeignKey(x => x.AskedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CallId, x.IsPublished });
    }
}
