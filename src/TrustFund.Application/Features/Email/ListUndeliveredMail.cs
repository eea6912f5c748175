using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;

namespace TrustFund.Application.Features.Email;

/// <summary>
/// The mail the outbox has not delivered: refused for now and waiting for its next try, or given up (refused for
/// good, or three days of tries ran out), newest first, for an administrator to send again.
/// </summary>
public static class ListUndeliveredMail
{
    [Authorize(Roles.Admin)]
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Recipient, string Subject, DateTimeOffset WrittenAt, int Attempts, string? LastError,
        DateTimeOffset? GivenUpAt, DateTimeOffset? NextTryAt);

    /// <summary>Enough for a screen; an outage that strands more is one the administrator reads about in the logs first.</summary>
    public const int Shown = 200;

    public sealed class Handler(TrustFundDbContext db, NoticeMail notices) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.SentAt == null && (e.Attempts > 0 || e.GivenUpAt != null))
                .OrderByDescending(e => e.CreatedAt).Take(Shown)
                .Select(e => new { e.Id, e.To, e.Subject, e.NotificationId, e.Language, e.CreatedAt, e.Attempts, e.LastError, e.GivenUpAt, e.LockedUntil })
                .ToListAsync(ct);
            // A sweep's notice keeps its notification, not its text: its subject as its reader receives it.
            var rendered = await notices.RenderAsync(rows.Where(e => e.NotificationId is not null)
                .Select(e => new NoticeMail.Queued(e.Id, e.NotificationId!.Value, e.Language ?? "en")).ToList(), ct);
            return rows.Select(e => new Item(e.Id, e.To, rendered.GetValueOrDefault(e.Id)?.Subject ?? e.Subject, e.CreatedAt, e.Attempts, e.LastError,
                e.GivenUpAt, e.GivenUpAt == null ? e.LockedUntil : null)).ToList();
        }
    }
}
