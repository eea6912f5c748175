using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Organisations;

public static class GetMyOrganisation
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query : IQuery<Result>;
    public sealed record Result(Guid Id, uint Version, OrganisationProfileForm Form);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var organisationId = user.OrganisationId ?? throw new NotFoundException("organisation", "of this user");
            var found = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
                .Select(o => new { Organisation = o, Version = EF.Property<uint>(o, "xmin") })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("organisation", organisationId);
            return new Result(found.Organisation.Id, found.Version, OrganisationProfileForm.From(found.Organisation));
        }
    }
}
