using TrustFund.Application.Features.Payments;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Home;

public sealed class PaymentOfficerHomeTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task OfficerHome_ListsThePaymentsWaitingForThem_NoneOfTheirOwn()
    {
        var manager = await Manager();
        await Fund(200_000m);
        var certifier = await Certifier();
        var approver = await Approver();
        // One person holding both roles may certify a payment but never approve the one they certified.
        var both = await CreateUser("both@unodc.test", [Roles.CertifyingOfficer, Roles.ApprovingOfficer], twoFactor: true);
        var first = Assert.Single(await Payments(await SignedAgreement(manager, 40_000m, "CO")));
        App.Clock.SetUtcNow(App.Clock.GetUtcNow().AddHours(1));
        var second = Assert.Single(await Payments(await SignedAgreement(manager, 40_000m, "SN")));
        App.Clock.SetUtcNow(App.Clock.GetUtcNow().AddHours(1));
        var third = Assert.Single(await Payments(await SignedAgreement(manager, 40_000m, "TH")));

        var certifierHome = await HomePage.Get(await SignedIn(certifier));
        Assert.Equal(3, HomePage.Count(certifierHome, "payments-certify"));
        Assert.Contains("href=\"/finance/payments\"", HomePage.List(certifierHome, "payments-certify"));
        Assert.DoesNotContain("id=\"payments-approve\"", certifierHome);
        Assert.Equal(0, HomePage.Count(certifierHome, "payments-disburse"));

        await SendAs(certifier, new CertifyPayment.Command(first.Id));
        await SendAs(both, new CertifyPayment.Command(second.Id));
        await SendAs(certifier, new CertifyPayment.Command(third.Id));
        await SendAs(approver, new ApprovePayment.Command(third.Id));

        var approverHome = await HomePage.Get(await SignedIn(approver));
        Assert.Equal(2, HomePage.Count(approverHome, "payments-approve"));
        Assert.Equal(1, HomePage.Count(approverHome, "payments-disburse"));
        Assert.DoesNotContain("id=\"payments-certify\"", approverHome);
        var bothHome = await HomePage.Get(await SignedIn(both), "es");
        Assert.Equal(0, HomePage.Count(bothHome, "payments-certify"));
        Assert.Equal(1, HomePage.Count(bothHome, "payments-approve"));   // the first; the second is theirs
        Assert.Contains("Pagos por aprobar", bothHome);
        Assert.Contains("Los pagos solicitados a la espera de un oficial certificador aparecerán aquí.", bothHome);   // none waits: the empty state
    }
}
