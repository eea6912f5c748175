using FluentValidation;
using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>Saves the grantee's draft of a report (the form's save button and its 30-second autosave).</summary>
public static class SaveGrantReportDraft
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ReportId, uint? Version, NarrativeReport? Narrative, FinancialReport? Financial) : ICommand<Result>, IAboutGrantReport;
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
            // Property names are the report form's field names, so that each message shows next to its field.
            When(x => x.Narrative is not null, () =>
            {
                foreach (var (field, counts) in new (string, Func<Command, IReadOnlyList<ReportCount>>)[]
                         {
                             ("BySex", x => x.Narrative!.BySex), ("ByAgeGroup", x => x.Narrative!.ByAgeGroup),
                             ("ByNationality", x => x.Narrative!.ByNationality), ("ByForm", x => x.Narrative!.ByForm),
                             ("ByAssistance", x => x.Narrative!.ByAssistance),
                         })
                    RuleFor(x => counts(x)).Must(c => c.All(n => InputLimits.IsPeopleCount(n.Number))).OverridePropertyName(field)
                        .WithMessage("Enter a number of people from 0 to 1,000,000 in each cell.");
            });
            When(x => x.Financial is not null, () =>
                RuleForEach(x => x.Financial!.Lines).ChildRules(line => line.RuleFor(l => l.Spent)
                    .Must(spent => spent is not { } amount || InputLimits.IsAmount(amount)).WithMessage("Enter an amount from USD 0 to USD 100,000,000.00, in whole cents."))
                    .OverridePropertyName("Lines"));
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var (report, grant) = await db.OwnReport(user, command.ReportId, ct);
            if (command.Version is { } v) db.Entry(report).Property("xmin").OriginalValue = v;
            if (command.Narrative is { } narrative) report.SaveNarrative(narrative);
            // The budget columns always come from the agreement, never from the form. A line left empty stays empty
            // (null), so the draft opens again as it was typed; submitting asks for an amount on every line.
            if (command.Financial is { } financial)
                report.SaveFinancial(new FinancialReport(grant.Budget.Select((line, i) =>
                {
                    var entered = i < financial.Lines.Count ? financial.Lines[i] : null;
                    return new ExpenditureLine(line.Category, line.Description, line.Amount, entered?.Spent,
                        string.IsNullOrWhiteSpace(entered?.Explanation) ? null : entered.Explanation.Trim());
                }).ToList()));
            await db.SaveChangesAsync(ct);
            return new Result((uint)db.Entry(report).Property("xmin").CurrentValue!, clock.GetUtcNow());
        }
    }
}
