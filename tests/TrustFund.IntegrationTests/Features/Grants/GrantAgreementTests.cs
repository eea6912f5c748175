using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Journal;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class GrantAgreementTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task CreateGrantAgreement_FromApprovedApplication_CopiesTheAwardAndTheDefaultSchedules()
    {
        var applicationId = await ApprovedApplication(50_000m);

        var grantId = await Send(new CreateGrantAgreement.Command(applicationId));

        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        Assert.Equal((GrantStatus.Draft, 50_000m, "NGO number 1"), (grant.Status, grant.Amount, grant.Grantee));
        Assert.True(grant.AuditRequired);
        Assert.Equal([48_000m, 2_000m], grant.Budget.Select(l => l.Amount));
        Assert.Equal(["DirectAssistance", "OfficeRunningCosts"], grant.Budget.Select(l => l.Category));
        Assert.Equal([(50m, InstalmentCondition.OnSignature), (50m, InstalmentCondition.AfterInterimReportsAccepted)],
            grant.Instalments.Select(i => (i.Percent, i.Condition)));
        Assert.Equal(4, grant.Reports.Count);
        Assert.All(grant.Reports.Where(r => r.IsFinal), r => Assert.Equal(grant.EndDate.AddMonths(2), r.DueOn));
        Assert.Empty(await Journal(grantId));
    }

    [Fact]
    public async Task CreateGrantAgreement_ForAnApplicationNotApproved_IsRefused()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var draft = await CompleteDraft(user, call.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new CreateGrantAgreement.Command(draft)));

        Assert.Equal("An agreement can be drawn up only for an approved application.", error.Message);
    }

    [Fact]
    public async Task CreateGrantAgreement_Twice_IsRefused_AndOneAgreementRemains()
    {
        var applicationId = await ApprovedApplication();
        await Send(new CreateGrantAgreement.Command(applicationId));

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new CreateGrantAgreement.Command(applicationId)));

        Assert.Equal("This application already has a grant agreement.", error.Message);
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.GrantAgreements.CountAsync(g => g.ApplicationId == applicationId));
    }

    [Fact]
    public async Task SignGrantAgreement_Twice_IsRefused_AndTheObligationIsRaisedOnce()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new SignGrantAgreement.Command(grantId)));

        Assert.Equal("This agreement has already been signed.", error.Message);
        Assert.Single(await Journal(grantId));
        Assert.Single(await Payments(grantId));
    }

    [Fact]
    public async Task SignGrantAgreement_WithEnoughAvailable_RaisesTheObligation_AndRequestsTheFirstInstalment()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await Agreement(40_000);

        await SendAs(manager, new SignGrantAgreement.Command(grantId));

        var entry = Assert.Single(await Journal(grantId));
        Assert.Equal((JournalEventType.ObligationRaised, 40_000m, "USD", GrantAgreement.DocumentType), (entry.EventType, entry.UsdAmount, entry.Currency, entry.DocumentType));
        Assert.Equal("manager@unodc.test", entry.RecordedBy);
        var payment = Assert.Single(await Payments(grantId));
        Assert.Equal((1, 20_000m, PaymentStatus.Requested, manager.Id), (payment.InstalmentNumber, payment.Amount, payment.Status, payment.RequestedById));
        var dashboard = await Query(new GetFundDashboard.Query());
        Assert.Equal(100_000m - 40_000m * 1.13m, dashboard.Total.AvailableAtEnd);
    }

    [Fact]
    public async Task SignGrantAgreement_WithoutEnoughForTheGrantAndItsPsc_IsRefused_AndNothingIsBooked()
    {
        await Fund(45_199.99m);    // 40,000 + 13% = 45,200
        var manager = await Manager();
        var grantId = await Agreement(40_000);

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new SignGrantAgreement.Command(grantId)));

        Assert.Equal("The fund has {0} available; this needs {1} including programme support cost.", error.Template);
        Assert.Equal([Money.InUsd(45_199.99m), Money.InUsd(45_200m)], error.Arguments);
        Assert.Empty(await Journal(grantId));
        Assert.Empty(await Payments(grantId));
        Assert.Equal(GrantStatus.Draft, (await Query(new GetGrantAgreement.Query(grantId))).Grant.Status);
    }

    [Fact]
    public async Task SignGrantAgreement_ManyOfficersAtTheSameInstant_OnlyTheAffordableOnesSucceed()
    {
        // Room for exactly three grants of 30,000 with their PSC (3 × 33,900 = 101,700), not four.
        await Fund(101_700m + 33_899.99m);
        var grants = new List<Guid>();
        for (var i = 0; i < 8; i++) grants.Add(await Agreement(30_000));
        var officers = new List<Application.Identity.ApplicationUser>();
        for (var i = 0; i < grants.Count; i++) officers.Add(await Manager($"manager{i}@unodc.test"));

        using var start = new SemaphoreSlim(0);
        var signings = grants.Select((grant, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            try { await SendAs(officers[i], new SignGrantAgreement.Command(grant)); return true; }
            catch (DomainException) { return false; }
        })).ToList();
        start.Release(grants.Count);
        var outcomes = await Task.WhenAll(signings);

        Assert.Equal(3, outcomes.Count(signed => signed));
        await using var db = App.NewDbContext();
        Assert.Equal(3, await db.GrantAgreements.CountAsync(g => g.Status == GrantStatus.Signed));
        Assert.Equal(90_000m, await db.JournalEntries.Where(j => j.EventType == JournalEventType.ObligationRaised).SumAsync(j => j.UsdAmount));
        var dashboard = await Query(new GetFundDashboard.Query());
        Assert.Equal(33_899.99m, dashboard.Total.AvailableAtEnd);
    }

    [Fact]
    public async Task ChangeGrantAgreement_Draft_IsEditedWithoutAmendment()
    {
        var grantId = await Agreement(40_000);
        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;

        await Send(new ChangeGrantAgreement.Command(grantId, 30_000, grant.StartDate, grant.EndDate,
            [new GrantBudgetLine("DirectAssistance", "Shelter and food", 30_000)],
            [new Instalment(1, 40, InstalmentCondition.OnSignature), new Instalment(2, 60, InstalmentCondition.AfterInterimReportsAccepted)], null));

        var changed = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        Assert.Equal(30_000m, changed.Amount);
        Assert.Equal([40m, 60m], changed.Instalments.Select(i => i.Percent));
        Assert.Empty(changed.Amendments);

        // One instalment on signature for a 12-month grant: the interim reports are no longer needed.
        await Send(new ChangeGrantAgreement.Command(grantId, 30_000, grant.StartDate, grant.EndDate,
            [new GrantBudgetLine("DirectAssistance", "Shelter and food", 30_000)], [new Instalment(1, 100, InstalmentCondition.OnSignature)], null));
        Assert.Equal([GrantReportKind.FinalNarrative, GrantReportKind.FinalFinancial], (await Reports(grantId)).Select(r => r.Kind).Order());
    }

    [Fact]
    public async Task ChangeGrantAgreement_Signed_IsANumberedAmendment_ThatRaisesTheObligationWhenAvailable()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        var budget = new List<GrantBudgetLine> { new("DirectAssistance", "Shelter and food", 43_000), new("OfficeRunningCosts", "Rent share", 2_000) };

        var noReason = await Assert.ThrowsAsync<DomainException>(() =>
            SendAs(manager, new ChangeGrantAgreement.Command(grantId, 45_000, grant.StartDate, grant.EndDate, budget, grant.Instalments, " ")));
        Assert.Equal("Give the reason for the amendment.", noReason.Message);
        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new ChangeGrantAgreement.Command(grantId, 90_000,
            grant.StartDate, grant.EndDate, [new("DirectAssistance", "All", 90_000)], grant.Instalments, "Big top-up")));
        Assert.StartsWith("The fund has USD", tooMuch.Message);

        await SendAs(manager, new ChangeGrantAgreement.Command(grantId, 45_000, grant.StartDate, grant.EndDate, budget, grant.Instalments,
            "More survivors referred by the labour inspectorate"));

        var amended = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        var amendment = Assert.Single(amended.Amendments);
        Assert.Equal((1, "More survivors referred by the labour inspectorate"), (amendment.Number, amendment.Reason));
        Assert.Equal([40_000m, 5_000m], (await Journal(grantId)).Where(j => j.EventType == JournalEventType.ObligationRaised).Select(j => j.UsdAmount));
        // The first instalment was requested at signature and keeps its amount; the last takes what is left.
        Assert.Equal(20_000m, Assert.Single(await Payments(grantId)).Amount);
    }

    [Fact]
    public async Task ChangeGrantAgreement_LoweringTheAmount_ReleasesTheDifference()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;

        await SendAs(manager, new ChangeGrantAgreement.Command(grantId, 36_000, grant.StartDate, grant.EndDate,
            [new("DirectAssistance", "Shelter and food", 34_000), new("OfficeRunningCosts", "Rent share", 2_000)], grant.Instalments, "Activity dropped"));

        var release = Assert.Single(await Journal(grantId), j => j.EventType == JournalEventType.ObligationReleased);
        Assert.Equal(4_000m, release.UsdAmount);
        Assert.Equal(36_000m, (await Query(new GetGrantAgreement.Query(grantId))).Balance.OpenObligation);
    }
}
