using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Review;

/// <summary>A reviewer declares a tie with an organisation, so that its applications are pre-flagged as a likely conflict.</summary>
public static class DeclareAffiliation
{
    public sealed record Command(Guid OrganisationId, string Description) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Description).NotEmpty().WithMessage("Describe the tie with the organisation.").MaximumLength(1000);
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var reviewerId = ReviewAccess.RequireUser(user);
            if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, ct))
                throw new NotFoundException("organisation", command.OrganisationId);
            db.DeclaredAffiliations.Add(new DeclaredAffiliation(reviewerId, command.OrganisationId, command.Description, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}

/// <summary>The reviewer's declared affiliations, and the organisations they can choose from.</summary>
public static class ListMyAffiliations
{
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
