using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Messaging;

namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// Three days and one day before a board session (Vienna dates), remind each reviewer of the assessments they have
/// not completed for that call, and each trustee of the ballots they have not voted on. One notice per person per
/// stage, whatever the number of runs; a reviewer with nothing open hears nothing.
/// </summary>
public static class RemindReviewersAndVoters
{
    public sealed record Command : ICommand<int>;

    private static readonly Notifier.Texts Reviews = new(
        ("{0} assessment(s) to complete before the board meets on {1:d}", "You have {0} assessment(s) not yet completed for the board session of {1:d}, in {2} day(s)."),
        ("{0} évaluation(s) à terminer avant la réunion du Conseil du {1:d}", "Vous avez {0} évaluation(s) non terminée(s) pour la réunion du Conseil du {1:d}, dans {2} jour(s)."),
        ("{0} evaluación(es) por completar antes de la reunión de la Junta del {1:d}", "Tiene {0} evaluación(es) sin completar para la reunión de la Junta del {1:d}, dentro de {2} día(s)."));

    private static readonly Notifier.Texts Ballots = new(
        ("{0} ballot(s) awaiting your vote before {1:d}", "{0} application(s) on the agenda of the board session of {1:d} are waiting for your vote, in {2} day(s)."),
        ("{0} scrutin(s) en attente de votre vote avant le {1:d}", "{0} demande(s) à l'ordre du jour de la réunion du Conseil du {1:d} attendent votre vote, dans {2} jour(s)."),
        ("{0} votación(es) pendiente(s) de su voto antes del {1:d}", "{0} solicitud(es) del orden del día de la reunión de la Junta del {1:d} esperan su voto, dentro de {2} día(s)."));

    public sealed class Handler(TrustFundDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            var sessions = await db.BoardSessions.AsNoTracking().Where(s => s.Date >= today && s.Date <= today.AddDays(3)).ToListAsync(ct);
            // Collected first and sent in one go: a fixed number of queries, however many sessions and people.
            var notices = new List<(Guid UserId, string Key, Notifier.Texts Texts, string Link, object[] Arguments)>();
            foreach (var session in sessions)
            {
                var daysLeft = session.Date.DayNumber - today.DayNumber;
                var stage = daysLeft <= 1 ? 1 : 3;
                var date = session.Date.ToDateTime(TimeOnly.MinValue);

                var openReviews = await db.ReviewAssignments.AsNoTracking().Where(a => a.CallId == session.CallId)
                    .Where(a => !db.Assessments.Any(x => x.ApplicationId == a.ApplicationId && x.ReviewerUserId == a.ReviewerUserId && x.CompletedAt != null))
                    .GroupBy(a => a.ReviewerUserId).Select(g => new { Reviewer = g.Key, Count = g.Count() }).ToListAsync(ct);
                notices.AddRange(openReviews.Select(open => (open.Reviewer, $"review-reminder:{session.Id}:{open.Reviewer}:{stage}", Reviews,
                    "/review", new object[] { open.Count, date, daysLeft })));

                var ballots = await db.SessionBallots.AsNoTracking().Where(b => b.SessionId == session.Id && b.ClosedAt == null)
                    .Select(b => b.Id).ToListAsync(ct);
                var voted = await db.BoardVotes.AsNoTracking().Where(v => ballots.Contains(v.BallotId))
                    .GroupBy(v => v.TrusteeUserId).Select(g => new { Trustee = g.Key, Ballots = g.Select(v => v.BallotId).Distinct().Count() })
                    .ToDictionaryAsync(x => x.Trustee, x => x.Ballots, ct);
                foreach (var trustee in session.PresentTrusteeIds)
                {
                    var waiting = ballots.Count - voted.GetValueOrDefault(trustee);
                    if (waiting > 0)
                        notices.Add((trustee, $"ballot-reminder:{session.Id}:{trustee}:{stage}", Ballots, $"/board/sessions/{session.Id}",
                            [waiting, date, daysLeft]));
                }
            }
            var ids = notices.Select(n => n.UserId).Distinct().ToList();
            var people = await db.Users.Where(u => ids.Contains(u.Id))
                .Select(u => new Notifier.Recipient(u.Id, u.Email!, u.PreferredLanguage)).ToDictionaryAsync(r => r.UserId, ct);
            // The reminders are this job's only change, written in the command's transaction.
            var sent = await notifier.NotifyManyAsync(notices.Where(n => people.ContainsKey(n.UserId))
                .Select(n => new Notifier.Notice([people[n.UserId]], n.Key, n.Texts, n.Link, n.Arguments)).ToList(), ct);
            return sent;
        }
    }
}
