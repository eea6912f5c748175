using TrustFund.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;

namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// Three days and one day before a board session (Vienna dates), remind each reviewer of the assessments they have
/// not completed for that call, and each trustee of the ballots they have not voted on: one message per person per run,
/// however many sessions are coming (two sessions once meant two identical e-mails), counting what that person may do:
/// an application they are recused from is neither an assessment to complete nor a ballot to vote on. Only sessions
/// still to come count (not one held today). One notice per person per stage, whatever the number of runs; someone
/// with nothing open hears nothing.
/// </summary>
public static class RemindReviewersAndVoters
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<int>;

    private static readonly NoticeText Reminder = new(
        "Before the board meets on {0:d}: {1}, {2}",
        "The board meets on {0:d}, in {3}. You have {1} and {2}.");

    public sealed class Handler(TrustFundDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            var sessions = await db.BoardSessions.AsNoTracking().Where(s => s.Date > today && s.Date <= today.AddDays(3))
                .OrderBy(s => s.Date).ThenBy(s => s.CreatedAt).ToListAsync(ct);
            if (sessions.Count == 0) return 0;
            var callIds = sessions.Select(s => s.CallId).Distinct().ToList();
            var sessionIds = sessions.Select(s => s.Id).ToList();

            // Each person's open items, once each however many sessions share them; recused applications left out.
            var recused = (await db.Recusals().Select(r => new { r.ReviewerUserId, r.ApplicationId }).ToListAsync(ct))
                .Select(r => (r.ReviewerUserId, r.ApplicationId)).ToHashSet();
            var openReviews = (await db.ReviewAssignments.AsNoTracking().Where(a => callIds.Contains(a.CallId))
                    .Where(a => !db.Assessments.Any(x => x.ApplicationId == a.ApplicationId && x.ReviewerUserId == a.ReviewerUserId && x.CompletedAt != null))
                    .Select(a => new { a.ReviewerUserId, a.ApplicationId, a.CallId }).ToListAsync(ct))
                .Where(a => !recused.Contains((a.ReviewerUserId, a.ApplicationId))).DistinctBy(a => (a.ReviewerUserId, a.ApplicationId)).ToList();
            var ballots = await db.SessionBallots.AsNoTracking().Where(b => sessionIds.Contains(b.SessionId) && b.ClosedAt == null)
                .Select(b => new { b.Id, b.SessionId, b.ApplicationId }).ToListAsync(ct);
            var ballotIds = ballots.Select(b => b.Id).ToList();
            var voted = (await db.BoardVotes.AsNoTracking().Where(v => ballotIds.Contains(v.BallotId))
                .Select(v => new { v.TrusteeUserId, v.BallotId }).Distinct().ToListAsync(ct)).Select(v => (v.TrusteeUserId, v.BallotId)).ToHashSet();
            var openBallots = sessions.SelectMany(s => s.PresentTrusteeIds.SelectMany(trustee => ballots
                    .Where(b => b.SessionId == s.Id && !voted.Contains((trustee, b.Id)) && !recused.Contains((trustee, b.ApplicationId)))
                    .Select(b => (Trustee: trustee, Ballot: b.Id, Session: s))))
                .ToList();

            var notices = new List<(Guid UserId, string Key, string Link, object[] Arguments)>();
            foreach (var person in openReviews.Select(r => r.ReviewerUserId).Concat(openBallots.Select(b => b.Trustee)).Distinct())
            {
                var reviews = openReviews.Where(r => r.ReviewerUserId == person).ToList();
                var waiting = openBallots.Where(b => b.Trustee == person).ToList();
                // The nearest session that concerns this person dates the message and its stage.
                var session = sessions.First(s => waiting.Any(b => b.Session.Id == s.Id) || reviews.Any(r => r.CallId == s.CallId));
                var daysLeft = session.Date.DayNumber - today.DayNumber;
                var stage = daysLeft <= 1 ? 1 : 3;
                notices.Add((person, $"board-reminder:{session.Id}:{person}:{stage}",
                    waiting.Count > 0 ? $"/board/sessions/{waiting[0].Session.Id}" : "/review",
                    [session.Date.ToDateTime(TimeOnly.MinValue),
                        new Counted(reviews.Count, "{0} assessment not yet completed", "{0} assessments not yet completed"),
                        new Counted(waiting.Select(b => b.Ballot).Distinct().Count(), "{0} ballot awaiting your vote", "{0} ballots awaiting your vote"),
                        new Counted(daysLeft, "{0} day", "{0} days")]));
            }
            var ids = notices.Select(n => n.UserId).ToList();
            var people = await db.Users.Where(u => ids.Contains(u.Id))
                .Select(u => new Notifier.Recipient(u.Id, u.Email!, u.PreferredLanguage)).ToDictionaryAsync(r => r.UserId, ct);
            // The reminders are this job's only change, written in the command's transaction.
            var sent = await notifier.NotifyManyAsync(notices.Where(n => people.ContainsKey(n.UserId))
                .Select(n => new Notifier.Notice([people[n.UserId]], n.Key, Reminder, n.Link, n.Arguments)).ToList(), ct);
            return sent;
        }
    }
}
