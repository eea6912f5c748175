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

    private static readonly Notifier.Texts Texts = new(
        ("{0} unliquidated obligations to review ({1})", "{0} grant obligations remain open past their grant's end date, USD {2:N2} in all:\n{3}"),
        ("{0} engagements non liquidés à examiner ({1})", "{0} engagements restent ouverts après la date de fin de leur subvention, {2:N2} USD au total :\n{3}"),
        ("{0} obligaciones sin liquidar por examinar ({1})", "{0} obligaciones siguen abiertas después de la fecha de finalización de su subvención, {2:N2} USD en total:\n{3}"));

    public sealed class Handler(TrustFundDbContext db, IMediator mediator, Notifier notifier, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var today = JobCalendar.Today(clock);
            if (today < JobCalendar.FirstWorkingDay(today.Year, today.Month)) return 0;
            var open = await mediator.Send(new ListUnliquidatedObligations.Query(today), ct);
            if (open.Count == 0) return 0;
            var lines = string.Join("\n", open.Select(o => $"- {o.ReferenceNumber} ({o.Grantee}): USD {o.OpenObligation:N2}, ended {o.EndDate:yyyy-MM-dd}"));
            var sent = await notifier.NotifyUsersInRolesAsync([Roles.CertifyingOfficer], $"unliquidated:{today:yyyy-MM}", Texts,
                "/finance/obligations", [open.Count, $"{today:yyyy-MM}", open.Sum(o => o.OpenObligation), lines], ct);
            await db.SaveChangesAsync(ct);
            return sent;
        }
    }
}
