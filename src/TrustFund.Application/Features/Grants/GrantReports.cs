using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Records that a grantee handed a report in. The report forms are another piece of work; until then the fund manager
/// records the receipt of a report sent by e-mail, so that it can be accepted.
/// </summary>
public static class RecordGrantReportSubmitted
{
    public sealed record Command(Guid ReportId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == command.ReportId, ct)
                ?? throw new NotFoundException("report", command.ReportId);
            report.Submit(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}

/// <summary>Accepts a submitted report; once the interim reports are all accepted, the instalments waiting for them become payment requests.</summary>
public static class AcceptGrantReport
{
    public sealed record Command(Guid ReportId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var grantId = await db.GrantReports.Where(r => r.Id == command.ReportId).Select(r => (Guid?)r.GrantId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("report", command.ReportId);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockGrantAsync(grantId, ct);
            var grant = await db.GrantAgreements.Include(g => g.Reports).SingleAsync(g => g.Id == grantId, ct);
            var now = clock.GetUtcNow();
            var actor = user.AsActor();
            grant.Reports.Single(r => r.Id == command.ReportId).Accept(now, actor.Name);
            await db.RequestDueInstalmentsAsync(grant, actor, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Unit.Value;
        }
    }
}

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
