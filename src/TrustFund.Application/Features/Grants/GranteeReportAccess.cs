using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Messaging;
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

    /// <summary>Whom to tell about one of an organisation's reports: its users with a confirmed e-mail address, each in their language.</summary>
    public static async Task<List<Notifier.Recipient>> GranteeRecipientsAsync(this TrustFundDbContext db, Guid organisationId,
        CancellationToken ct) =>
        await db.Users.Where(u => u.OrganisationId == organisationId && u.EmailConfirmed)
            .Select(u => new Notifier.Recipient(u.Id, u.Email!, u.PreferredLanguage)).ToListAsync(ct);
}
