using TrustFund.Domain.Finance;
using System.Globalization;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications;

/// <summary>
/// An NGO's application to one call. A draft may be incomplete and is saved step by step; submission checks it
/// as a whole, against the call's deadline to the second.
/// </summary>
public sealed class GrantApplication : Entity
{
    private GrantApplication() { }

    public GrantApplication(Call call, Guid organisationId, OrganisationSection organisation, DateTimeOffset now, string? by)
    {
        if (!call.IsOpenAt(now)) throw new DomainException("This call is not open for applications.");
        CallId = call.Id;
        OrganisationId = organisationId;
        Organisation = organisation;
        CreatedAt = UpdatedAt = now;
        History = [new StatusChange(ApplicationStatus.Draft, now, by, null)];
    }

    public Guid CallId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public string? ReferenceNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    public OrganisationSection Organisation { get; private set; } = new();
    public ProjectSection Project { get; private set; } = new();
    public List<BeneficiaryTarget> Beneficiaries { get; private set; } = [];
    public List<BudgetLine> Budget { get; private set; } = [];
    public PartnerDeclaration Declaration { get; private set; } = new();
    public List<EligibilityCheck> EligibilityChecks { get; private set; } = [];
    public string? EligibilityReason { get; private set; }

    /// <summary>Set when the fund manager approves the award: the amount the grant agreement is drawn up for.</summary>
    public decimal? ApprovedAmount { get; private set; }

    /// <summary>What the secretariat tells the applicant about the outcome (selected, reserve, not selected).</summary>
    public string? OutcomeMessage { get; private set; }
    public List<StatusChange> History { get; private set; } = [];

    public decimal RequestedAmount => Budget.Sum(l => l.Amount);
    public decimal IndirectCosts => Budget.Where(l => l.Category == BudgetCategory.OfficeRunningCosts).Sum(l => l.Amount);
    public bool IsEditable => Status == ApplicationStatus.Draft;

    public void SaveOrganisation(OrganisationSection section, DateTimeOffset now)
    {
        EnsureEditable();
        if (section.YearsOfDirectAssistance is < 0 or > 200) throw new DomainException("Enter a number of years between 0 and 200.");
        EnsureRegistrationDate(section.RegistrationDate, now);
        Organisation = section;
        UpdatedAt = now;
    }

    public void SaveProject(ProjectSection section, DateTimeOffset now)
    {
        EnsureEditable();
        if (!InputLimits.IsInDateWindow(section.StartDate) || !InputLimits.IsInDateWindow(section.EndDate))
            throw new DomainException("Enter a date between 1 January 1900 and 31 December 2100.");
        Project = section;
        UpdatedAt = now;
    }

    public void SaveBeneficiaries(IEnumerable<BeneficiaryTarget> targets, DateTimeOffset now)
    {
        EnsureEditable();
        var list = targets.Where(t => t.Count != 0).ToList();
        if (list.Any(t => !InputLimits.IsPeopleCount(t.Count)))
            throw new DomainException("Enter a number of people from 0 to 1,000,000 in each cell.");
        Beneficiaries = list;
        UpdatedAt = now;
    }

    public void SaveBudget(IEnumerable<BudgetLine> lines, DateTimeOffset now)
    {
        EnsureEditable();
        var kept = lines.Where(l => !(l.Amount == 0 && string.IsNullOrWhiteSpace(l.Description))).ToList();
        if (kept.Count > InputLimits.MaxBudgetLines) throw new DomainException("A budget has at most 100 lines.");
        if (kept.Any(l => !Enum.IsDefined(l.Category))) throw new DomainException("Choose a budget category from the list.");
        if (kept.Any(l => !InputLimits.IsAmount(l.Amount)))
            throw new DomainException("Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.");
        Budget = kept;
        UpdatedAt = now;
    }

    /// <summary>Everyone the project means to reach, added up without overflow even for counts stored before the bounds.</summary>
    public long PeopleToAssist => Beneficiaries.Sum(b => (long)b.Count);

