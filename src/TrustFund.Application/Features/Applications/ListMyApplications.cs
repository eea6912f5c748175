using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>The NGO's home: its organisation's applications, newest first.</summary>
public static class ListMyApplications
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;
    public sealed record Item(Guid Id, string? ReferenceNumber, LocalizedText CallTitle, string ProjectTitle, ApplicationStatus Status,
        decimal RequestedAmount, DateTimeOffset UpdatedAt, DateTimeOffset CallDeadline, string CallTimeZoneId);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            if (user.OrganisationId is not { } organisationId) return [];
            var rows = await db.Applications.AsNoTracking().Where(a => a.OrganisationId == organisationId)
                .Join(db.Calls, a => a.CallId, c => c.Id, (a, c) => new { a, c })
                .OrderByDescending(x => x.a.UpdatedAt)
                .ToListAsync(ct);
            return rows.Select(x => new Item(x.a.Id, x.a.ReferenceNumber, x.c.Title, x.a.Project.Title, x.a.Status, x.a.RequestedAmount,
                x.a.UpdatedAt, x.c.Deadline, x.c.TimeZoneId)).ToList();
        }
    }
}
