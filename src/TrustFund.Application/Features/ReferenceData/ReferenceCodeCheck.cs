using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;

namespace TrustFund.Application.Features.ReferenceData;

/// <summary>
/// Codes a form posts (a country, a form of exploitation) must exist in the reference data. Validators are built once
/// and hold no database, so the handlers ask here; an unknown code is refused next to its field, as a validator would,
/// instead of failing on a foreign key (500) or being stored and printed as it came ("ZZ").
/// </summary>
public sealed class ReferenceCodeCheck(TrustFundDbContext db)
{
    private readonly List<ValidationFailure> failures = [];

    public async Task<ReferenceCodeCheck> Country(string? iso2, string field, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(iso2) && !await db.Countries.AnyAsync(c => c.Iso2 == iso2, ct))
            failures.Add(new ValidationFailure(field, "Choose a country from the list."));
        return this;
    }

    public async Task<ReferenceCodeCheck> FormsOfExploitation(IEnumerable<string> codes, string field, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        if (wanted.Count == 0) return this;
        var known = await db.FormsOfExploitation.CountAsync(f => wanted.Contains(f.Code), ct);
        if (known != wanted.Count) failures.Add(new ValidationFailure(field, "Choose a form of exploitation from the list."));
        return this;
    }

    /// <summary>Refuses the command, with every unknown code at its field, when any was found.</summary>
    public void ThrowIfAnyUnknown()
    {
        if (failures.Count > 0) throw new ValidationException(failures);
    }
}
