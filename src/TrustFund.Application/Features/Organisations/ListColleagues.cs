using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Organisations;

public static class ListColleagues
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;
    public sealed record Item(string DisplayName, string Email, bool IsOrganisationAdmin, bool EmailConfirmed);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct) =>
            user.OrganisationId is not { } organisationId ? [] :
            await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.DisplayName)
                .Select(u => new Item(u.DisplayName, u.Email!, u.IsOrganisationAdmin, u.EmailConfirmed)).ToListAsync(ct);
    }
}
