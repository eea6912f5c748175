using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// An awarded organisation declined its grant: the secretariat records it, and the best-ranked application on the call's
/// reserve list is proposed in its place (DOMAIN.md section 6: a reserve list is drawn on when awards fall through).
/// </summary>
public static class DeclineAward
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ApplicationId, string Reason) : ICommand<Result>;

    public sealed record Result(Guid? ProposedApplicationId, string? ProposedReference);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason the organisation declined the award.").AtMost(2000, "Reason");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("application", command.ApplicationId);
            application.DeclineAward(command.Reason, clock.GetUtcNow(), user.UserName);
            // The draft agreement drawn up at approval goes with the award; a signed one has raised an obligation
            // and must be closed through the grant instead.
            var agreements = await db.GrantAgreements.Where(g => g.ApplicationId == application.Id).ToListAsync(ct);
            if (agreements.Any(g => g.Status != Domain.Grants.GrantStatus.Draft))
                throw new DomainException("The grant agreement is already signed: close the grant instead.");
            db.GrantAgreements.RemoveRange(agreements);
            await db.SaveChangesAsync(ct);
            var next = await NextOnReserveList(db, application.CallId, ct);
            return new Result(next?.Id, next?.ReferenceNumber);
        }
    }

    /// <summary>The reserve-list application with the best average score (the earliest reference among equals).</summary>
    public static async Task<(Guid Id, string ReferenceNumber)?> NextOnReserveList(TrustFundDbContext db, Guid callId, CancellationToken ct)
    {
        var reserve = await db.Applications.AsNoTracking().Where(a => a.CallId == callId && a.Status == ApplicationStatus.ReserveList)
            .Select(a => new { a.Id, a.ReferenceNumber }).ToListAsync(ct);
        if (reserve.Count == 0) return null;
        var scores = await CallScores.ComputeAsync(db, callId, reserve.Select(r => r.Id).ToList(), ct);
        var best = reserve.OrderByDescending(r => scores.ByApplication[r.Id].Average ?? -1).ThenBy(r => r.ReferenceNumber).First();
        return (best.Id, best.ReferenceNumber ?? "");
    }
}
