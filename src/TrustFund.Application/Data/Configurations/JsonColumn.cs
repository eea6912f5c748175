using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustFund.Application.Data.Configurations;

/// <summary>
/// Stores a value object or a list of them as one jsonb column. The draft's sections are always saved whole,
/// so one column per section keeps a step's save to one row and one concurrency check.
/// These values are immutable by convention: a change assigns a new value (a new record, a new list), never edits
/// one in place. That lets change tracking compare references instead of serialising every value on every save,
/// which matters when a hundred drafts are autosaved at once before a deadline.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                json => JsonSerializer.Deserialize<T>(json, Options)!,
                new ValueComparer<T>(
                    (a, b) => ReferenceEquals(a, b),
                    value => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value),
                    value => value))
            .HasColumnType("jsonb");
}
