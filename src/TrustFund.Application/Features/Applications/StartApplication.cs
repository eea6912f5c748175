using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Opens the organisation's application to a call: the existing one if there is one (a second click, a second
/// colleague), otherwise a new draft prefilled from the organisation's profile. The applicant's page first asks the
/// eligibility questions (<see cref="Answers"/>): an answer that makes the organisation ineligible stops it here, with
/// the rule that applies, before anything is written (DOMAIN.md section 5).
/// </summary>
public static class StartApplication
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid CallId) : ICommand<Guid>
    {
        /// <summary>The answers to the eligibility questions; null where none were asked (the demo seeding, the tests' set-up).</summary>
        public Answers? Eligibility { get; init; }
    }

    /// <summary>
    /// The rules of DOMAIN.md section 5 an organisation can answer about itself in a minute, each as yes or no. The
    /// thresholds (years registered, years of assistance) are the call's. Field names are the page's.
    /// </summary>
    public sealed class Answers
    {
        public bool? NonProfitRegisteredInCountry { get; set; }
        public bool? RegisteredLongEnough { get; set; }
        public bool? AssistsVictimsLongEnough { get; set; }
        public bool? BankAccountInOrganisationName { get; set; }
        public bool? HasPseaMeasures { get; set; }
        public bool? DirectlyResponsible { get; set; }
    }

    /// <summary>Each question's field, its answer, and what to say when it is left unanswered (each its own words, so the error summary's links differ).</summary>
    public static readonly (string Name, Func<Answers, bool?> Answer, string Unanswered)[] Questions =
    [
        (nameof(Answers.NonProfitRegisteredInCountry), a => a.NonProfitRegisteredInCountry,
            "Say whether your organisation is a non-profit registered in the country of the project."),
        (nameof(Answers.RegisteredLongEnough), a => a.RegisteredLongEnough,
            "Say whether your organisation was registered long enough before the cut-off date."),
        (nameof(Answers.AssistsVictimsLongEnough), a => a.AssistsVictimsLongEnough,
            "Say whether your organisation has assisted victims of trafficking long enough."),
        (nameof(Answers.BankAccountInOrganisationName), a => a.BankAccountInOrganisationName,
            "Say whether your organisation has a bank account in its own name."),
        (nameof(Answers.HasPseaMeasures), a => a.HasPseaMeasures,
            "Say whether your organisation has measures against sexual exploitation and abuse."),
        (nameof(Answers.DirectlyResponsible), a => a.DirectlyResponsible,
            "Say whether your organisation will carry out the project itself."),
    ];

    /// <summary>
    /// Why the answers do not let the organisation start: each "no" with the rule it breaks (then the questions left
    /// unanswered do not matter: the organisation cannot apply whatever they say), else each question left unanswered.
    /// </summary>
    private static List<ValidationFailure> Refusals(Answers answers, Domain.Calls.Call call)
    {
        var ineligible = Ineligible(answers, call).ToList();
        return ineligible.Count > 0 ? ineligible
            : Questions.Where(q => q.Answer(answers) is null).Select(q => new ValidationFailure(q.Name, q.Unanswered)).ToList();
    }

    /// <summary>Why each "no" makes the organisation ineligible for this call, as a catalogue text and its values.</summary>
    private static IEnumerable<ValidationFailure> Ineligible(Answers answers, Domain.Calls.Call call)
    {
        ValidationFailure Because(string field, string rule, params object[] arguments) =>
            new(field, rule) { CustomState = arguments };
        if (answers.NonProfitRegisteredInCountry == false)
            yield return Because(nameof(Answers.NonProfitRegisteredInCountry),
                "The fund gives grants only to non-profit organisations registered in the country where the project takes place.");
        if (answers.RegisteredLongEnough == false)
            yield return Because(nameof(Answers.RegisteredLongEnough),
                "This call is open only to organisations registered at least {0} before {1}.",
                new Counted(call.Eligibility.MinYearsRegistered, "{0} year", "{0} years"), call.RegistrationCutOff);
        if (answers.AssistsVictimsLongEnough == false)
            yield return Because(nameof(Answers.AssistsVictimsLongEnough),
                "This call is open only to organisations with at least {0} of direct assistance to victims of trafficking.",
                new Counted(call.Eligibility.MinYearsOfAssistance, "{0} year", "{0} years"));
        if (answers.BankAccountInOrganisationName == false)
            yield return Because(nameof(Answers.BankAccountInOrganisationName),
                "Grants are paid only into a bank account in the organisation's own name.");
        if (answers.HasPseaMeasures == false)
            yield return Because(nameof(Answers.HasPseaMeasures),
                "The fund requires measures against sexual exploitation and abuse (PSEA) from every organisation it funds.");
        if (answers.DirectlyResponsible == false)
            yield return Because(nameof(Answers.DirectlyResponsible),
                "The fund gives grants only to organisations directly responsible for the project, not to intermediaries.");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var organisationId = user.OrganisationId
                ?? throw new DomainException("Only users of a registered organisation can apply.");
            var existing = await db.Applications.Where(a => a.CallId == command.CallId && a.OrganisationId == organisationId)
                .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            if (existing is { } id) return id;

            var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == command.CallId, ct) ?? throw new NotFoundException("call", command.CallId);
            if (command.Eligibility is { } answers && Refusals(answers, call) is { Count: > 0 } refusals)
                throw new ValidationException(refusals);
            await db.EnsureOpenToAsync(call, organisationId, ct);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, ct);
            var p = organisation.Profile;
            var application = new GrantApplication(call, organisationId, new OrganisationSection
            {
                LegalName = organisation.LegalName, CountryIso2 = organisation.CountryIso2, RegistrationNumber = p.RegistrationNumber,
                RegistrationDate = p.RegistrationDate, UnppPartnerId = p.UnppPartnerId, YearsOfDirectAssistance = p.YearsOfDirectAssistance,
                IsNonProfit = p.IsNonProfit, HasPseaPolicy = p.HasPseaPolicy, BankAccountInOrganisationName = p.BankAccountInOrganisationName,
                ContactName = p.ContactName, ContactEmail = p.ContactEmail,
            }, clock.GetUtcNow(), user.UserName);
            application.SaveProject(new ProjectSection { ImplementationCountryIso2 = organisation.CountryIso2 }, clock.GetUtcNow());
            db.Applications.Add(application);
            // The transaction goes on after a refused insert only from a savepoint (the pipeline makes none of its own).
            var transaction = db.Database.CurrentTransaction;
            if (transaction is not null) await transaction.CreateSavepointAsync(nameof(StartApplication), ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A colleague started it at the same moment: theirs is the one (the unique index let only one in).
                if (transaction is not null) await transaction.RollbackToSavepointAsync(nameof(StartApplication), ct);
                db.ChangeTracker.Clear();
                return await db.Applications.Where(a => a.CallId == command.CallId && a.OrganisationId == organisationId)
                    .Select(a => a.Id).SingleAsync(ct);
            }
            return application.Id;
        }
    }
}
