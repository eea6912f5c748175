using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>A grantee reaches only the reports of its own organisation's signed grants; anything else is "not found".</summary>
internal static class GranteeReportAccess
{
    public static async Task<(GrantReport Report, GrantAgreement Grant)> OwnReport(this TrustFundDbContext db, ICurrentUser user, Guid id,
        CancellationToken ct)
    {
        var organisationId = user.OrganisationId ?? throw new NotFoundException("report", id);
        var report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("report", id);
        var grant = await db.GrantAgreements.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Id == report.GrantId && g.OrganisationId == organisationId && g.Status != GrantStatus.Draft, ct)
            ?? throw new NotFoundException("report", id);
        return (report, grant);
    }
}
