using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>A grantee reaches only the reports of its own organisation's signed grants; anything else is "not found".</summary>
internal static class GranteeReportAccess
{
    public static async Task<(GrantReport Report, GrantAgreement Grant)> OwnReport(this TrustFundDbContext db, ICurrentUser user, Guid id,
        CancellationToken ct)
    {
        var organisationId = user.OrganisationId ?? throw new NotFoundException("report", id);
        var report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("report", id);
        var grant = await db.GrantAgreements.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Id == report.GrantId && g.OrganisationId == organisationId && g.Status != GrantStatus.Draft, ct)
            ?? throw new NotFoundException("report", id);
        return (report, grant);
    }
}

/// <summary>The NGO home's list: reports of its grants still to hand in (upcoming, overdue or sent back), earliest first.</summary>
public static class ListMyGrantReports
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;
    public sealed record Item(Guid Id, string GrantReference, GrantReportKind Kind, DateOnly DueOn, GrantReportStatus Status);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            if (user.OrganisationId is not { } organisationId) return [];
            return await db.GrantReports.AsNoTracking()
                .Where(r => r.Status != GrantReportStatus.Accepted)
                .Join(db.GrantAgreements.Where(g => g.OrganisationId == organisationId && g.Status == GrantStatus.Signed),
                    r => r.GrantId, g => g.Id, (r, g) => new { r.Id, g.ReferenceNumber, r.Kind, r.DueOn, r.Status })
                .OrderBy(i => i.DueOn).ThenBy(i => i.Kind)
                .Select(i => new Item(i.Id, i.ReferenceNumber, i.Kind, i.DueOn, i.Status))
                .ToListAsync(ct);
        }
    }
}

/// <summary>One report with what its form needs. The grantee's pages ask with <c>OwnOrganisationOnly</c>; staff pages without.</summary>
public static class GetGrantReport
{
    public sealed record Query(Guid Id, bool OwnOrganisationOnly) : IQuery<Result>;
    public sealed record Result(GrantReport Report, Guid GrantId, string GrantReference, IReadOnlyList<GrantBudgetLine> Budget, uint Version);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            GrantReport report;
            GrantAgreement grant;
            if (query.OwnOrganisationOnly) (report, grant) = await db.OwnReport(user, query.Id, ct);
            else
            {
                report = await db.GrantReports.SingleOrDefaultAsync(r => r.Id == query.Id, ct) ?? throw new NotFoundException("report", query.Id);
                grant = await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Id == report.GrantId, ct);
            }
            return new Result(report, grant.Id, grant.ReferenceNumber, grant.Budget, (uint)db.Entry(report).Property("xmin").CurrentValue!);
        }
    }
}

/// <summary>Saves the grantee's draft of a report (the form's save button and its 30-second autosave).</summary>
public static class SaveGrantReportDraft
{
    public sealed record Command(Guid ReportId, uint? Version, NarrativeReport? Narrative, FinancialReport? Financial) : ICommand<Result>;
    public sealed record Result(uint Version, DateTimeOffset SavedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Narrative!.CaseStories.Count).LessThanOrEqualTo(NarrativeReport.MaxCaseStories)
                .When(x => x.Narrative is not null).WithMessage("Tell at most ten case stories.");
            RuleForEach(x => x.Narrative!.CaseStories).MaximumLength(4000)
                .When(x => x.Narrative is not null).WithMessage("A case story may be at most 4000 characters.");
            RuleFor(x => x.Narrative!.Activities.Length + x.Narrative!.Challenges.Length).LessThanOrEqualTo(40_000)
                .When(x => x.Narrative is not null).WithMessage("The activities and challenges may be at most 40 000 characters together.");
            RuleForEach(x => x.Financial!.Lines).Must(l => decimal.Round(l.Spent, 2) == l.Spent)
                .When(x => x.Financial is not null).WithMessage("Amounts have at most two decimals (cents).");
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var (report, grant) = await db.OwnReport(user, command.ReportId, ct);
            if (command.Version is { } v) db.Entry(report).Property("xmin").OriginalValue = v;
            if (command.Narrative is { } narrative) report.SaveNarrative(narrative);
            // The budget columns always come from the agreement, never from the form.
            if (command.Financial is { } financial)
                report.SaveFinancial(new FinancialReport(grant.Budget.Select((line, i) =>
                {
                    var entered = i < financial.Lines.Count ? financial.Lines[i] : null;
                    return new ExpenditureLine(line.Category, line.Description, line.Amount, entered?.Spent ?? 0,
                        string.IsNullOrWhiteSpace(entered?.Explanation) ? null : entered.Explanation.Trim());
                }).ToList()));
            await db.SaveChangesAsync(ct);
            return new Result((uint)db.Entry(report).Property("xmin").CurrentValue!, clock.GetUtcNow());
        }
    }
}

/// <summary>The grantee submits its report: refused, field by field, while totals disagree or a large variance is unexplained.</summary>
public static class SubmitGrantReport
{
    public sealed record Command(Guid ReportId) : ICommand<Unit>;

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

/// <summary>The secretariat sends a submitted report back to the grantee with what to change.</summary>
public static class SendBackGrantReport
{
    public sealed record Command(Guid ReportId, string Comment) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Comment).NotEmpty().WithMessage("Say what the grantee must change.")
                .MaximumLength(4000).WithMessage("The comment may be at most 4000 characters.");
        }
    }

    private static readonly Messaging.Notifier.Texts SentBack = new(
        ("Report sent back: {0}", "The secretariat sent your report for grant {0} back:\n\n{1}\n\nCorrect it and submit it again."),
        ("Rapport renvoyé : {0}", "Le secrétariat vous a renvoyé votre rapport pour la subvention {0} :\n\n{1}\n\nCorrigez-le et soumettez-le de nouveau."),
        ("Informe devuelto: {0}", "La secretaría le devolvió su informe de la subvención {0}:\n\n{1}\n\nCorríjalo y vuelva a presentarlo."));

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
            var grantees = await db.Users.Where(u => u.OrganisationId == grant.OrganisationId && u.EmailConfirmed)
                .Select(u => new Messaging.Notifier.Recipient(u.Id, u.Email!, u.PreferredLanguage)).ToListAsync(ct);
            await notifier.NotifyAsync(grantees, $"report-sent-back:{report.Id}:{clock.GetUtcNow().UtcTicks}", SentBack,
                $"/apply/reports/{report.Id}", [grant.ReferenceNumber, command.Comment.Trim()], ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
