using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Marks overdue every report not handed in by its due date, which holds the grant's instalments. Safe to run any
/// number of times; the scheduled-jobs work will run it daily.
/// </summary>
public static class MarkOverdueGrantReports
{
    public sealed record Command : ICommand<int>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken ct)
        {
            var today = clock.Today();
            var reports = await db.GrantReports
                .Where(r => (r.Status == GrantReportStatus.Scheduled || r.Status == GrantReportStatus.SentBack) && r.DueOn < today
                    && db.GrantAgreements.Any(g => g.Id == r.GrantId && g.Status == GrantStatus.Signed))
                .ToListAsync(ct);
            var marked = reports.Count(r => r.MarkOverdue(today));
            await db.SaveChangesAsync(ct);
            return marked;
        }
    }
}
