using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>The secretariat sends a submitted report back to the grantee with what to change.</summary>
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

    private static readonly Messaging.NoticeText SentBack = new(
        "Report sent back: {0}",
        "The secretariat sent your report for grant {0} back:\n\n{1}\n\nCorrect it and submit it again.");

    public sealed class Handler(TrustFundDbContext db, Messaging.Notifier notifier, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == command.ReportId, ct)
                ?? throw new NotFoundException("report", command.ReportId);
            report.SendBack(command.Comment);
            // The grantee hears of it at once, in their language, with a link to the report (one notice per sending back).
            var grant = await db.GrantAgreements.AsNoTracking().Where(g => g.Id == report.GrantId)
                .Select(g => new { g.OrganisationId, g.ReferenceNumber }).SingleAsync(ct);
            var grantees = await db.GranteeRecipientsAsync(grant.OrganisationId, ct);
            await notifier.NotifyAsync(grantees, $"report-sent-back:{report.Id}:{clock.GetUtcNow().UtcTicks}", SentBack,
                $"/apply/reports/{report.Id}", [grant.ReferenceNumber, command.Comment.Trim()], ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
