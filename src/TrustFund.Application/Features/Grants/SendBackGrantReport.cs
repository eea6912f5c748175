using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// The secretariat sends a submitted report back to the grantee with what to change; the report raises GrantReportSentBack,
/// and <see cref="GranteeReportNotice.TellReportSentBack"/> tells the grantee at once, in this transaction.
/// </summary>
public static class SendBackGrantReport
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ReportId, string Comment) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Comment).NotEmpty().WithMessage("Say what the grantee must change.")
                .MaximumLength(4000).WithMessage("The comment may be at most 4000 characters.");
        }
    }

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == command.ReportId, ct)
                ?? throw new NotFoundException("report", command.ReportId);
            report.SendBack(command.Comment);
            return Unit.Value;
        }
    }
}
