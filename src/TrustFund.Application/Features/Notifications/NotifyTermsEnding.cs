using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;

namespace TrustFund.Application.Features.Notifications;

/// <summary>The daily job's work: tell the administrators, once per term, that a trustee's term ends within 90 days.</summary>
public static class NotifyTermsEnding
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<int>;

    private static readonly NoticeText SeatToFill = new(
        "A trustee's term ends on {1:D}",
        "The term of {0} ({2}) on the Board of Trustees ends on {1:D}, in {3} days. Renew the term or appoint a successor.");

    private static readonly NoticeText SeatCovered = new(
        "A trustee's term ends on {1:D}",
        "The term of {0} ({2}) on the Board of Trustees ends on {1:D}, in {3} days. The seat is already filled from that day.");

    public sealed class Handler(IMediator mediator, Notifier notifier, Data.TrustFundDbContext db) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var sent = 0;
            // The regional group by its name in the reader's language ("African States"), not its code ("AFRICAN").
            var groups = await db.RegionalGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct);
            foreach (var term in await mediator.Send(new ListTermsEndingSoon.Query(), ct))
            {
                object group = groups.TryGetValue(term.RegionalGroupCode, out var name) ? name : term.RegionalGroupCode;
                sent += await notifier.NotifyUsersInRolesAsync([Roles.Admin], $"term-ending:{term.AppointmentId}",
                    term.SeatCovered ? SeatCovered : SeatToFill, "/admin/board",
                    [term.Name, term.Ends.ToDateTime(TimeOnly.MinValue), group, term.DaysLeft], ct);
            }
            await db.SaveChangesAsync(ct);
            return sent;
        }
    }
}
