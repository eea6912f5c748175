using FluentValidation;
using Mediator;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Saves one or more steps of a draft: when the person moves on to the next step, and every 30 seconds while
/// they type. The version makes a save over a colleague's newer save fail loudly instead of overwriting it.
/// </summary>
public static class SaveDraft
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ApplicationId, uint Version) : ICommand<Result>, IAboutApplication
    {
        public OrganisationSection? Organisation { get; init; }
        public ProjectSection? Project { get; init; }
        public IReadOnlyList<BeneficiaryTarget>? Beneficiaries { get; init; }
        public IReadOnlyList<BudgetLine>? Budget { get; init; }
        public PartnerDeclaration? Declaration { get; init; }
    }

    public sealed record Result(uint Version, DateTimeOffset SavedAt);

    /// <summary>A long answer is welcome; a 100 KB paste into one box is not, and would swell every page and PDF of the draft.</summary>
    public const int MaxNarrativeLength = 20_000;

    // Property names are the form's field names, so that each message shows next to its field.
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            When(x => x.Organisation is not null, () =>
            {
                RuleFor(x => x.Organisation!.LegalName).AtMost(300, "Legal name of the organisation");
                RuleFor(x => x.Organisation!.CountryIso2).MaximumLength(2).WithMessage("Choose a country from the list.");
                RuleFor(x => x.Organisation!.YearsOfDirectAssistance).InclusiveBetween(0, 200).WithMessage("Enter a number of years between 0 and 200.");
                RuleFor(x => x.Organisation!.RegistrationDate).Must(InputLimits.IsInDateWindow)
                    .WithMessage("Enter a date between 1 January 1900 and 31 December 2100.")
                    .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date of registration cannot be in the future.");
                RuleFor(x => x.Organisation!.ContactEmail).EmailAddress().WithMessage("Enter a valid e-mail address.")
                    .When(x => !string.IsNullOrWhiteSpace(x.Organisation!.ContactEmail));
                RuleFor(x => x.Organisation!.RegistrationNumber).AtMost(200, "Registration number");
                RuleFor(x => x.Organisation!.UnppPartnerId).AtMost(200, "UN Partner Portal (UNPP) Partner ID");
                RuleFor(x => x.Organisation!.ContactName).AtMost(200, "Contact person");
                RuleFor(x => x.Organisation!.ContactEmail).AtMost(200, "Contact e-mail address");
            });
            When(x => x.Project is not null, () =>
            {
                RuleFor(x => x.Project!.Title).AtMost(300, "Project title");
                RuleFor(x => x.Project!.ImplementationCountryIso2).MaximumLength(2).WithMessage("Choose a country from the list.");
                RuleFor(x => x.Project!.Context).AtMost(MaxNarrativeLength, "Context and needs");
                RuleFor(x => x.Project!.Objectives).AtMost(MaxNarrativeLength, "Objectives");
                RuleFor(x => x.Project!.Activities).AtMost(MaxNarrativeLength, "Activities");
                RuleFor(x => x.Project!.WorkPlan).AtMost(MaxNarrativeLength, "Work plan");
                RuleFor(x => x.Project!.Risks).AtMost(MaxNarrativeLength, "Risks and how you will manage them");
                RuleFor(x => x.Project!.SurvivorInvolvement).AtMost(MaxNarrativeLength, "How survivors take part in the project");
                RuleFor(x => x.Project!.StartDate).Must(InputLimits.IsInDateWindow).WithMessage("Enter a date between 1 January 1900 and 31 December 2100.");
                RuleFor(x => x.Project!.EndDate).Must(InputLimits.IsInDateWindow).WithMessage("Enter a date between 1 January 1900 and 31 December 2100.");
                RuleFor(x => x.Project!.EndDate).GreaterThanOrEqualTo(x => x.Project!.StartDate)
                    .When(x => x.Project!.StartDate is not null && x.Project!.EndDate is not null)
                    .WithMessage("The project must end after it starts.");
            });
            RuleForEach(x => x.Beneficiaries).Must(b => InputLimits.IsPeopleCount(b.Count)).OverridePropertyName("Beneficiaries")
                .WithMessage("Enter a number of people from 0 to 1,000,000 in each cell.");
            // Empty lines of the form are posted too (the entity drops them); only lines with something in them count.
            RuleFor(x => x.Budget!.Count(l => l.Amount != 0 || !string.IsNullOrWhiteSpace(l.Description)))
                .LessThanOrEqualTo(InputLimits.MaxBudgetLines).When(x => x.Budget is not null)
                .OverridePropertyName("Budget").WithMessage("A budget has at most 100 lines.");
            RuleForEach(x => x.Budget).ChildRules(line =>
            {
                line.RuleFor(l => l.Category).IsInEnum().WithMessage("Choose a budget category from the list.");
                line.RuleFor(l => l.Description).AtMost(500, "Description");
                line.RuleFor(l => l.Amount).Must(InputLimits.IsAmount).WithMessage("Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.");
            });
            When(x => x.Declaration is not null, () =>
            {
                RuleFor(x => x.Declaration!.SignatoryName).AtMost(200, "Name of the person signing");
                RuleFor(x => x.Declaration!.SignatoryTitle).AtMost(200, "Position");
            });
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var application = await db.OwnForUpdate(user, command.ApplicationId, command.Version, ct);
            // Only codes the draft does not hold yet are looked up: what it holds passed this check when it was saved, and
            // the 30-second autosave nearly always posts the same country again.
            var codes = await new ReferenceCodeCheck(db).Country(Changed(command.Organisation?.CountryIso2, application.Organisation.CountryIso2),
                "Organisation.CountryIso2", ct);
            await codes.Country(Changed(command.Project?.ImplementationCountryIso2, application.Project.ImplementationCountryIso2),
                "Project.ImplementationCountryIso2", ct);
            await codes.FormsOfExploitation((command.Beneficiaries ?? []).Select(b => b.FormOfExploitationCode)
                .Except(application.Beneficiaries.Select(b => b.FormOfExploitationCode)), "Beneficiaries", ct);
            codes.ThrowIfAnyUnknown();

            var now = clock.GetUtcNow();
            if (command.Organisation is { } organisation) application.SaveOrganisation(organisation, now);
            if (command.Project is { } project) application.SaveProject(project, now);
            if (command.Beneficiaries is { } beneficiaries) application.SaveBeneficiaries(beneficiaries, now);
            if (command.Budget is { } budget) application.SaveBudget(budget, now);
            if (command.Declaration is { } declaration) application.SaveDeclaration(declaration, now);
            await db.SaveChangesAsync(ct);
            return new Result((uint)db.Entry(application).Property("xmin").CurrentValue!, now);
        }

        private static string? Changed(string? posted, string? held) => posted == held ? null : posted;
    }
}
