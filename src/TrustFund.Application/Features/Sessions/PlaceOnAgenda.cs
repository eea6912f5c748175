using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.Application.Features.Sessions;

/// <summary>
/// The secretariat moves a shortlist onto a coming board session's agenda in one step: each ticked application not
/// yet shortlisted is shortlisted (the applicant told, with one message for all), and each gets a ballot at the end of
/// the agenda, in ranking order. An application already on an open ballot, of this session or another, is skipped: it
/// sits on one open agenda at a time (see <see cref="CreateBoardSession"/>). <see cref="Preview"/> says what would
/// happen to each; <see cref="Command"/> does it, each change audited on its own.
/// </summary>
public static class PlaceOnAgenda
{
    public interface IPlacement
    {
        Guid CallId { get; }
        Guid SessionId { get; }
        IReadOnlyList<Guid> ApplicationIds { get; }
        string Message { get; }
    }

    [Authorize(Roles.FundManager)]
    public sealed record Preview(Guid CallId, Guid SessionId, IReadOnlyList<Guid> ApplicationIds, string Message) : IQuery<Result>, IPlacement;

    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId, Guid SessionId, IReadOnlyList<Guid> ApplicationIds, string Message) : ICommand<Result>, IPlacement;

    public enum Outcome
    {
        ShortlistedAndPlaced,
        Placed,
        SkippedOnAnAgenda,
        SkippedNotSelectable,
    }

    /// <summary><paramref name="Position"/> on the agenda when placed; <paramref name="OnAgendaOf"/> the date of the session whose open ballot holds it.</summary>
    public sealed record Item(Guid ApplicationId, string ReferenceNumber, string Organisation, ApplicationStatus Status, Outcome Outcome,
        int? Position, DateOnly? OnAgendaOf);

    public sealed record Result(DateOnly SessionDate, IReadOnlyList<Item> Items)
    {
        public int Placed => Items.Count(i => i.Position is not null);
    }

    /// <summary>Statuses a ticked application may be shortlisted from (the domain's own rule, <see cref="GrantApplication.Shortlist"/>), or already has.</summary>
    private static readonly ApplicationStatus[] Selectable =
        [ApplicationStatus.UnderReview, ApplicationStatus.ReserveList, ApplicationStatus.NotSelected, ApplicationStatus.Shortlisted];

    public sealed class Rules : AbstractValidator<IPlacement>
    {
        public Rules()
        {
            RuleFor(x => x.SessionId).NotEmpty().WithMessage("Choose the session.");
            RuleFor(x => x.ApplicationIds).NotEmpty().WithMessage("Tick at least one application.")
                .Must(ids => ids.Count <= 500).WithMessage("Assign at most 500 applications at once.");
            RuleFor(x => x.Message).AtMost(4000, "Message to the applicants shortlisted now");
        }
    }

    public sealed class PreviewValidator : AbstractValidator<Preview>
    {
        public PreviewValidator() => Include(new Rules());
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new Rules());
    }

    public sealed class PreviewHandler(TrustFundDbContext db, TimeProvider clock) : IQueryHandler<Preview, Result>
    {
        public async ValueTask<Result> Handle(Preview query, CancellationToken ct) =>
            (await PlanAsync(db, clock, query, db.Applications.AsNoTracking(), ct)).Result;
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var (result, applications) = await PlanAsync(db, clock, command, db.Applications, ct);
            var now = clock.GetUtcNow();
            foreach (var item in result.Items.Where(i => i.Position is not null))
            {
                var application = applications[item.ApplicationId];
                // Shortlisting raises ApplicationDecided: ApplicantDecisionNotice tells the applicant, with the message.
                if (item.Outcome == Outcome.ShortlistedAndPlaced) application.Shortlist(now, user.UserName, command.Message.Trim());
                db.SessionBallots.Add(new SessionBallot(command.SessionId, application.Id, item.Position!.Value));
            }
            return result;
        }
    }

    private static async Task<(Result Result, Dictionary<Guid, GrantApplication> Applications)> PlanAsync(TrustFundDbContext db, TimeProvider clock,
        IPlacement request, IQueryable<GrantApplication> source, CancellationToken ct)
    {
        var session = await db.BoardSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SessionId && s.CallId == request.CallId, ct)
            ?? throw new NotFoundException("session", request.SessionId);
        if (session.Date < FundCalendar.Today(clock))
            throw new DomainException("This session has taken place: choose a coming one, or open a new session.");
        var ids = request.ApplicationIds.Distinct().ToList();
        var applications = await source.Where(a => ids.Contains(a.Id) && a.CallId == request.CallId).ToDictionaryAsync(a => a.Id, ct);
        var organisationIds = applications.Values.Select(a => a.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.LegalName, ct);
        var onAgenda = (await (from b in db.SessionBallots.AsNoTracking()
                               join s in db.BoardSessions on b.SessionId equals s.Id
                               where b.ClosedAt == null && ids.Contains(b.ApplicationId)
                               select new { b.ApplicationId, s.Date }).ToListAsync(ct))
            .GroupBy(b => b.ApplicationId).ToDictionary(g => g.Key, g => g.Min(b => b.Date));
        var scores = await CallScores.ComputeAsync(db, request.CallId, applications.Keys.ToList(), ct);
        var next = (await db.SessionBallots.Where(b => b.SessionId == session.Id).MaxAsync(b => (int?)b.Position, ct) ?? 0) + 1;

        // Placed in ranking order (unranked last), as the agenda of a new session is; the skipped ones after them.
        var items = new List<Item>();
        foreach (var a in applications.Values.OrderBy(a => scores.ByApplication.TryGetValue(a.Id, out var s) && s.Rank > 0 ? s.Rank : int.MaxValue)
                     .ThenBy(a => a.ReferenceNumber, StringComparer.Ordinal))
        {
            var organisation = organisations.GetValueOrDefault(a.OrganisationId, "");
            var (outcome, position, date) = onAgenda.TryGetValue(a.Id, out var on) ? (Outcome.SkippedOnAnAgenda, (int?)null, (DateOnly?)on)
                : !Selectable.Contains(a.Status) ? (Outcome.SkippedNotSelectable, null, null)
                : (a.Status == ApplicationStatus.Shortlisted ? Outcome.Placed : Outcome.ShortlistedAndPlaced, next++, null);
            items.Add(new Item(a.Id, a.ReferenceNumber ?? "", organisation, a.Status, outcome, position, date));
        }
        items.AddRange(ids.Where(id => !applications.ContainsKey(id))
            .Select(id => new Item(id, "", "", ApplicationStatus.Draft, Outcome.SkippedNotSelectable, null, null)));
        items = items.OrderBy(i => i.Position ?? int.MaxValue).ToList();
        if (items.Any(i => i.Outcome == Outcome.ShortlistedAndPlaced) && string.IsNullOrWhiteSpace(request.Message))
            throw new ValidationException([new ValidationFailure(nameof(IPlacement.Message), "Write the message the applicants shortlisted now will read.")]);
        return (new Result(session.Date, items), applications);
    }
}
