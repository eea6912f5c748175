using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

/// <summary>
/// The money path end to end, through the real pages: a pledge and a receipt in EUR, a grant signed, a payment
/// certified by one officer, approved and disbursed by another, and the dashboard moving.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GrantPaymentTests(BrowserApp app)
{
    [SkippableFact]
    public async Task APledgeInEur_AGrantSigned_CertifiedApprovedAndDisbursed_MovesTheDashboard()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var today = app.Today;
        var (norwayId, reference) = await ApprovedAwardAndNorway(15_500m);
        var certifierKey = await app.OfficerWithTwoFactor("carla.certifier@unodc.test", Roles.CertifyingOfficer);
        var approverKey = await app.OfficerWithTwoFactor("anton.approver@unodc.test", Roles.ApprovingOfficer);

        var manager = await app.SignIn("fundmanager@trustfund.test", null);
        var before = await DashboardTotals(manager);
        // A EUR rate in force today, then a pledge and its receipt: EUR 45,000 at 0.9 = USD 50,000.
        await manager.GotoAsync("/fund/rates");
        await manager.Locator("#Currency").FillAsync("EUR");
        // Dated today: a revision in force from today, whatever the demo table already holds for the month.
        await manager.Locator("#EffectiveFrom").FillAsync(today.ToString("yyyy-MM-dd"));
        await manager.Locator("#UnitsPerUsd").FillAsync("0.9");
        await manager.Locator("form.stack button[type=submit]").ClickAsync();
        await manager.GotoAsync($"/fund/donors/{norwayId}/pledges/new");
        await manager.Locator("#Amount").FillAsync("45000");
        await manager.Locator("#Currency").FillAsync("EUR");
        await manager.Locator("#PledgedOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await manager.Locator("form.stack button[type=submit]").ClickAsync();
        await manager.Locator("tr", new() { HasText = "EUR 45,000.00" }).Locator("a", new() { HasText = "Record a receipt" }).ClickAsync();
        await manager.Locator("#BankReference").FillAsync("NOR-EUR-1");
        await manager.Locator("form.stack button[type=submit]").ClickAsync();
        await Assertions.Expect(manager.Locator(".notice")).ToContainTextAsync("USD 50,000.00");

        // Draw up and sign the agreement.
        await manager.GotoAsync("/fund/grants");
        await manager.Locator("tr", new() { HasText = reference }).Locator("form[action*='handler=Create'] button").ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("GA-" + reference);
        await manager.Locator("form[action*='handler=Sign'] button").ClickAsync();
        await Assertions.Expect(manager.Locator(".notice")).ToContainTextAsync("The agreement is signed");

        // One officer certifies; another approves and records the transfer. The queue also holds the demo grant's second
        // instalment, so each officer acts on this grant's row.
        var certifier = await app.SignIn("carla.certifier@unodc.test", certifierKey);
        await certifier.GotoAsync("/finance/payments");
        await certifier.Locator("tr", new() { HasText = "GA-" + reference }).Locator("form[action*='handler=Certify'] button").ClickAsync();
        await Assertions.Expect(certifier.Locator(".notice")).ToContainTextAsync("The payment is certified.");

        var approver = await app.SignIn("anton.approver@unodc.test", approverKey);
        await approver.GotoAsync("/finance/payments");
        var row = approver.Locator("tr", new() { HasText = "GA-" + reference });
        await row.Locator("form[action*='handler=Approve'] button").ClickAsync();
        await Assertions.Expect(approver.Locator(".notice")).ToContainTextAsync("The payment is approved.");
        await row.Locator("form[action*='handler=Disburse'] input[name=BankReference]").FillAsync("TT-2027-001");
        await row.Locator("form[action*='handler=Disburse'] button").ClickAsync();
        await Assertions.Expect(approver.Locator(".notice")).ToContainTextAsync("The disbursement is recorded.");

        // Cash 50,000 − 15,500 disbursed − 2,015 PSC = 32,485 more available; all years: disbursed + 15,500, PSC + 2,015.
        // Compared with the dashboard before, not with fixed totals: other browser tests move money in the same database.
        var after = await DashboardTotals(manager);
        Assert.Equal((15_500m, 2_015m, 32_485m), (after.Disbursed - before.Disbursed, after.Psc - before.Psc, after.Available - before.Available));
    }

    /// <summary>The dashboard's "All years" row as the page shows it: disbursed, PSC and available at the end.</summary>
    private static async Task<(decimal Disbursed, decimal Psc, decimal Available)> DashboardTotals(IPage manager)
    {
        await manager.GotoAsync("/fund/dashboard?culture=en");
        var cells = await manager.Locator("tr[data-year=total] td").AllInnerTextsAsync();
        decimal Usd(int column) => decimal.Parse(cells[column].Replace("USD", "").Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        return (Usd(3), Usd(4), Usd(7));
    }

    /// <summary>
    /// An application to the demo short-term call, taken to approval directly (the board's pages are another piece of
    /// work), and the demo donor Norway.
    /// </summary>
    private async Task<(Guid NorwayId, string Reference)> ApprovedAwardAndNorway(decimal amount)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var now = app.Clock.GetUtcNow();
        var call = (await db.Calls.ToListAsync()).First(c => c.Window == FundingWindow.ShortTerm && c.IsOpenAt(now) && !c.Slug.StartsWith("browser-")); // the demo's call
        var organisation = await db.Organisations.FirstAsync(o => o.LegalName == "Casa de Acogida Esperanza");
        var application = await ApprovedAward.AddAsync(db, call, organisation.Id, organisation.LegalName, "CO", 9001, startsIn: 2, months: 6, now,
            new BudgetLine(BudgetCategory.DirectAssistance, "Refugio", amount - 500), new BudgetLine(BudgetCategory.OfficeRunningCosts, "Alquiler", 500));
        var norway = await db.Donors.FirstAsync(d => d.Name == "Norway");
        return (norway.Id, application.ReferenceNumber!);
    }
}
