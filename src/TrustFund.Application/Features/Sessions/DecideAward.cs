using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The fund manager, on behalf of the Secretary-General, approves an award (with its amount) or declines it. Departing
/// from the board's recommendation needs a written justification; the application enforces it. Approval draws up the
/// grant agreement at once, in its draft state ("agreement pending"), for the money side to complete and sign. The decision
/// raises ApplicationDecided, and the agreement GrantAgreementDrawnUp: their handlers tell the applicant, in this transaction.
/// </summary>
public static class DecideAward
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ApplicationId, bool Approve, decimal? Amount, string? Justification) : ICommand<Unit>;

    /// <summary>The justification is kept in the application's history and read by the applicant: bounded like the other messages.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Justification).AtMost(4000, "Justification (required when departing from the board's recommendation)");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock, IMediator mediator) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("application", command.ApplicationId);
            var now = clock.GetUtcNow();
            if (command.Approve)
                application.Approve(command.Amount ?? throw new DomainException("Give the approved amount."), command.Justification, now, user.UserName);
            else
                application.Reject(command.Justification, now, user.UserName);
            // Saved before drawing up the agreement, which reads the approved application from the database.
            await db.SaveChangesAsync(ct);
            if (command.Approve) await mediator.Send(new Grants.CreateGrantAgreement.Command(application.Id), ct);
            return Unit.Value;
        }
    }
}
