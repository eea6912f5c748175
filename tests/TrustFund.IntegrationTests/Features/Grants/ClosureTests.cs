using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class ClosureTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task StartGrantClosure_BeforeTheFinalReportsAreAccepted_IsRefused()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new StartGrantClosure.Command(grantId)));

        Assert.Equal("The final financial report must be accepted before closure: its expenditure gives the unspent balance.", error.Message);
    }

    [Fact]
    public async Task Closure_FullyPaidGrant_AsksBackTheUnspentBalance_RecordsTheRefund_AndCloses()
    {
        await Fund(100_000);
        var manager = await Manager();
        var (certifier, approver) = (await Certifier(), await Approver());
        var grantId = await SignedAgreement(manager, 40_000);
        await Pay((await Payments(grantId))[0].Id, certifier, approver, "TT-1");
        await AcceptReports(manager, grantId, r => r.IsInterim);
        await Pay((await Payments(grantId))[1].Id, certifier, approver, "TT-2");
        await AcceptFinalReports(manager, grantId, 37_512.45m);

        var closure = await SendAs(manager, new StartGrantClosure.Command(grantId));

        Assert.Equal((37_512.45m, 40_000m, 2_487.55m, false), (closure.ReportedExpenditure, closure.Disbursed, closure.RefundDue, closure.Closed));
        Assert.Equal(37_512.45m, (await Query(new GetGrantAgreement.Query(grantId))).Grant.ReportedExpenditure);
        Assert.Equal(GrantStatus.RefundRequested, (await Query(new GetGrantAgreement.Query(grantId))).Grant.Status);
        var wrong = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new RecordGrantRefund.Command(grantId, 2_000m, Today, "REF-1")));
        Assert.Equal("The refund must be the unspent balance asked for, {0}.", wrong.Template);

        await SendAs(manager, new RecordGrantRefund.Command(grantId, 2_487.55m, Today, "REF-1"));

        var result = await Query(new GetGrantAgreement.Query(grantId));
        Assert.Equal(GrantStatus.Closed, result.Grant.Status);
        Assert.Equal((2_487.55m, 0m), (result.Balance.Refunded, result.Balance.OpenObligation));
        Assert.Single(await Journal(grantId), j => j.EventType == JournalEventType.Refund && j.UsdAmount == 2_487.55m);
        Assert.DoesNotContain(await Journal(grantId), j => j.EventType == JournalEventType.ObligationReleased);   // nothing left to release
    }

    [Fact]
    public async Task Closure_WithAnInstalmentNeverPaid_ReleasesTheRemainingObligation()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        await Pay((await Payments(grantId))[0].Id, await Certifier(), await Approver());
        // The final reports come in while the interim ones never were: the second instalment never fell due.
        await AcceptFinalReports(manager, grantId, 18_000m);

        var closure = await SendAs(manager, new StartGrantClosure.Command(grantId));
        await SendAs(manager, new RecordGrantRefund.Command(grantId, closure.RefundDue, Today, "REF-9"));

        Assert.Equal(2_000m, closure.RefundDue);
        var result = await Query(new GetGrantAgreement.Query(grantId));
        Assert.Equal(GrantStatus.Closed, result.Grant.Status);
        Assert.Equal(20_000m, Assert.Single(await Journal(grantId), j => j.EventType == JournalEventType.ObligationReleased).UsdAmount);
        Assert.Equal((40_000m, 20_000m, 20_000m, 0m), (result.Balance.Obligated, result.Balance.Liquidated, result.Balance.Released, result.Balance.OpenObligation));
    }

    [Fact]
    public async Task RefundForm_PartialAmount_IsRefusedWithTheRule_ThenTheFullBalanceCloses()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        await Pay((await Payments(grantId))[0].Id, await Certifier(), await Approver());
        await AcceptFinalReports(manager, grantId, 18_000m);
        await SendAs(manager, new StartGrantClosure.Command(grantId));   // USD 2,000.00 asked back
        var client = await SignedIn(manager);
        var url = $"/fund/grants/{grantId}";

        var partial = await PostPageForm(client, url, "Refund",
            [new("RefundAmount", "1500.00"), new("RefundValueDate", Today.ToString("yyyy-MM-dd")), new("RefundBankReference", "REF-PART")]);

        var html = await AssertRefusedWith(partial, "The refund must be the unspent balance asked for, USD 2,000.00.");
        Assert.Contains("value=\"1500.00\"", html);   // what the officer typed, not the balance due
        Assert.Equal(GrantStatus.RefundRequested, (await Query(new GetGrantAgreement.Query(grantId))).Grant.Status);

        var full = await PostPageForm(client, url, "Refund",
            [new("RefundAmount", "2000.00"), new("RefundValueDate", Today.ToString("yyyy-MM-dd")), new("RefundBankReference", "REF-FULL")]);
        Assert.Equal(url, LocationOf(full));
        var result = await Query(new GetGrantAgreement.Query(grantId));
        Assert.Equal((GrantStatus.Closed, 2_000m), (result.Grant.Status, result.Balance.Refunded));
    }

    [Fact]
    public async Task Closure_AllSpent_ClosesAtOnce()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        await Pay((await Payments(grantId))[0].Id, await Certifier(), await Approver());
        await AcceptFinalReports(manager, grantId, 21_000m);

        var closure = await SendAs(manager, new StartGrantClosure.Command(grantId));   // overspent with its own money

        Assert.Equal((0m, true), (closure.RefundDue, closure.Closed));
        Assert.Equal(0m, (await Query(new GetGrantAgreement.Query(grantId))).Balance.OpenObligation);
    }

    [Fact]
    public async Task StartGrantClosure_WithAPaymentStillInProgress_IsRefused()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        await AcceptFinalReports(manager, grantId, 0m);

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new StartGrantClosure.Command(grantId)));

        Assert.Equal("A payment of this grant is still in progress: disburse it before closing.", error.Message);
    }

    [Fact]
    public async Task ListUnliquidatedObligations_ListsOpenObligationsPastTheGrantsEndDate_Only()
    {
        await Fund(200_000);
        var manager = await Manager();
        var open = await SignedAgreement(manager, 40_000);
        var closed = await SignedAgreement(manager, 30_000);
        await Pay((await Payments(closed))[0].Id, await Certifier(), await Approver());
        await AcceptFinalReports(manager, closed, 15_000m);
        await SendAs(manager, new StartGrantClosure.Command(closed));
        var end = (await Query(new GetGrantAgreement.Query(open))).Grant.EndDate;

        Assert.Empty(await Query(new ListUnliquidatedObligations.Query(end)));
        var listed = Assert.Single(await Query(new ListUnliquidatedObligations.Query(end.AddDays(10))));

        Assert.Equal((open, 40_000m, 10), (listed.GrantId, listed.OpenObligation, listed.DaysPastEnd));
    }
}
