using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>Builds the usual cast: an open call, an NGO with a user, and a complete draft ready to submit.</summary>
public abstract class ApplicationTest(TrustFundAppFactory app) : IntegrationTest(app)
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    protected async Task<(Guid Id, string Slug)> OpenCall(FundingWindow window = FundingWindow.MediumTerm)
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow(), window: window)));
        await Send(new PublishCall.Command(call.Id));
        return (call.Id, call.Slug);
    }

    protected async Task<(Organisation Organisation, ApplicationUser User)> Ngo(string name = "Casa Esperanza", string country = "CO",
        string email = "maria@esperanza.org")
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var organisation = new Organisation(name, country, App.Clock.GetUtcNow());
        organisation.UpdateProfile(name, country, new OrganisationProfile
        {
            RegistrationNumber = "REG-123", RegistrationDate = new DateOnly(2015, 3, 1), UnppPartnerId = "CO-12345",
            YearsOfDirectAssistance = 6, IsNonProfit = true, HasPseaPolicy = true, BankAccountInOrganisationName = true,
            ContactName = "María Gómez", ContactEmail = email,
        });
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var user = await CreateUser(email, [Roles.Applicant], twoFactor: false, organisationId: organisation.Id);
        return (organisation, user);
    }

    /// <summary>A draft that passes every submission check.</summary>
    /// <summary>An NGO user with a fresh draft in an open call, signed in.</summary>
    protected async Task<(Guid Id, ApplicationUser User, HttpClient Client)> SignedInWithADraft()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        return (id, user, await SignedIn(user));
    }

    /// <summary>An NGO user's complete application, submitted to an open call.</summary>
    protected async Task<(Guid Id, ApplicationUser User)> SubmittedApplication()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        await SendAs(user, new SubmitApplication.Command(id));
        return (id, user);
    }

    protected async Task<Guid> CompleteDraft(ApplicationUser user, Guid callId, decimal total = 40_000m)
    {
        var id = await SendAs(user, new StartApplication.Command(callId));
        var current = await QueryAs(user, new GetApplication.Query(id));
        var start = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddMonths(2);
        await SendAs(user, new SaveDraft.Command(id, current.Version)
        {
            Project = new ProjectSection
            {
                Title = "Safe shelter and legal aid in Cali", ImplementationCountryIso2 = current.Application.Organisation.CountryIso2,
                Context = "Context", Objectives = "Objectives", Activities = "Activities", WorkPlan = "Work plan", Risks = "Risks",
                SurvivorInvolvement = "Survivor council", StartDate = start, EndDate = start.AddMonths(12).AddDays(-1),
            },
            Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 40), new BeneficiaryTarget(Sex.Female, AgeGroup.Child, "FORCED_LABOUR", 12)],
            Budget = [new BudgetLine(BudgetCategory.DirectAssistance, "Shelter and food", total - 2_000m), new BudgetLine(BudgetCategory.OfficeRunningCosts, "Rent share", 2_000m)],
            Declaration = new PartnerDeclaration { Accepted = true, SignatoryName = "María Gómez", SignatoryTitle = "Director" },
        });
        foreach (var type in new[] { DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements, DocumentType.ReferenceLetter1, DocumentType.ReferenceLetter2 })
            await SendAs(user, new UploadAttachment.Command(id, type, $"{type}.pdf", Pdf));
        return id;
    }
}
