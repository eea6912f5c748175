using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// One report with what its form needs: any report for the fund manager, only a signed grant's report of their own
/// organisation for a grantee (the declaration checks the organisation; the handler also keeps draft grants out of reach).
/// </summary>
public static class GetGrantReport
{
    [Authorize(Roles.FundManager)]
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query(Guid Id) : IQuery<Result>, IAboutGrantReport
    {
        Guid IAboutGrantReport.ReportId => Id;
    }
    public sealed record Result(GrantReport Report, Guid GrantId, string GrantReference, IReadOnlyList<GrantBudgetLine> Budget, uint Version);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            GrantReport report;
            GrantAgreement grant;
            if (!Applications.ApplicationAccess.IsSecretariat(user)) (report, grant) = await db.OwnReport(user, query.Id, ct);
            else
            {
                report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == query.Id, ct) ?? throw new NotFoundException("report", query.Id);
                grant = await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Id == report.GrantId, ct);
            }
            return new Result(report, grant.Id, grant.ReferenceNumber, grant.Budget, (uint)db.Entry(report).Property("xmin").CurrentValue!);
        }
    }
}
