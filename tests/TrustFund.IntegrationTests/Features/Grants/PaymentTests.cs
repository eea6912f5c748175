using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Journal;
using TrustFund.Application.Features.Payments;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class PaymentTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task DisbursePayment_AfterCertificationAndApproval_LiquidatesTheObligation_AndChargesPsc()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var payment = Assert.Single(await Payments(grantId));

        await Pay(payment.Id, await Certifier(), await Approver(), "TT-778");

        var paid = Assert.Single(await Payments(grantId));
        Assert.Equal((PaymentStatus.Disbursed, "TT-778", Today), (paid.Status, paid.BankReference, paid.ValueDate));
        Assert.Equal(("certifier@unodc.test", "approver@unodc.test"), (paid.CertifiedBy, paid.ApprovedBy));
        var journal = await Journal(grantId);
        Assert.Equal([(JournalEventType.ObligationRaised, 40_000m), (JournalEventType.ObligationLiquidated, 20_000m),
            (JournalEventType.Disbursement, 20_000m), (JournalEventType.PscCharge, 2_600m)], journal.Select(j => (j.EventType, j.UsdAmount)));
        var balance = (await Query(new GetGrantAgreement.Query(grantId))).Balance;
        Assert.Equal(20_000m, balance.OpenObligation);
    }

    [Fact]
    public async Task DisbursePayment_PscFollowsTheFundsRate()
    {
        await Send(new ChangeFundSettings.Command(7, 0));
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);

        await Pay(Assert.Single(await Payments(grantId)).Id, await Certifier(), await Approver());

        Assert.Equal(1_400m, Assert.Single(await Journal(grantId), j => j.EventType == JournalEventType.PscCharge).UsdAmount);
    }

    [Fact]
    public async Task ApprovePayment_ByTheOfficerWhoCertified_IsRefused()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var both = await CreateUser("both@unodc.test", [Roles.CertifyingOfficer, Roles.ApprovingOfficer], twoFactor: true);
        var payment = Assert.Single(await Payments(grantId));
        await SendAs(both, new CertifyPayment.Command(payment.Id));

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(both, new ApprovePayment.Command(payment.Id)));

        Assert.Equal("You certified this payment: another officer must approve it.", error.Message);
        Assert.Equal(PaymentStatus.Certified, Assert.Single(await Payments(grantId)).Status);
    }

    [Fact]
    public async Task ApprovePayment_ByTheOfficerWhoRequested_IsRefused()
    {
        await Fund(100_000);
        var requester = await CreateUser("manager-approver@unodc.test", [Roles.FundManager, Roles.ApprovingOfficer], twoFactor: true);
        var grantId = await SignedAgreement(requester, 40_000);
        var payment = Assert.Single(await Payments(grantId));
        await SendAs(await Certifier(), new CertifyPayment.Command(payment.Id));

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(requester, new ApprovePayment.Command(payment.Id)));

        Assert.Equal("You requested this payment: another officer must approve it.", error.Message);
    }

    [Fact]
    public async Task CertifyPayment_WithoutTwoFactorOnTheAccount_IsRefused()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var payment = Assert.Single(await Payments(grantId));
        var certifier = await Certifier();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(certifier.Id.ToString()))!, false);
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(certifier, new CertifyPayment.Command(payment.Id)));

        Assert.Equal("Turn on two-factor authentication on your account before acting on payments.", error.Message);
        Assert.Equal(PaymentStatus.Requested, Assert.Single(await Payments(grantId)).Status);
    }

    [Fact]
    public async Task CertifyPayment_ByAnOfficerWithoutTheRole_IsRefused()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var payment = Assert.Single(await Payments(grantId));

        var approver = await Approver();

        // The request's declaration refuses first (the payment's own rule, "Only a certifying officer can certify payments.",
        // stands behind it); the payments page shows an approver why, without a button.
        await Assert.ThrowsAsync<TrustFund.Application.Authorization.ForbiddenException>(() => SendAs(approver, new CertifyPayment.Command(payment.Id)));

        Assert.Equal(PaymentStatus.Requested, Assert.Single(await Payments(grantId)).Status);
    }

    [Fact]
    public async Task DisbursePayment_ManyClicksAtOnce_DisbursesOnce()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var payment = Assert.Single(await Payments(grantId));
        var approver = await Approver();
        await SendAs(await Certifier(), new CertifyPayment.Command(payment.Id));
        await SendAs(approver, new ApprovePayment.Command(payment.Id));

        using var start = new SemaphoreSlim(0);
        var clicks = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            try { await SendAs(approver, new DisbursePayment.Command(payment.Id, Today, "TT-" + i)); return true; }
            catch (DomainException) { return false; }
        })).ToList();
        start.Release(6);
        var outcomes = await Task.WhenAll(clicks);

        Assert.Equal(1, outcomes.Count(done => done));
        var journal = await Journal(grantId);
        Assert.Single(journal, j => j.EventType == JournalEventType.Disbursement);
        Assert.Single(journal, j => j.EventType == JournalEventType.PscCharge);
        Assert.Single(journal, j => j.EventType == JournalEventType.ObligationLiquidated);
    }

    [Fact]
    public async Task Instalment_WhileAReportIsOverdue_IsHeld_AndTheQueueSaysWhy()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var payment = Assert.Single(await Payments(grantId));
        var interim = (await Reports(grantId)).First(r => r.Kind == GrantReportKind.InterimNarrative);
        App.Clock.SetUtcNow(new DateTimeOffset(interim.DueOn.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

        Assert.Equal(2, await Send(new MarkOverdueGrantReports.Command()));
        Assert.Equal(0, await Send(new MarkOverdueGrantReports.Command()));   // safe to run twice

        var certifier = await Certifier();
        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(certifier, new CertifyPayment.Command(payment.Id)));
        Assert.Equal("This instalment is held: a report of the grant due {0:yyyy-MM-dd} is overdue.", error.Template);
        var queued = Assert.Single(await Query(new ListPaymentQueue.Query()));
        Assert.Equal((GrantReportKind.InterimNarrative, interim.DueOn), (queued.HeldByReport, queued.HeldByReportDueOn));
    }

    [Fact]
    public async Task AcceptGrantReport_AllInterimReportsAccepted_MakesTheNextInstalmentAPaymentRequest()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var interim = (await Reports(grantId)).Where(r => r.IsInterim).ToList();
        await SubmitReport(interim[0].Id);
        await SendAs(manager, new AcceptGrantReport.Command(interim[0].Id));
        Assert.Single(await Payments(grantId));                      // one interim report is not enough

        await SubmitReport(interim[1].Id);
        await SendAs(manager, new AcceptGrantReport.Command(interim[1].Id));

        var payments = await Payments(grantId);
        Assert.Equal([(1, 20_000m), (2, 20_000m)], payments.Select(p => (p.InstalmentNumber, p.Amount)));
        Assert.Equal(PaymentStatus.Requested, payments[1].Status);
    }

    [Fact]
    public async Task Dashboard_AfterGrantsArePaid_StillEqualsTheJournal()
    {
        await Fund(200_000);
        var manager = await Manager();
        var (certifier, approver) = (await Certifier(), await Approver());
        var first = await SignedAgreement(manager, 40_000);
        await SignedAgreement(manager, 30_000);
        await Pay(Assert.Single(await Payments(first)).Id, certifier, approver);

        var dashboard = await Query(new GetFundDashboard.Query());

        await using var db = App.NewDbContext();
        var journal = db.JournalEntries.ToList();
        decimal Sum(JournalEventType type) => journal.Where(j => j.BalanceType == type).Sum(j => j.UsdAmount);
        Assert.Equal(Sum(JournalEventType.ObligationRaised), dashboard.Total.Obligated);
        Assert.Equal(Sum(JournalEventType.Disbursement), dashboard.Total.Disbursed);
        Assert.Equal(Sum(JournalEventType.PscCharge), dashboard.Total.Psc);
        Assert.Equal((70_000m, 20_000m, 2_600m), (dashboard.Total.Obligated, dashboard.Total.Disbursed, dashboard.Total.Psc));
        // cash 200,000 − 20,000 − 2,600 = 177,400; open obligations 50,000 (+13% = 56,500)
        Assert.Equal(120_900m, dashboard.Total.AvailableAtEnd);
    }
}
