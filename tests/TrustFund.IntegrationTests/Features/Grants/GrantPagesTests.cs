using System.Net;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Payments;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class GrantPagesTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task GrantPages_DrawUpEditAndSign_ThroughTheForms()
    {
        await Fund(100_000);
        var applicationId = await ApprovedApplication(40_000);
        var manager = await Manager();
        var client = await SignedIn(manager);
        Assert.Contains("Draw up the agreement", await client.GetStringAsync("/fund/grants"));

        var created = await PostForm(client, "/fund/grants?handler=Create", new() { ["applicationId"] = applicationId.ToString() }, "/fund/grants");
        var grantUrl = LocationOf(created);
        Assert.Matches("^/fund/grants/[0-9a-f-]{36}$", grantUrl);
        var grantId = Guid.Parse(grantUrl["/fund/grants/".Length..]);

        var draft = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        var edited = await PostForm(client, grantUrl + "/edit", new()
        {
            ["Amount"] = "40000", ["StartDate"] = draft.StartDate.ToString("yyyy-MM-dd"), ["EndDate"] = draft.EndDate.ToString("yyyy-MM-dd"),
            ["Budget[0].Category"] = "DirectAssistance", ["Budget[0].Description"] = "Shelter and food", ["Budget[0].Amount"] = "37000",
            ["Budget[1].Category"] = "OfficeRunningCosts", ["Budget[1].Description"] = "Rent share", ["Budget[1].Amount"] = "2000",
            ["Budget[2].Category"] = "Audit", ["Budget[2].Description"] = "", ["Budget[2].Amount"] = "",
            ["Budget[3].Category"] = "Audit", ["Budget[3].Description"] = "Audit", ["Budget[3].Amount"] = "1000",
["Instalments[0].Percent"] = "30", ["Instalments[0].Condition"] = "OnSignature",
            ["Instalments[1].Percent"] = "70", ["Instalments[1].Condition"] = "AfterInterimReportsAccepted",
        });
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, await edited.Content.ReadAsStringAsync());
        Assert.Equal(grantUrl, LocationOf(edited));
        var signed = await PostForm(client, grantUrl + "?handler=Sign", new(), grantUrl);
        Assert.Equal(grantUrl, LocationOf(signed));

        var html = await client.GetStringAsync(grantUrl);
        Assert.Contains("Amend the agreement", html);
        Assert.Contains("USD 12,000.00", html);        // 30% on signature
        Assert.Contains("Direct assistance to victims", html);   // the budget category's name, not its code
        Assert.DoesNotContain(">DirectAssistance<", html);
        Assert.Equal(["DirectAssistance", "OfficeRunningCosts", "Audit"], (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget.Select(l => l.Category));
        Assert.Equal(12_000m, Assert.Single(await Payments(grantId)).Amount);
        Assert.Single(await Journal(grantId), j => j.EventType == JournalEventType.ObligationRaised && j.UsdAmount == 40_000m);
    }

    [Fact]
    public async Task GrantPages_SigningWithoutEnoughAvailable_ShowsWhy()
    {
        await Fund(1_000);
        var grantId = await Agreement(40_000);
        var client = await SignedIn(await Manager());

        var refused = await PostForm(client, $"/fund/grants/{grantId}?handler=Sign", new(), $"/fund/grants/{grantId}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("USD 45,200.00 including programme support cost", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task GrantsCsv_FiltersByStatus()
    {
        await Fund(100_000);
        var manager = await Manager();
        await SignedAgreement(manager, 40_000);
        await Agreement(30_000);
        var client = await SignedIn(manager);

        var response = await client.GetAsync("/fund/grants?handler=Csv&status=Signed");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("grant_id,reference,grantee,status,amount_usd,", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",Signed,40000.00,", row);
        Assert.EndsWith(",40000.00,0.00,0.00,0.00,0.00,40000.00,0.00", row);   // obligated, disbursed, PSC, refunded, released, open, earmarked
        Assert.Equal(2, (await client.GetStringAsync("/fund/grants?handler=Csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task PaymentsPage_ManyDisburseClicksAtOnce_DisbursesOnce()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var payment = Assert.Single(await Payments(grantId));
        var approver = await Approver();
        await SendAs(await Certifier(), new CertifyPayment.Command(payment.Id));
        await SendAs(approver, new ApprovePayment.Command(payment.Id));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++) clients.Add(await SignedIn(approver));
        // Each client first loads the page for its token, as a browser would; then all post at the same moment.
        var forms = new List<Dictionary<string, string>>();
        foreach (var client in clients)
        {
            var html = await client.GetStringAsync("/finance/payments");
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
            forms.Add(new()
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value), ["paymentId"] = payment.Id.ToString(),
                ["ValueDate"] = Today.ToString("yyyy-MM-dd"), ["BankReference"] = "TT-900",
            });
        }

        var responses = await Task.WhenAll(clients.Select((client, i) =>
            client.PostAsync("/finance/payments?handler=Disburse", new FormUrlEncodedContent(forms[i]))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var journal = await Journal(grantId);
        Assert.Single(journal, j => j.EventType == JournalEventType.Disbursement);
        Assert.Single(journal, j => j.EventType == JournalEventType.PscCharge);
        Assert.Equal(PaymentStatus.Disbursed, Assert.Single(await Payments(grantId)).Status);
    }

    [Fact]
    public async Task PaymentsPage_CertifyAndApprove_EachSentThreeTimesAtOnceWithItsKey_AreDoneOnce_WithOneAnswer()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var payment = Assert.Single(await Payments(grantId));
        var certifier = await SignedIn(await Certifier());
        var approver = await SignedIn(await Approver());

        foreach (var (client, handler) in new[] { (certifier, "Certify"), (approver, "Approve") })
        {
            // One form, its answer lost and sent again twice by a browser or a reconnecting link: the same key each time.
            var (action, fields) = await PageForm(client, "/finance/payments", handler, [], containing: payment.Id.ToString());
            var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync(action, new FormUrlEncodedContent(fields))));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
            Assert.Single(answers.Select(LocationOf).Distinct());
        }

        Assert.Equal(PaymentStatus.Approved, Assert.Single(await Payments(grantId)).Status);
        // Sent again with a new key (the page loaded anew), the approval is refused as already done: the key made the difference.
        var fresh = await PostForm(approver, "/finance/payments?handler=Approve", new() { ["paymentId"] = payment.Id.ToString() }, "/finance/payments");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task PaymentsPage_CertifyThenApproveByAnotherOfficer_AndShowsHolds()
    {
        await Fund(200_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var held = await SignedAgreement(manager, 30_000);
        var payment = Assert.Single(await Payments(grantId));
        var due = (await Reports(held)).First(r => r.Kind == GrantReportKind.InterimNarrative).DueOn;
        // The first grantee handed its interim reports in on time; the second did not, so its instalment is held.
        foreach (var report in (await Reports(grantId)).Where(r => r.IsInterim)) await SubmitReport(report.Id);
        App.Clock.SetUtcNow(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
        await Send(new MarkOverdueGrantReports.Command());
        // Signed in after the clock moved, so the sign-in cookie is fresh for the app's clock.
        var certifier = await SignedIn(await CreateUser("both@unodc.test", [Roles.CertifyingOfficer, Roles.ApprovingOfficer], twoFactor: true));
        var approver = await SignedIn(await Approver());

        var queue = WebUtility.HtmlDecode(await certifier.GetStringAsync("/finance/payments"));
        Assert.Contains($"Held: the interim narrative report due {due:yyyy-MM-dd} is overdue.", queue);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(queue, "Held: the"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(certifier, "/finance/payments?handler=Certify", new() { ["paymentId"] = payment.Id.ToString() }, "/finance/payments")).StatusCode);
        // The certifier holds both roles, yet cannot approve what they certified: the page says why.
        var selfApproval = await PostForm(certifier, "/finance/payments?handler=Approve", new() { ["paymentId"] = payment.Id.ToString() }, "/finance/payments");
        Assert.Equal(HttpStatusCode.OK, selfApproval.StatusCode);
        Assert.Contains("You certified this payment: another officer must approve it.", WebUtility.HtmlDecode(await selfApproval.Content.ReadAsStringAsync()));
        Assert.Equal(PaymentStatus.Certified, (await Payments(grantId))[0].Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(approver, "/finance/payments?handler=Approve", new() { ["paymentId"] = payment.Id.ToString() }, "/finance/payments")).StatusCode);

        Assert.Equal(PaymentStatus.Approved, (await Payments(grantId))[0].Status);
    }

    [Theory]
    [InlineData("/finance/payments")]
    [InlineData("/finance/obligations")]
    public async Task FinanceOfficerPages_AreForCertifyingAndApprovingOfficersOnly(string url)
    {
        Assert.StartsWith("/account/login", LocationOf(await NewClient().GetAsync(url)));
        var manager = await SignedIn(await Manager());
        Assert.StartsWith("/account/access-denied", LocationOf(await manager.GetAsync(url)));
        Assert.Equal(HttpStatusCode.OK, (await (await SignedIn(await Certifier())).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedIn(await Approver())).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ObligationsPage_ListsGrantsPastTheirEndWithMoneyStillObligated()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager(), 40_000);
        var end = (await Query(new GetGrantAgreement.Query(grantId))).Grant.EndDate;
        var client = await SignedIn(await Certifier());

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/finance/obligations?asOf={end.AddDays(31):yyyy-MM-dd}"));

        Assert.Contains("NGO number 1", html);
        Assert.Contains("USD 40,000.00", html);
        Assert.Contains("No obligation is open past its grant's end date.",
            WebUtility.HtmlDecode(await client.GetStringAsync($"/finance/obligations?asOf={end:yyyy-MM-dd}")));
    }
}
