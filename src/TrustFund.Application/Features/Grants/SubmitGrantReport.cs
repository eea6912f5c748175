using FluentValidation;
using FluentValidation.Results;
using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Grants;

/// <summary>The grantee submits its report: refused, field by field, while totals disagree or a large variance is unexplained.</summary>
public static class SubmitGrantReport
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ReportId) : ICommand<Unit>, IAboutGrantReport;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var (report, _) = await db.OwnReport(user, command.ReportId, ct);
            var problems = report.ContentProblems();
            if (problems.Count > 0) throw new ValidationException(problems.Select(p => new ValidationFailure(p.Field, p.Message)
            {
                FormattedMessagePlaceholderValues = p.Arguments.Select((a, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), a)).ToDictionary(),
            }));
            report.Submit(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
