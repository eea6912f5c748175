using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.OpenData;

/// <summary>One signed grant as the public may see it: the implementer's name is already replaced when it is withheld.</summary>
public sealed record PublicGrant(Guid Id, string ReferenceNumber, Guid ApplicationId, Guid OrganisationId, LocalizedText Organisation,
    bool NameWithheld, string CountryIso2, LocalizedText Country, string? RegionalGroupCode, FundingWindow Window, LocalizedText CallTitle,
    decimal Amount, DateOnly StartDate, DateOnly EndDate, DateOnly SignedOn, GrantStatus Status, DateTimeOffset? ClosedAt)
{
    public int Year => SignedOn.Year;

    /// <summary>
    /// The IATI ActivityStatus: 2 implementation until the end date, 3 finalisation while the last reports, the refund
    /// and closure are pending, 4 closed.
    /// </summary>
    public int ActivityStatus(DateOnly today) => Status switch
    {
        GrantStatus.Closed => 4,
        GrantStatus.RefundRequested => 3,
        _ => today > EndDate ? 3 : 2,
    };
}

/// <summary>
/// The grants the fund publishes: every agreement from signature on (drafts are internal). The one place that decides
/// which name the public reads, so the page, its downloads and the IATI files cannot disagree or leak a withheld name.
/// </summary>
public static class PublicGrants
{
    public static async Task<List<PublicGrant>> LoadAsync(TrustFundDbContext db, OpenDataText text, CancellationToken ct)
    {
        var rows = await (
                from g in db.GrantAgreements.AsNoTracking()
                where g.Status != GrantStatus.Draft
                join a in db.Applications.AsNoTracking() on g.ApplicationId equals a.Id
                join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                select new
                {
                    g.Id, g.ReferenceNumber, g.ApplicationId, g.OrganisationId, g.Grantee, g.WithholdImplementerName,
                    a.Project, ApplicantSection = a.Organisation,
                    c.Window, TitleEn = c.Title.En, TitleFr = c.Title.Fr, TitleEs = c.Title.Es, g.Amount, g.StartDate, g.EndDate, g.SignedAt, g.Status, g.ClosedAt,
                })
            .ToListAsync(ct);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso2, ct);
        return rows
            .Select(r =>
            {
                // Where the project runs is the grant's country; an application that did not say runs where the NGO is registered.
                var iso2 = r.Project.ImplementationCountryIso2 ?? r.ApplicantSection.CountryIso2;
                var country = countries.GetValueOrDefault(iso2);
                var countryName = country?.Name ?? new LocalizedText(iso2);
                var organisation = r.WithholdImplementerName
                    ? text.F("A national NGO in {0}", countryName)
                    : new LocalizedText(r.Grantee);
                return new PublicGrant(r.Id, r.ReferenceNumber, r.ApplicationId, r.OrganisationId, organisation, r.WithholdImplementerName,
                    iso2, countryName, country?.RegionalGroupCode, r.Window, new LocalizedText(r.TitleEn, r.TitleFr, r.TitleEs), r.Amount, r.StartDate, r.EndDate,
                    DateOnly.FromDateTime(r.SignedAt!.Value.UtcDateTime), r.Status, r.ClosedAt);
            })
            .OrderByDescending(g => g.SignedOn).ThenBy(g => g.ReferenceNumber, StringComparer.Ordinal)
            .ToList();
    }
}
