using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;

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
