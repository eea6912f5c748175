using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The secretariat opens a board session on a call: its agenda is every shortlisted application not already on an open
/// ballot of another session, in ranking order,
/// each with its own ballot; the trustees present are exactly those ticked. Nobody ticked is refused rather than read
/// as "everyone": that once recorded absent trustees as present, met the quorum by accident and put them in the minutes.
/// </summary>
public static class CreateBoardSession
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId, DateOnly Date, SessionFormat Format, IReadOnlyList<Guid> PresentTrusteeIds) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Date).NotEmpty().WithMessage("Give the date of the session.");
            RuleFor(x => x.PresentTrusteeIds).NotEmpty().WithMessage("Tick the trustees present at the session.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Calls.AnyAsync(c => c.Id == command.CallId, ct)) throw new NotFoundException("call", command.CallId);
            var serving = (await db.TrusteeAppointments.AsNoTracking().ToListAsync(ct))
                .Where(a => a.IsServingOn(command.Date)).Select(a => a.TrusteeUserId).ToHashSet();
            if (command.PresentTrusteeIds.Any(id => !serving.Contains(id)))
                throw new DomainException("Only trustees serving on the date of the session can attend it.");
            var shortlisted = await db.Applications.AsNoTracking()
                .Where(a => a.CallId == command.CallId && a.Status == ApplicationStatus.Shortlisted).Select(a => a.Id).ToListAsync(ct);
            if (shortlisted.Count == 0) throw new DomainException("Shortlist applications before opening a board session.");
            // One application sits on one open session's agenda at a time: a second ballot on it could never close once
            // the first led to an award, and the minutes would show it open with no votes.
            var onOpenBallots = await db.SessionBallots.AsNoTracking()
                .Where(b => b.ClosedAt == null && shortlisted.Contains(b.ApplicationId)).Select(b => b.ApplicationId).ToListAsync(ct);
            shortlisted = shortlisted.Except(onOpenBallots).ToList();
            if (shortlisted.Count == 0)
                throw new DomainException("Every shortlisted application is already on the agenda of an open session: close its ballots first.");
            var scores = await CallScores.ComputeAsync(db, command.CallId, shortlisted, ct);
            var agenda = shortlisted.OrderBy(id => scores.ByApplication[id].Rank is > 0 and var r ? r : int.MaxValue).ToList();

            var session = new BoardSession(command.CallId, command.Date, command.Format, command.PresentTrusteeIds, clock.GetUtcNow());
            db.BoardSessions.Add(session);
            for (var i = 0; i < agenda.Count; i++) db.SessionBallots.Add(new SessionBallot(session.Id, agenda[i], i + 1));
            await db.SaveChangesAsync(ct);
            return session.Id;
        }
    }
}