    /// <summary>A registration in the future, or before 1900, is a typing slip that would decide an eligibility check.</summary>
    private static void EnsureRegistrationDate(DateOnly? date, DateTimeOffset now)
    {
        if (date is not { } d) return;
        if (!InputLimits.IsInDateWindow(d)) throw new DomainException("Enter a date between 1 January 1900 and 31 December 2100.");
        if (d > DateOnly.FromDateTime(now.UtcDateTime)) throw new DomainException("The date of registration cannot be in the future.");
    }

    public void SaveDeclaration(PartnerDeclaration declaration, DateTimeOffset now) { EnsureEditable(); Declaration = declaration; UpdatedAt = now; }

    /// <summary>Everything that keeps this draft from being submitted, each tied to the field to fix.</summary>
    public IReadOnlyList<SubmissionProblem> ProblemsBeforeSubmission(Call call, IReadOnlyCollection<DocumentType> attached)
    {
        var problems = new List<SubmissionProblem>();
        void Add(string field, string template, params object[] arguments) => problems.Add(new SubmissionProblem(field, template, arguments));

        if (string.IsNullOrWhiteSpace(Organisation.LegalName)) Add("Organisation.LegalName", "Enter the organisation's legal name.");
        if (string.IsNullOrWhiteSpace(Organisation.CountryIso2)) Add("Organisation.CountryIso2", "Choose the country where the organisation is registered.");
        if (string.IsNullOrWhiteSpace(Project.Title)) Add("Project.Title", "Enter the project title.");
        if (string.IsNullOrWhiteSpace(Project.ImplementationCountryIso2)) Add("Project.ImplementationCountryIso2", "Choose the country where the project takes place.");
        if (string.IsNullOrWhiteSpace(Project.Objectives)) Add("Project.Objectives", "Describe the project's objectives.");
        if (string.IsNullOrWhiteSpace(Project.Activities)) Add("Project.Activities", "Describe the project's activities.");
        if (string.IsNullOrWhiteSpace(Project.WorkPlan)) Add("Project.WorkPlan", "Give the work plan.");
        if (Project.StartDate is null || Project.EndDate is null) Add("Project.StartDate", "Give the project's start and end dates.");
        else if (Project.EndDate < Project.StartDate) Add("Project.EndDate", "The project must end after it starts.");
        else if (Project.DurationMonths > call.MaxDurationMonths)
            Add("Project.EndDate", "The project lasts {0} months; this call allows at most {1}.", Project.DurationMonths!, call.MaxDurationMonths);
        if (PeopleToAssist <= 0) Add("Beneficiaries", "Give the number of people the project will assist.");

        if (Budget.Count == 0) Add("Budget", "Add at least one budget line.");
        if (Budget.Any(l => l.Amount <= 0)) Add("Budget", "Every budget line needs an amount above zero.");
        if (Budget.Any(l => string.IsNullOrWhiteSpace(l.Description))) Add("Budget", "Every budget line needs a description.");
        if (Budget.Any(l => decimal.Round(l.Amount, 2) != l.Amount)) Add("Budget", "Amounts have at most two decimals (cents).");
        var total = RequestedAmount;
        if (Budget.Count > 0 && (total < call.MinGrant || total > call.MaxGrant))
            Add("Budget", "The total requested, {0}, must lie between {1} and {2}.", Money.InUsd(total), Money.InUsd(call.MinGrant), Money.InUsd(call.MaxGrant));
        if (total > 0 && IndirectCosts > total * call.Eligibility.MaxIndirectCostShare)
            Add("Budget", "Office and running costs are {0}, above the cap of {1:P0} of the total.", Money.InUsd(IndirectCosts), call.Eligibility.MaxIndirectCostShare);

        if (!Declaration.Accepted) Add("Declaration.Accepted", "Accept the partner declaration.");
        if (string.IsNullOrWhiteSpace(Declaration.SignatoryName)) Add("Declaration.SignatoryName", "Enter the name of the person signing the declaration.");

        var required = call.Eligibility.RequiredDocuments.ToList();
        if (Declaration.PartnersContribute) required.Add(DocumentType.PartnerCoFundingEvidence);
        foreach (var missing in required.Distinct().Where(d => !attached.Contains(d)))
            Add("Attachments." + missing, "Attach the required document: {0}.", missing);
        return problems;
    }

