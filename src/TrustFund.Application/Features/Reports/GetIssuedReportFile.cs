using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Reports;

/// <summary>
/// The stored bytes of an issued report, exactly as issued. A report the asker may not see is "not found", so
/// nobody learns which reports exist.
/// </summary>
public static class GetIssuedReportFile
{
    [Authorize(Roles.FundManager)]
    [Authorize(Roles.Donor, Scope = Scope.OwnDonor)]
    public sealed record Query(Guid ReportId) : IQuery<File>, IAboutIssuedReport
    {
        Guid IAboutIssuedReport.IssuedReportId => ReportId;
    }

    public sealed record File(string FileName, string ContentType, byte[] Content, string Sha256);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, File>
    {
        public async ValueTask<File> Handle(Query query, CancellationToken ct)
        {
            var reports = await ReportVisibility.VisibleReports(db, user, ct);
            var report = await reports.SingleOrDefaultAsync(r => r.Id == query.ReportId, ct)
                ?? throw new NotFoundException("report", query.ReportId);
            return new File(report.FileName, "application/pdf", report.Content, report.Sha256);
        }
    }
}
