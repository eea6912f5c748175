using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Grants;

/// <summary>Approved applications that have no agreement yet: what the fund manager draws agreements up from.</summary>
public static class ListAwardsWithoutAgreement
{
    [Authorize(Roles.FundManager)]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid ApplicationId, string? ReferenceNumber, string Organisation, string ProjectTitle, decimal ApprovedAmount);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Approved && !db.GrantAgreements.Any(g => g.ApplicationId == a.Id))
                .OrderBy(a => a.ReferenceNumber).Take(200).ToListAsync(ct);
            return rows.Select(a => new Item(a.Id, a.ReferenceNumber, a.Organisation.LegalName, a.Project.Title, a.ApprovedAmount ?? 0)).ToList();
        }
    }
}
