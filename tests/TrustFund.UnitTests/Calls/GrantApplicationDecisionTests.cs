using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.UnitTests.Calls;

public sealed class GrantApplicationDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static GrantApplication Eligible()
    {
        var call = new Call("c", new CallTerms(new LocalizedText("T"), new LocalizedText("D"), FundingWindow.MediumTerm, 500_000, 20_000,
            60_000, 24, Now.AddDays(30), "Europe/Vienna", Now.AddDays(20)), Now);
        call.Publish(Now);
        var application = new GrantApplication(call, Guid.NewGuid(), new OrganisationSection { LegalName = "NGO", CountryIso2 = "CO" }, Now, "a");
        application.SaveOrganisation(new OrganisationSection { LegalName = "NGO", CountryIso2 = "CO", IsNonProfit = true }, Now);
        application.SaveProject(new ProjectSection { Title = "P", ImplementationCountryIso2 = "CO", Objectives = "o", Activities = "a", WorkPlan = "w",
            StartDate = new DateOnly(2027, 1, 1), EndDate = new DateOnly(2027, 12, 31) }, Now);
        application.SaveBeneficiaries([new BeneficiaryTarget(Sex.Female, AgeGroup.Adult, "FORCED_LABOUR", 10)], Now);
        application.SaveBudget([new BudgetLine(BudgetCategory.DirectAssistance, "Shelter", 40_000)], Now);
        application.SaveDeclaration(new PartnerDeclaration { Accepted = true, SignatoryName = "S" }, Now);
        var documents = new[] { DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements, DocumentType.ReferenceLetter1, DocumentType.ReferenceLetter2 };
        application.Submit(call, documents, Now, "UNVTF-2026-SGP2-0001", "a");
        application.DecideEligibility(true, "Meets every rule.", Now, "fm");
        return application;
    }

    [Fact]
    public void Approve_ARecommendation_NeedsNoJustification_AndKeepsTheAmount()
    {
        var application = Eligible();
        application.StartReview(Now, "fm");
        application.Shortlist(Now, "fm", "Shortlisted for the board.");
        application.Recommend(Now, "board");
        application.Approve(35_000.004m, null, Now, "fm");
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(35_000m, application.ApprovedAmount);
        Assert.Equal("Shortlisted for the board.", application.OutcomeMessage);
    }

    [Fact]
    public void Approve_WithoutARecommendation_NeedsAJustification()
    {
        var application = Eligible();
        application.StartReview(Now, "fm");
        application.PutOnReserveList(Now, "fm");
        var error = Assert.Throws<DomainException>(() => application.Approve(20_000, " ", Now, "fm"));
        Assert.Equal("Approving an application the board did not recommend needs a written justification.", error.Message);
        application.Approve(20_000, "An award fell through; next on the reserve list.", Now, "fm");
        Assert.Equal(ApplicationStatus.Approved, application.Status);
    }

    [Fact]
    public void Approve_MoreThanRequested_IsRefused()
    {
        var application = Eligible();
        application.StartReview(Now, "fm");
        application.Shortlist(Now, "fm");
        application.Recommend(Now, "board");
        Assert.Throws<DomainException>(() => application.Approve(40_000.01m, null, Now, "fm"));
    }

    [Fact]
    public void Declining_ARecommendation_NeedsAJustification()
    {
        var application = Eligible();
        application.StartReview(Now, "fm");
        application.Shortlist(Now, "fm");
        application.Recommend(Now, "board");
        Assert.Throws<DomainException>(() => application.Reject(null, Now, "fm"));
        application.Reject("The envelope is exhausted.", Now, "fm");
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
    }

    [Fact]
    public void Shortlisting_BeforeReview_IsRefused()
    {
        var application = Eligible();
        var error = Assert.Throws<DomainException>(() => application.Shortlist(Now, "fm"));
        Assert.Equal("This application is Eligible; it cannot become Shortlisted from there.", error.Message);
    }
}
