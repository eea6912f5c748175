using TrustFund.Application.Features.Grants;
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

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new StartGrantClosure.Command(grantId, 10_000)));

        Assert.Equal("The final narrative and financial reports must be accepted before closure.", error.Message);
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
        await AcceptReports(manager, grantId, r => r.IsFinal);

        var closure = await SendAs(manager, new StartGrantClosure.Command(grantId, 37_512.45m));

        Assert.Equal((40_000m, 2_487.55m, false), (closure.Disbursed, closure.RefundDue, closure.Closed));
        Assert.Equal(GrantStatus.RefundRequested, (await Query(new GetGrantAgreement.Query(grantId))).Grant.Status);
        var wrong = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new RecordGrantRefund.Command(grantId, 2_000m, Today, "REF-1")));
        Assert.Equal("The refund must be the unspent balance asked for, USD {0:N2}.", wrong.Template);

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
        await AcceptReports(manager, grantId, r => r.IsFinal);

        var closure = await SendAs(manager, new StartGrantClosure.Command(grantId, 18_000m));
        await SendAs(manager, new RecordGrantRefund.Command(grantId, closure.RefundDue, Today, "REF-9"));

        Assert.Equal(2_000m, closure.RefundDue);
        var result = await Query(new GetGrantAgreement.Query(grantId));
        Assert.Equal(GrantStatus.Closed, result.Grant.Status);
        Assert.Equal(20_000m, Assert.Single(await Journal(grantId), j => j.EventType == JournalEventType.ObligationReleased).UsdAmount);
        Assert.Equal((40_000m, 20_000m, 20_000m, 0m), (result.Balance.Obligated, result.Balance.Liquidated, result.Balance.Released, result.Balance.OpenObligation));
    }

    [Fact]
    public async Task Closure_AllSpent_ClosesAtOnce()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        await Pay((await Payments(grantId))[0].Id, await Certifier(), await Approver());
        await AcceptReports(manager, grantId, r => r.IsFinal);

        var closure = await SendAs(manager, new StartGrantClosure.Command(grantId, 21_000m));   // overspent with its own money

        Assert.Equal((0m, true), (closure.RefundDue, closure.Closed));
        Assert.Equal(0m, (await Query(new GetGrantAgreement.Query(grantId))).Balance.OpenObligation);
    }

    [Fact]
    public async Task StartGrantClosure_WithAPaymentStillInProgress_IsRefused()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        await AcceptReports(manager, grantId, r => r.IsFinal);

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new StartGrantClosure.Command(grantId, 0)));

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
        await AcceptReports(manager, closed, r => r.IsFinal);
        await SendAs(manager, new StartGrantClosure.Command(closed, 15_000));
        var end = (await Query(new GetGrantAgreement.Query(open))).Grant.EndDate;

        Assert.Empty(await Query(new ListUnliquidatedObligations.Query(end)));
        var listed = Assert.Single(await Query(new ListUnliquidatedObligations.Query(end.AddDays(10))));

        Assert.Equal((open, 40_000m, 10), (listed.GrantId, listed.OpenObligation, listed.DaysPastEnd));
    }
}
