using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>The NGO home's list: reports of its grants still to hand in (upcoming, overdue or sent back), earliest first.</summary>
public static class ListMyGrantReports
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;
    public sealed record Item(Guid Id, string GrantReference, GrantReportKind Kind, DateOnly DueOn, GrantReportStatus Status);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            if (user.OrganisationId is not { } organisationId) return [];
            return await db.GrantReports.AsNoTracking()
                .Where(r => r.Status != GrantReportStatus.Accepted)
                .Join(db.GrantAgreements.Where(g => g.OrganisationId == organisationId && g.Status == GrantStatus.Signed),
                    r => r.GrantId, g => g.Id, (r, g) => new { r.Id, g.ReferenceNumber, r.Kind, r.DueOn, r.Status })
                .OrderBy(i => i.DueOn).ThenBy(i => i.Kind)
                .Select(i => new Item(i.Id, i.ReferenceNumber, i.Kind, i.DueOn, i.Status))
                .ToListAsync(ct);
        }
    }
}
