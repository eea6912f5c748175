using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Applications;

/// <summary>The check of a call open only to some regions, where an application is started and where it is submitted.</summary>
internal static class CallRegion
{
    /// <summary>Refuses an organisation registered in a country the call is not open to (its country as the organisation's profile has it).</summary>
    public static async Task EnsureOpenToAsync(this TrustFundDbContext db, Call call, Guid organisationId, CancellationToken ct)
    {
        if (!call.Eligibility.IsRestrictedByRegion) return;
        var (country, group) = await db.OriginAsync(organisationId, ct) ?? throw new NotFoundException("organisation", organisationId);
        call.EnsureOpenToApplicantsFrom(country, group);
    }

    /// <summary>The organisation's country and that country's UN regional group (none for a few countries); null for no such organisation.</summary>
    public static async Task<(string Country, string? RegionalGroup)?> OriginAsync(this TrustFundDbContext db, Guid organisationId, CancellationToken ct)
    {
        var origin = await (from o in db.Organisations.AsNoTracking()
                            where o.Id == organisationId
                            select new { o.CountryIso2, Group = db.Countries.Where(c => c.Iso2 == o.CountryIso2).Select(c => c.RegionalGroupCode).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        return origin is null ? null : (origin.CountryIso2, origin.Group);
    }
}
