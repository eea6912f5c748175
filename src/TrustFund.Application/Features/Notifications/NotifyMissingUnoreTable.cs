using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;

namespace TrustFund.Application.Features.Notifications;

/// <summary>
/// On the first working day of each month (Vienna), tell finance if no UNORE rate has been entered for the month yet:
/// receipts in other currencies are refused until it is.
/// </summary>
public static class NotifyMissingUnoreTable
{
    [Authorize(Roles.System)]
    public sealed record Command : ICommand<int>;

    private static readonly NoticeText Texts = new(
        "The UNORE table for {0:MMMM yyyy} is missing",
        "No UN operational rate of exchange has been entered for {0:MMMM yyyy} yet. Receipts in other currencies cannot be recorded until the month's table is imported.");

    public sealed class Handler(TrustFundDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            var firstWorkingDay = JobCalendar.FirstWorkingDay(today.Year, today.Month);
            // From the first working day on (a run missed that day still reminds); the event key keeps it to once a month.
            if (today < firstWorkingDay) return 0;
            var monthStart = new DateOnly(today.Year, today.Month, 1);
            if (await db.UnoreRates.AnyAsync(r => r.EffectiveFrom >= monthStart && r.EffectiveFrom <= today, ct)) return 0;
            var sent = await notifier.NotifyUsersInRolesAsync([Roles.FundManager, Roles.CertifyingOfficer, Roles.ApprovingOfficer],
                $"unore-missing:{today:yyyy-MM}", Texts, "/fund/rates/import", [monthStart], ct);
            await db.SaveChangesAsync(ct);
            return sent;
        }
    }
}
