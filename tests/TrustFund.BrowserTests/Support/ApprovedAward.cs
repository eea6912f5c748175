using TrustFund.Application.Data;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.BrowserTests.Support;

/// <summary>
/// An application from a demo NGO taken straight to approval for the whole of its budget, for journeys that begin
/// after the board (the board's own pages are other tests). Each test gives its own sequence number, so references
/// never collide in the shared browser database.
/// </summary>
public static class ApprovedAward
{
    /// <param name="startsIn">Months from today to the project's start.</param>
    /// <param name="months">The project's length: above twelve months it owes interim reports.</param>
    public static async Task<GrantApplication> AddAsync(TrustFundDbContext db, Call call, Guid organisationId, string legalName, string country,
        int sequence, int startsIn, int months, DateTimeOffset now, params BudgetLine[] budget)
    {
        var start = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(startsIn);
        var application = new GrantApplication(call, organisationId, new OrganisationSection
        {
            LegalName = legalName, CountryIso2 = country, RegistrationNumber = $"{country}-REG-1", RegistrationDate = new DateOnly(2012, 1, 1),
            UnppPartnerId = $"{country}-1", YearsOfDirectAssistance = 8, IsNonProfit = true, HasPseaPolicy = true, BankAccountInOrganisationName = true,
        }, now, "test");
        application.SaveProject(new ProjectSection
        {
            Title = $"Shelter and reintegration ({country})", ImplementationCountryIso2 = country, Context = "c", Objectives = "o", Activities = "a",
            WorkPlan = "w", StartDate = start, EndDate = start.AddMonths(months).AddDays(-1),
        }, now);
        application.SaveBeneficiaries([new BeneficiaryTarget(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 20)], now);
        application.SaveBudget(budget, now);
        application.SaveDeclaration(new PartnerDeclaration { Accepted = true, SignatoryName = "Director", SignatoryTitle = "Director" }, now);
        application.Submit(call, call.Eligibility.RequiredDocuments, now, Call.ReferenceNumber(call.Deadline.Year, call.Window, sequence), "test");
        application.DecideEligibility(true, "Eligible.", now, "test");
        application.StartReview(now, "test");
        application.Shortlist(now, "test");
        application.Recommend(now, "test");
        application.Approve(budget.Sum(l => l.Amount), null, now, "test");
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }
}
