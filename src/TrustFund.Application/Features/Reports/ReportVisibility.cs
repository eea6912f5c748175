using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Reports;

namespace TrustFund.Application.Features.Reports;

/// <summary>Who may see which issued report: the fund manager every one, a donor those issued to its donor, nobody else any.</summary>
public static class ReportVisibility
{
    public static async Task<IQueryable<IssuedReport>> VisibleReports(TrustFundDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var reports = db.IssuedReports.AsNoTracking();
        if (user.IsInRole(Roles.FundManager)) return reports;
        if (user.IsInRole(Roles.Donor) && user.UserId is { } userId)
        {
            var donorId = await db.Users.Where(u => u.Id == userId).Select(u => u.DonorId).SingleOrDefaultAsync(ct);
            if (donorId is not null) return reports.Where(r => r.DonorId == donorId);
        }
        return reports.Where(_ => false);
    }
}
