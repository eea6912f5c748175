using FluentValidation;
using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Saves one or more steps of a draft: when the person moves on to the next step, and every 30 seconds while
/// they type. The version makes a save over a colleague's newer save fail loudly instead of overwriting it.
/// </summary>
public static class SaveDraft
{
    public sealed record Command(Guid ApplicationId, uint Version) : ICommand<Result>
    {
        public OrganisationSection? Organisation { get; init; }
        public ProjectSection? Project { get; init; }
        public IReadOnlyList<BeneficiaryTarget>? Beneficiaries { get; init; }
        public IReadOnlyList<BudgetLine>? Budget { get; init; }
        public PartnerDeclaration? Declaration { get; init; }
    }

    public sealed record Result(uint Version, DateTimeOffset SavedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            When(x => x.Organisation is not null, () =>
            {
                RuleFor(x => x.Organisation!.LegalName).MaximumLength(300);
                RuleFor(x => x.Organisation!.YearsOfDirectAssistance).InclusiveBetween(0, 200).WithMessage("Enter a number of years between 0 and 200.");
                RuleFor(x => x.Organisation!.ContactEmail).EmailAddress().WithMessage("Enter a valid e-mail address.")
                    .When(x => !string.IsNullOrWhiteSpace(x.Organisation!.ContactEmail));
            });
            When(x => x.Project is not null, () =>
            {
                RuleFor(x => x.Project!.Title).MaximumLength(300);
                RuleFor(x => x.Project!.EndDate).GreaterThanOrEqualTo(x => x.Project!.StartDate)
                    .When(x => x.Project!.StartDate is not null && x.Project!.EndDate is not null)
                    .WithMessage("The project must end after it starts.");
            });
            RuleForEach(x => x.Beneficiaries).Must(b => b.Count >= 0).WithMessage("Beneficiary counts cannot be negative.");
            RuleForEach(x => x.Budget).Must(l => l.Amount >= 0).WithMessage("Budget amounts cannot be negative.")
                .Must(l => decimal.Round(l.Amount, 2) == l.Amount).WithMessage("Amounts have at most two decimals (cents).");
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var application = await db.OwnForUpdate(user, command.ApplicationId, command.Version, ct);
            var now = clock.GetUtcNow();
            if (command.Organisation is { } organisation) application.SaveOrganisation(organisation, now);
            if (command.Project is { } project) application.SaveProject(project, now);
            if (command.Beneficiaries is { } beneficiaries) application.SaveBeneficiaries(beneficiaries, now);
            if (command.Budget is { } budget) application.SaveBudget(budget, now);
            if (command.Declaration is { } declaration) application.SaveDeclaration(declaration, now);
            await db.SaveChangesAsync(ct);
            return new Result((uint)db.Entry(application).Property("xmin").CurrentValue!, now);
        }
    }
}
