using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.BrowserTests.Support;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Grants;

namespace TrustFund.BrowserTests;

/// <summary>
/// Issue 6's journey: the NGO submits its interim reports, the secretariat sends the narrative one back, the NGO
/// resubmits, the secretariat accepts both, and the grant's second instalment becomes a payment request.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GranteeReportTests(BrowserApp app)
{
    [SkippableFact]
    public async Task InterimReports_SentBackResubmittedAccepted_MakeTheSecondInstalmentDue()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var (grantId, narrativeId, financialId) = await SignedGrantWithInterimReports();

        var ngo = await app.SignIn("ngo.ukraine@trustfund.test");
        await ngo.GotoAsync("/apply");
        await Assertions.Expect(ngo.Locator($"a[href='/apply/reports/{narrativeId}']")).ToBeVisibleAsync();
        await ngo.GotoAsync($"/apply/reports/{narrativeId}");
        await ngo.Locator("input[name='BySex[Female]']").FillAsync("5");
        await ngo.Locator("input[name='BySex[Male]']").FillAsync("3");
        await ngo.Locator("input[name='ByAgeGroup[Child]']").FillAsync("2");
        await ngo.Locator("input[name='ByAgeGroup[Adult]']").FillAsync("6");
        await SetNationality(ngo, "UA", "8");
        await ngo.Locator("input[name='ByForm[SEXUAL_EXPLOITATION]']").FillAsync("8");
        await ngo.Locator("textarea[name='Activities']").FillAsync("Shelter and legal aid for eight survivors, as planned.");
        await ngo.Locator("button", new() { HasText = "Submit the report" }).ClickAsync();
        await Assertions.Expect(ngo.Locator(".error-summary")).ToHaveCountAsync(0);

        await ngo.GotoAsync($"/apply/reports/{financialId}");
        await ngo.Locator("input[name='Lines[0].Spent']").FillAsync("38000"); // spent as budgeted: no variance to explain
        await ngo.Locator("input[name='Lines[1].Spent']").FillAsync("2000");
        await ngo.Locator("button", new() { HasText = "Submit the report" }).ClickAsync();
        await Assertions.Expect(ngo.Locator(".error-summary")).ToHaveCountAsync(0);

        var manager = await app.SignIn("fundmanager@trustfund.test");
        await manager.GotoAsync($"/fund/grants/reports/{narrativeId}");
        await manager.Locator("#Comment").FillAsync("Please add the assistance given by type.");
        await manager.Locator("form[action*='handler=SendBack'] button").ClickAsync();

        await ngo.GotoAsync($"/apply/reports/{narrativeId}");
        await Assertions.Expect(ngo.Locator("main")).ToContainTextAsync("Please add the assistance given by type.");
        await ngo.Locator("input[name='ByAssistance[SHELTER]']").FillAsync("8");
        await ngo.Locator("button", new() { HasText = "Submit the report" }).ClickAsync();
        await Assertions.Expect(ngo.Locator(".error-summary")).ToHaveCountAsync(0);

        foreach (var report in new[] { narrativeId, financialId })
        {
            await manager.GotoAsync($"/fund/grants/reports/{report}");
            await manager.Locator("form[action*='handler=Accept'] button").ClickAsync();
            await Assertions.Expect(manager.Locator(".notice")).ToBeVisibleAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        Assert.Equal(2, await db.GrantPayments.CountAsync(p => p.GrantId == grantId)); // the second instalment is now requested
        Assert.All(await db.GrantReports.Where(r => r.Id == narrativeId || r.Id == financialId).ToListAsync(),
            r => Assert.Equal(GrantReportStatus.Accepted, r.Status));
    }

    private static async Task SetNationality(IPage page, string code, string number)
    {
        var codeField = page.Locator("[name='ByNationality[0].Code']");
        if (await codeField.EvaluateAsync<string>("e => e.tagName") == "SELECT") await codeField.SelectOptionAsync(code);
        else await codeField.FillAsync(code);
        await page.Locator("[name='ByNationality[0].Number']").FillAsync(number);
    }

    /// <summary>The Ukrainian demo NGO's 18-month project, approved and signed, so it owes interim reports.</summary>
    private async Task<(Guid Grant, Guid Narrative, Guid Financial)> SignedGrantWithInterimReports()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrustFundDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var ngo = (await users.FindByEmailAsync("ngo.ukraine@trustfund.test"))!;
        // The demo call open now (the demo's past call is closed; another browser test publishes a medium-term call of its own).
        var call = await db.Calls.OrderBy(c => c.CreatedAt).FirstAsync(c => c.Window == FundingWindow.MediumTerm && c.Status == CallStatus.Published);
        var now = app.Clock.GetUtcNow();
        var application = await ApprovedAward.AddAsync(db, call, ngo.OrganisationId!.Value, "Ukrainian Women's Shelter Network", "UA", 9101, startsIn: 1,
            months: 18, now, new BudgetLine(BudgetCategory.DirectAssistance, "Safe houses", 38_000), new BudgetLine(BudgetCategory.OfficeRunningCosts, "Rent", 2_000));

        services.GetRequiredService<IHttpContextAccessor>().HttpContext = await BrowserApp.SignedInContext(services, "fundmanager@trustfund.test");
        var mediator = services.GetRequiredService<IMediator>();
        var grant = await mediator.Send(new CreateGrantAgreement.Command(application.Id));
        await mediator.Send(new SignGrantAgreement.Command(grant));
        var reports = await db.GrantReports.AsNoTracking().Where(r => r.GrantId == grant).ToListAsync();
        return (grant, reports.Single(r => r.Kind == GrantReportKind.InterimNarrative).Id, reports.Single(r => r.Kind == GrantReportKind.InterimFinancial).Id);
    }
}
