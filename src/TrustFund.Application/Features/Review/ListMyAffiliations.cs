using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Review;

/// <summary>The reviewer's declared affiliations, and the organisations they can choose from.</summary>
public static class ListMyAffiliations
{
    [Authorize(Roles.Trustee, Roles.FundManager)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Affiliation> Affiliations, IReadOnlyList<Option> Organisations);

    public sealed record Affiliation(string Organisation, string Description, DateTimeOffset DeclaredAt);

    public sealed record Option(Guid Id, string Name, string CountryIso2);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var reviewerId = ReviewAccess.RequireUser(user);
            var mine = await (from a in db.DeclaredAffiliations.AsNoTracking()
                              join o in db.Organisations on a.OrganisationId equals o.Id
                              where a.ReviewerUserId == reviewerId
                              orderby o.LegalName
                              select new Affiliation(o.LegalName, a.Description, a.DeclaredAt)).ToListAsync(ct);
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.LegalName)
                .Select(o => new Option(o.Id, o.LegalName, o.CountryIso2)).ToListAsync(ct);
            return new Result(mine, organisations);
        }
    }
}
