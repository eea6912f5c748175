using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Review;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Review;

/// <summary>A reviewer declares a tie with an organisation, so that its applications are pre-flagged as a likely conflict.</summary>
public static class DeclareAffiliation
{
    [Authorize(Roles.Trustee, Roles.FundManager)]
    public sealed record Command(Guid OrganisationId, string Description) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Description).NotEmpty().WithMessage("Describe the tie with the organisation.").AtMost(1000, "Your tie with the organisation");
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
