using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Data;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;

namespace TrustFund.BrowserTests.Support;

/// <summary>Calls of a test's own, so that the shared demo fund's own work is left as it is.</summary>
public static class BrowserCalls
{
    /// <summary>
    /// A published short-term call of its own with one submitted application per demo NGO of these countries (eligible
    /// and, with a reviewer, under review when asked). <paramref name="sequence"/> keeps reference numbers apart from other tests'.
    /// </summary>
    public static async Task<(Guid CallId, string Slug, List<Guid> Ids)> CallWith(this BrowserApp app, int sequence, string[] countries, bool eligible,
        CallEligibility? eligibility = null, bool blind = false, string? reviewer = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var now = app.Clock.GetUtcNow();
        var call = new Call($"browser-worklists-{sequence}", new CallTerms(new LocalizedText($"Special window {sequence}"),
            new LocalizedText("Grants for NGOs assisting victims of trafficking."), FundingWindow.ShortTerm, 500_000, 5_000, 20_000, 9,
            now.AddDays(30), "Europe/Vienna", now.AddDays(20)), now);
        call.SetEligibility(eligibility ?? new CallEligibility());
        call.SetBlindReview(blind);
        call.Publish(now);
        db.Calls.Add(call);
        var ids = new List<Guid>();
        foreach (var (country, i) in countries.Select((c, i) => (c, i)))
        {
            var organisation = await db.Organisations.FirstAsync(o => o.CountryIso2 == country);
            var application = new GrantApplication(call, organisation.Id, new OrganisationSection
            {
                LegalName = organisation.LegalName, CountryIso2 = country, RegistrationNumber = $"{country}-REG-1", RegistrationDate = new DateOnly(2012, 1, 1),
                UnppPartnerId = $"{country}-1", YearsOfDirectAssistance = 8, IsNonProfit = true, HasPseaPolicy = true, BankAccountInOrganisationName = true,
            }, now, "test");
            var start = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(2);
            application.SaveProject(new ProjectSection
            {
                Title = $"Shelter ({country})", ImplementationCountryIso2 = country, Context = "c", Objectives = "o", Activities = "a", WorkPlan = "w",
                StartDate = start, EndDate = start.AddMonths(6),
            }, now);
            application.SaveBeneficiaries([new BeneficiaryTarget(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 20)], now);
            application.SaveBudget([new BudgetLine(BudgetCategory.DirectAssistance, "Shelter", 15_000m)], now);
            application.SaveDeclaration(new PartnerDeclaration { Accepted = true, SignatoryName = "Director", SignatoryTitle = "Director" }, now);
            application.Submit(call, call.Eligibility.RequiredDocuments, now, Call.ReferenceNumber(call.Deadline.Year, call.Window, sequence + i), "test");
            if (eligible) application.DecideEligibility(true, "Eligible.", now, "test");
            db.Applications.Add(application);
            if (reviewer is not null)
            {
                application.StartReview(now, "test");
                var reviewerId = await db.Users.Where(u => u.Email == reviewer).Select(u => u.Id).SingleAsync();
                db.ReviewAssignments.Add(new ReviewAssignment(call.Id, application.Id, reviewerId, now, "test"));
            }
            ids.Add(application.Id);
        }
        await db.SaveChangesAsync();
        return (call.Id, call.Slug, ids);
    }
}