    /// <summary>The checks that can be answered from facts; the secretariat confirms the rest.</summary>
    public IReadOnlyList<EligibilityCheck> RunEligibilityChecks(Call call)
    {
        var cutOff = call.RegistrationCutOff;
        var registeredYears = Organisation.RegistrationDate is { } date ? WholeYears(date, cutOff) : -1;
        // Each detail is a catalogue text with its values, so the secretariat reads it in its own language.
        return
        [
            new("NonProfit", Organisation.IsNonProfit, Organisation.IsNonProfit ? "Declared a non-profit organisation." : "Not declared a non-profit organisation."),
            new("RegisteredInCountryOfImplementation", Organisation.CountryIso2 == Project.ImplementationCountryIso2,
                "Registered in {0}; project in {1}.", [Organisation.CountryIso2, Project.ImplementationCountryIso2 ?? ""]),
            registeredYears < 0
                ? new("YearsRegistered", false, "No registration date given.")
                : new("YearsRegistered", registeredYears >= call.Eligibility.MinYearsRegistered,
                    "Registered {0} before {1}; at least {2} required.",
                    [Number(registeredYears), cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(call.Eligibility.MinYearsRegistered)]),
            new("YearsOfDirectAssistance", Organisation.YearsOfDirectAssistance >= call.Eligibility.MinYearsOfAssistance,
                "{0} of direct assistance; at least {1} required.",
                [Number(Organisation.YearsOfDirectAssistance), Number(call.Eligibility.MinYearsOfAssistance)]),
            new("BankAccountInOrganisationName", Organisation.BankAccountInOrganisationName,
                Organisation.BankAccountInOrganisationName ? "Bank account in the organisation's name." : "No bank account in the organisation's name."),
            new("PseaPolicy", Organisation.HasPseaPolicy, Organisation.HasPseaPolicy ? "Has a PSEA policy." : "No PSEA policy."),
            string.IsNullOrWhiteSpace(Organisation.UnppPartnerId)
                ? new("UnppPartnerId", false, "No UN Partner Portal ID.")
                : new("UnppPartnerId", true, "UNPP ID {0}.", [Organisation.UnppPartnerId]),
        ];

        static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    public void Submit(Call call, IReadOnlyCollection<DocumentType> attached, DateTimeOffset now, string referenceNumber, string? by)
    {
        if (Status != ApplicationStatus.Draft) throw new DomainException("This application has already been submitted.");
        if (!call.IsOpenAt(now)) throw new DomainException("The deadline for this call has passed; your draft is kept.");
        if (ProblemsBeforeSubmission(call, attached).Count > 0) throw new DomainException("The application is not complete yet.");
        EligibilityChecks = RunEligibilityChecks(call).ToList();
        ReferenceNumber = referenceNumber;
        SubmittedAt = UpdatedAt = now;
        Move(ApplicationStatus.Submitted, now, by, null);
        Raise(new ApplicationSubmitted(Id, CallId, referenceNumber, now));
    }

    public void Withdraw(DateTimeOffset now, string? by, string? reason)
    {
        if (Status is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
            throw new DomainException("This application can no longer be withdrawn.");
        Move(ApplicationStatus.Withdrawn, now, by, reason);
    }

    public void DecideEligibility(bool eligible, string reason, DateTimeOffset now, string? by)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.Eligible or ApplicationStatus.Ineligible))
            throw new DomainException("Eligibility can be decided only for a submitted application not yet under review.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give a reason the applicant can read.");
        EligibilityReason = reason.Trim();
        Move(eligible ? ApplicationStatus.Eligible : ApplicationStatus.Ineligible, now, by, EligibilityReason);
        Decided(EligibilityReason);
    }

    // The review and decision steps (DOMAIN.md sections 5-6). The board's workflow calls these; each checks
    // that the application is at the step before.

    public void StartReview(DateTimeOffset now, string? by) =>
        MoveFrom([ApplicationStatus.Eligible], ApplicationStatus.UnderReview, now, by, null);

    public void Shortlist(DateTimeOffset now, string? by, string? message = null) =>
        Decide([ApplicationStatus.UnderReview, ApplicationStatus.ReserveList, ApplicationStatus.NotSelected], ApplicationStatus.Shortlisted, now, by, message);

    public void PutOnReserveList(DateTimeOffset now, string? by, string? message = null) =>
        Decide([ApplicationStatus.UnderReview, ApplicationStatus.Shortlisted, ApplicationStatus.NotSelected], ApplicationStatus.ReserveList, now, by, message);

    public void MarkNotSelected(DateTimeOffset now, string? by, string? message = null) =>
        Decide([ApplicationStatus.UnderReview, ApplicationStatus.Shortlisted, ApplicationStatus.ReserveList, ApplicationStatus.Recommended],
            ApplicationStatus.NotSelected, now, by, message);

    /// <summary>The board recommends an award (its vote carried).</summary>
    public void Recommend(DateTimeOffset now, string? by) =>
        MoveFrom([ApplicationStatus.Shortlisted, ApplicationStatus.ReserveList], ApplicationStatus.Recommended, now, by, null);

    /// <summary>
    /// The fund manager approves the award on behalf of the Secretary-General. Approving what the board did not
    /// recommend needs a written justification.
    /// </summary>
    public void Approve(decimal amount, string? justification, DateTimeOffset now, string? by)
    {
        if (Status is not (ApplicationStatus.Recommended or ApplicationStatus.Shortlisted or ApplicationStatus.ReserveList))
            throw new DomainException("Only a shortlisted, reserve or recommended application can be approved.");
        if (Status != ApplicationStatus.Recommended && string.IsNullOrWhiteSpace(justification))
            throw new DomainException("Approving an application the board did not recommend needs a written justification.");
        if (amount <= 0 || amount > RequestedAmount)
            throw new DomainException("The approved amount must be above zero and at most the amount requested.");
        ApprovedAmount = decimal.Round(amount, 2);
        Move(ApplicationStatus.Approved, now, by, string.IsNullOrWhiteSpace(justification) ? null : justification.Trim());
        Decided(justification);
    }

    /// <summary>The fund manager declines the award; declining a recommendation needs a written justification.</summary>
    public void Reject(string? justification, DateTimeOffset now, string? by)
    {
        if (Status is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Draft)
            throw new DomainException("This application can no longer be rejected.");
        if (Status == ApplicationStatus.Recommended && string.IsNullOrWhiteSpace(justification))
            throw new DomainException("Declining the board's recommendation needs a written justification.");
        Move(ApplicationStatus.Rejected, now, by, string.IsNullOrWhiteSpace(justification) ? null : justification.Trim());
        Decided(justification);
    }

    /// <summary>The awarded organisation declines the grant: the award falls through and the reserve list is drawn on.</summary>
    public void DeclineAward(string reason, DateTimeOffset now, string? by)
    {
        if (Status != ApplicationStatus.Approved) throw new DomainException("Only an approved award can be declined.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason the organisation declined the award.");
        Move(ApplicationStatus.Withdrawn, now, by, reason.Trim());
    }

    private void Decide(ApplicationStatus[] from, ApplicationStatus to, DateTimeOffset now, string? by, string? message)
    {
        MoveFrom(from, to, now, by, null);
        if (!string.IsNullOrWhiteSpace(message)) OutcomeMessage = message.Trim();
        Decided(message);
    }

    // Only the decisions the applicant hears of raise it: the review's inner steps (review started, board
    // recommendation) and the applicant's own steps (submitted, withdrawn, award declined) do not.
    private void Decided(string? said) =>
        Raise(new ApplicationDecided(Id, OrganisationId, ReferenceNumber ?? "", Status, said?.Trim() ?? ""));

    private void MoveFrom(ApplicationStatus[] from, ApplicationStatus to, DateTimeOffset now, string? by, string? note)
    {
        if (!from.Contains(Status))
            throw new DomainException("This application is {0}; it cannot become {1} from there.", Status, to);
        Move(to, now, by, note);
    }

    private void Move(ApplicationStatus status, DateTimeOffset now, string? by, string? note)
    {
        Status = status;
        UpdatedAt = now;
        History = [.. History, new StatusChange(status, now, by, note)];
    }

    private void EnsureEditable()
    {
        if (!IsEditable) throw new DomainException("This application has been submitted and can no longer be changed.");
    }

    private static int WholeYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to < from.AddYears(years)) years--;
        return years;
    }
}
