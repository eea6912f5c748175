using TrustFund.Domain.Finance;
using TrustFund.Domain.Common;
using Mediator;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;

namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// On the first working day of each month (Vienna), send the certifying officers the obligations still open past
/// their grant's end date, for the periodic review the FRR asks for. Nothing is sent when there are none.
/// </summary>
public static class NotifyUnliquidatedObligations
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<int>;

    private static readonly NoticeText Texts = new(
        "{0} to review ({1:MMMM yyyy})",
        "{4}, {2} in all:\n{3}");

    public sealed class Handler(TrustFundDbContext db, IMediator mediator, Notifier notifier, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            if (today < JobCalendar.FirstWorkingDay(today.Year, today.Month)) return 0;
            var open = await mediator.Send(new ListUnliquidatedObligations.Query(today), ct);
            if (open.Count == 0) return 0;
            var lines = new NoticeLines("- {0} ({1}): {2}, ended {3:d}",
                open.Select(o => new object[] { o.ReferenceNumber, o.Grantee, Money.InUsd(o.OpenObligation), o.EndDate }).ToList());
            var sent = await notifier.NotifyUsersInRolesAsync([Roles.CertifyingOfficer], $"unliquidated:{today:yyyy-MM}", Texts,
                "/finance/obligations", [new Counted(open.Count, "{0} unliquidated obligation", "{0} unliquidated obligations"), today, Money.InUsd(open.Sum(o => o.OpenObligation)), lines,
                    new Counted(open.Count, "{0} grant obligation remains open past its grant's end date", "{0} grant obligations remain open past their grant's end date")], ct);
            await db.SaveChangesAsync(ct);
            return sent;
        }
    }
}
