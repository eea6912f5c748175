using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>One report with what its form needs. The grantee's pages ask with <c>OwnOrganisationOnly</c>; staff pages without.</summary>
public static class GetGrantReport
{
    public sealed record Query(Guid Id, bool OwnOrganisationOnly) : IQuery<Result>;
    public sealed record Result(GrantReport Report, Guid GrantId, string GrantReference, IReadOnlyList<GrantBudgetLine> Budget, uint Version);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            GrantReport report;
            GrantAgreement grant;
            if (query.OwnOrganisationOnly) (report, grant) = await db.OwnReport(user, query.Id, ct);
            else
            {
                report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == query.Id, ct) ?? throw new NotFoundException("report", query.Id);
                grant = await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Id == report.GrantId, ct);
            }
            return new Result(report, grant.Id, grant.ReferenceNumber, grant.Budget, (uint)db.Entry(report).Property("xmin").CurrentValue!);
        }
    }
}
