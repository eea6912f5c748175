using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.BrowserTests.Support;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Grants;

namespace TrustFund.BrowserTests;

/// <summary>
/// Issue 12's grant journey through the real pages: the fund manager draws up the agreement and sets two instalments,
/// 60% on signature and 40% after the interim reports are accepted, and signs it; the first instalment is certified,
/// approved and disbursed; the NGO submits its interim reports, the secretariat accepts them, and the second instalment
/// is certified, approved and disbursed in its turn.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoInstalmentGrantTests(BrowserApp app)
{
    [SkippableFact]
    public async Task AGrantOf60And40Percent_IsPaidInTwo_TheSecondAfterTheInterimReportsAreAccepted()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var reference = await AnApprovedAward();
        var certifierKey = await app.OfficerWithTwoFactor("cecile.certifier@unodc.test", Roles.CertifyingOfficer);
        var approverKey = await app.OfficerWithTwoFactor("amadou.approver@unodc.test", Roles.ApprovingOfficer);

        // Draw up the agreement and set its schedule on the edit page, then sign it.
        var manager = await app.SignIn("fundmanager@trustfund.test");
        await manager.GotoAsync("/fund/grants");
        await manager.Locator("tr", new() { HasText = reference }).Locator("form[action*='handler=Create'] button").ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("GA-" + reference);
        var grantPage = manager.Url;
        await manager.GotoAsync(grantPage + "/edit");
        await manager.Locator("#Instalments_0__Percent").FillAsync("60");
        await manager.Locator("#Instalments_1__Percent").FillAsync("40");
        await manager.Locator("#Instalments_1__Condition").SelectOptionAsync(nameof(InstalmentCondition.AfterInterimReportsAccepted));
        await manager.Locator("button", new() { HasText = "Save the agreement" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".error-summary")).ToHaveCountAsync(0);
        await manager.GotoAsync(grantPage);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("USD 24,000.00");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("USD 16,000.00");
        await manager.Locator("form[action*='handler=Sign'] button").ClickAsync();
        await Assertions.Expect(manager.Locator(".notice")).ToContainTextAsync("The agreement is signed");

        var certifier = await app.SignIn("cecile.certifier@unodc.test", certifierKey);
        var approver = await app.SignIn("amadou.approver@unodc.test", approverKey);
        await PayTheInstalmentDue(certifier, approver, reference, "USD 24,000.00", "NP-TT-1");

        // The NGO reports; until the secretariat accepts both interim reports nothing more is due.
        var (narrative, financial) = await InterimReports(reference);
        var ngo = await app.SignIn("ngo.nepal@trustfund.test");
        await ngo.GotoAsync($"/apply/reports/{narrative}");
        await ngo.Locator("input[name='BySex[Female]']").FillAsync("12");
        await ngo.Locator("input[name='ByAgeGroup[Adult]']").FillAsync("12");
        await ngo.Locator("[name='ByNationality[0].Code']").SelectOptionAsync("NP");
        await ngo.Locator("[name='ByNationality[0].Number']").FillAsync("12");
        await ngo.Locator("input[name='ByForm[FORCED_LABOUR]']").FillAsync("12");
        await ngo.Locator("textarea[name='Activities']").FillAsync("Shelter and legal aid for twelve returnees, as planned.");
        await ngo.Locator("button", new() { HasText = "Submit the report" }).ClickAsync();
        await Assertions.Expect(ngo.Locator(".error-summary")).ToHaveCountAsync(0);
        await ngo.GotoAsync($"/apply/reports/{financial}");
        await ngo.Locator("input[name='Lines[0].Spent']").FillAsync("38000");
        await ngo.Locator("input[name='Lines[1].Spent']").FillAsync("2000");
        await ngo.Locator("button", new() { HasText = "Submit the report" }).ClickAsync();
        await Assertions.Expect(ngo.Locator(".error-summary")).ToHaveCountAsync(0);
        await certifier.GotoAsync("/finance/payments"); // the first instalment is paid and the second not yet requested
        await Assertions.Expect(certifier.Locator("tr", new() { HasText = "GA-" + reference })).ToHaveCountAsync(0);

        foreach (var report in new[] { narrative, financial })
        {
            await manager.GotoAsync($"/fund/grants/reports/{report}");
            await manager.Locator("form[action*='handler=Accept'] button").ClickAsync();
            await Assertions.Expect(manager.Locator(".notice")).ToContainTextAsync("The report is accepted.");
        }

        await PayTheInstalmentDue(certifier, approver, reference, "USD 16,000.00", "NP-TT-2");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var grant = await db.GrantAgreements.SingleAsync(g => g.ReferenceNumber == "GA-" + reference);
        var payments = await db.GrantPayments.Where(p => p.GrantId == grant.Id).OrderBy(p => p.InstalmentNumber).ToListAsync();
        Assert.Equal([(1, 24_000m, "NP-TT-1"), (2, 16_000m, "NP-TT-2")], payments.Select(p => (p.InstalmentNumber, p.Amount, p.BankReference!)));
        Assert.All(payments, p => Assert.NotNull(p.ValueDate));
    }

    /// <summary>One officer certifies the grant's waiting instalment, another approves it and records the transfer.</summary>
    private static async Task PayTheInstalmentDue(IPage certifier, IPage approver, string reference, string amount, string bankReference)
    {
        await certifier.GotoAsync("/finance/payments");
        var row = certifier.Locator("tr", new() { HasText = "GA-" + reference });
        await Assertions.Expect(row).ToContainTextAsync(amount);
        await row.Locator("form[action*='handler=Certify'] button").ClickAsync();
        await Assertions.Expect(certifier.Locator(".notice")).ToContainTextAsync("The payment is certified.");

        await approver.GotoAsync("/finance/payments");
        var approving = approver.Locator("tr", new() { HasText = "GA-" + reference });
        await approving.Locator("form[action*='handler=Approve'] button").ClickAsync();
        await Assertions.Expect(approver.Locator(".notice")).ToContainTextAsync("The payment is approved.");
        await approving.Locator("form[action*='handler=Disburse'] input[name=BankReference]").FillAsync(bankReference);
        await approving.Locator("form[action*='handler=Disburse'] button").ClickAsync();
        await Assertions.Expect(approver.Locator(".notice")).ToContainTextAsync("The disbursement is recorded.");
    }

    private async Task<(Guid Narrative, Guid Financial)> InterimReports(string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var reports = await db.GrantReports.AsNoTracking()
            .Where(r => db.GrantAgreements.Any(g => g.Id == r.GrantId && g.ReferenceNumber == "GA-" + reference)).ToListAsync();
        return (reports.Single(r => r.Kind == GrantReportKind.InterimNarrative).Id, reports.Single(r => r.Kind == GrantReportKind.InterimFinancial).Id);
    }

    /// <summary>
    /// The Nepalese demo NGO's 18-month project (so it owes interim reports) for USD 40,000, taken to approval directly:
    /// the board's pages are another journey.
    /// </summary>
    private async Task<string> AnApprovedAward()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var now = app.Clock.GetUtcNow();
        var call = await db.Calls.OrderBy(c => c.CreatedAt).FirstAsync(c => c.Window == FundingWindow.MediumTerm && c.Status == CallStatus.Published);
        var organisation = await db.Organisations.FirstAsync(o => o.LegalName == "Himalayan Survivors' Support Network");
        var application = await ApprovedAward.AddAsync(db, call, organisation.Id, organisation.LegalName, "NP", 9201, startsIn: 1, months: 18, now,
            new BudgetLine(BudgetCategory.DirectAssistance, "Shelter", 38_000), new BudgetLine(BudgetCategory.OfficeRunningCosts, "Rent", 2_000));
        return application.ReferenceNumber!;
    }
}
