using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Data.Configurations;

/// <summary>Maps a <see cref="LocalizedText"/> to three columns of its owner's table (name_en, name_fr, name_es).</summary>
public static class LocalizedTextMapping
{
    public static void Names<TOwner>(OwnedNavigationBuilder<TOwner, LocalizedText> text) where TOwner : class =>
        Columns(text, 200);

    public static void LongText<TOwner>(OwnedNavigationBuilder<TOwner, LocalizedText> text) where TOwner : class =>
        Columns(text, null);

    private static void Columns<TOwner>(OwnedNavigationBuilder<TOwner, LocalizedText> text, int? maxLength) where TOwner : class
    {
        text.Property(t => t.En).IsRequired().HasMaxLength(maxLength ?? int.MaxValue);
        text.Property(t => t.Fr).HasMaxLength(maxLength ?? int.MaxValue);
        text.Property(t => t.Es).HasMaxLength(maxLength ?? int.MaxValue);
        if (maxLength is null)
        {
            text.Property(t => t.En).HasColumnType("text");
            text.Property(t => t.Fr).HasColumnType("text");
            text.Property(t => t.Es).HasColumnType("text");
        }
        text.WithOwner();
    }
}
