using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Grants;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>The grant page's report acceptance and closure buttons, posted through the page, and posted again from a page left open.</summary>
public sealed class GrantDetailsFormTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task GrantPage_AcceptsASubmittedReport_AndTheSameButtonFromAPageLeftOpen_IsRefusedWithThatMessageOnly()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grant = await SignedAgreement(manager, 40_000);
        var report = (await Reports(grant)).First(r => r.Kind == GrantReportKind.InterimNarrative).Id;
        await SubmitReport(report);
        var client = await SignedIn(manager);
        var url = $"/fund/grants/{grant}";
        var (action, fields) = await PageForm(client, url, "AcceptReport", [], containing: report.ToString());

        var accepted = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(url, LocationOf(accepted));
        Assert.Equal(GrantReportStatus.Accepted, (await Reports(grant)).Single(r => r.Id == report).Status);

        // The page left open in another tab: its own form, with a new idempotency key as a second click there would send.
        fields.RemoveAll(f => f.Key == "__IdempotencyKey");
        var again = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        await AssertRefusedWith(again, "Only a submitted report can be accepted.");
        var unknown = await client.PostAsync(action, new FormUrlEncodedContent(
            fields.Select(f => f.Key == "reportId" ? new KeyValuePair<string, string>(f.Key, Guid.NewGuid().ToString()) : f)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task GrantPage_StartsClosure_AskingBackTheUnspentBalance_AndASecondClickIsRefused()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grant = await SignedAgreement(manager, 40_000);
        await Pay((await Payments(grant))[0].Id, await Certifier(), await Approver());
        await AcceptFinalReports(manager, grant, 18_000m);
        var client = await SignedIn(manager);
        var url = $"/fund/grants/{grant}";
        var (action, fields) = await PageForm(client, url, "Close", []);

        var started = await client.PostAsync(action, new FormUrlEncodedContent(fields));

        Assert.Equal(url, LocationOf(started));
        Assert.Contains("A refund of USD 2,000.00 is requested from the grantee.", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
        var result = await Query(new GetGrantAgreement.Query(grant));
        Assert.Equal((GrantStatus.RefundRequested, 2_000m), (result.Grant.Status, result.Grant.RefundDue));
        fields.RemoveAll(f => f.Key == "__IdempotencyKey");
        await AssertRefusedWith(await client.PostAsync(action, new FormUrlEncodedContent(fields)), "Only a signed grant that is not yet closing can be closed.");
        Assert.Equal(GrantStatus.RefundRequested, (await Query(new GetGrantAgreement.Query(grant))).Grant.Status);
    }

    [Fact]
    public async Task GrantPage_ClosureBeforeTheFinalReports_IsRefusedWithTheRule()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grant = await SignedAgreement(manager, 40_000);
        var client = await SignedIn(manager);
        var url = $"/fund/grants/{grant}";
        var token = HiddenFieldsOf(WebUtility.HtmlDecode(await client.GetStringAsync(url))).First(f => f.Key == "__RequestVerificationToken");

        // The button is not offered yet: posted by hand.
        var response = await client.PostAsync(url + "?handler=Close", new FormUrlEncodedContent([token]));

        await AssertRefusedWith(response, "The final financial report must be accepted before closure: its expenditure gives the unspent balance.");
        Assert.Equal(GrantStatus.Signed, (await Query(new GetGrantAgreement.Query(grant))).Grant.Status);
    }

    [Fact]
    public async Task DossierPage_ForAnAgreementNotYetSigned_IsRefusedWithTheRule_AndNothingIsBuilt()
    {
        var grant = await Agreement(40_000);
        var client = await SignedIn(await Manager());

        var response = await PostPageForm(client, $"/fund/grants/{grant}/dossier", null, []);

        await AssertRefusedWith(response, "An auditor's dossier is made for a signed grant.");
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.AuditorDossiers.CountAsync());
    }
}
