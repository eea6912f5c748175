using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFund.Application.Data;
using TrustFund.BrowserTests.Support;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;

namespace TrustFund.BrowserTests;

/// <summary>
/// The secretariat's bulk actions, a call open to some regions only, and blind review, driven through the pages. Each
/// test makes its own call with applications from the demo NGOs, so the shared demo fund's own work is left as it is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkListBulkTests(BrowserApp app)
{
    [SkippableFact]
    public async Task BulkScreening_ShowsWhatWillHappen_ThenScreensEach()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var (callId, _, ids) = await app.CallWith(9101, ["CO", "SN"], eligible: false);
        var page = await app.SignIn("fundmanager@trustfund.test");
        await Screenshots(page, $"/fund/calls/{callId}/applications/screen", "bulk-screening");

        await page.GotoAsync($"/fund/calls/{callId}/applications/screen");
        await page.Locator($"input[name='Choices[{ids[0]}]'][value=Eligible]").CheckAsync();
        await page.Locator($"input[name='Choices[{ids[1]}]'][value=Ineligible]").CheckAsync();
        await page.Locator("#EligibleMessage").FillAsync("Your application goes to the board's review.");
        await page.Locator("#IneligibleReason").FillAsync("The organisation is not registered in the country of the project.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check what will happen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#check-title")).ToHaveTextAsync("Check before screening");
        await Assertions.Expect(page.Locator("section.warning-box")).ToContainTextAsync("1 application will be marked eligible; 1 application will be marked ineligible; 0 applications will be skipped.");
        await Shot(page, "bulk-screening-check-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen 2 applications" }).ClickAsync();
        // The screening writes both decisions and their notices in one transaction; on a CI machine busy with the other
        // suites that has once taken over Playwright's default 30 s.
        await page.ArrivedAt(url => new Uri(url).AbsolutePath == $"/fund/calls/{callId}/applications", 90_000);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2 applications screened; 0 were skipped.");
        await using var db = NewDb(out var scope);
        await using (scope)
            Assert.Equal([ApplicationStatus.Eligible, ApplicationStatus.Ineligible],
                await db.Applications.Where(a => ids.Contains(a.Id)).OrderBy(a => a.ReferenceNumber).Select(a => a.Status).ToListAsync());
    }

    [SkippableFact]
    public async Task BulkAssignment_WithAConflictInTheSet_ListsWhoIsKeptOffAndWhy_ThenAssigns()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        // The Colombian NGO's application: the trustee from Colombia (GRULAC) is flagged and kept off it.
        var (callId, _, ids) = await app.CallWith(9201, ["CO", "TH"], eligible: true);
        var page = await app.SignIn("fundmanager@trustfund.test");
        await Screenshots(page, $"/fund/calls/{callId}/review/workload", "reviewer-workload");

        await page.GotoAsync($"/fund/calls/{callId}/review/workload");
        foreach (var id in ids) await page.Locator($"input[name=ApplicationIds][value='{id}']").CheckAsync();
        await page.Locator("#ReviewersPerApplication").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check what will happen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#check-title")).ToHaveTextAsync("Check before assigning");
        await Assertions.Expect(page.Locator("section.warning-box")).ToContainTextAsync("skipped, likely conflict (nationality)");
        await Shot(page, "reviewer-workload-check-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make 8 assignments" }).ClickAsync();
        await page.ArrivedAt(url => new Uri(url).AbsolutePath == $"/fund/calls/{callId}/review/workload");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("8 assignments made.");
        await using var db = NewDb(out var scope);
        await using (scope)
        {
            var colombian = await db.Users.Where(u => u.Email == "trustee.grulac@trustfund.test").Select(u => u.Id).SingleAsync();
            Assert.False(await db.ReviewAssignments.AnyAsync(a => a.ApplicationId == ids[0] && a.ReviewerUserId == colombian));
            Assert.Equal(8, await db.ReviewAssignments.CountAsync(a => a.CallId == callId));
        }
    }

    [SkippableFact]
    public async Task RegionRestrictedCall_RefusesAnApplicantFromElsewhere_AndSaysWhoMayApply()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var (_, slug, _) = await app.CallWith(9301, [], eligible: false,
            eligibility: new CallEligibility { OpenToRegionalGroups = ["ASIA_PACIFIC", "GRULAC"] });

        var ukraine = await app.SignIn("ngo.ukraine@trustfund.test");
        await ukraine.GotoAsync($"/calls/{slug}?culture=fr");
        await Assertions.Expect(ukraine.Locator("p.warning-box")).ToContainTextAsync("votre organisation est enregistrée ailleurs");
        await Assertions.Expect(ukraine.Locator("main")).ToContainTextAsync("Groupe des États d’Asie et du Pacifique");
        Assert.Equal(0, await ukraine.Locator("form[action*='handler=Start']").CountAsync());
        await Screenshots(ukraine, $"/calls/{slug}", "region-call-ukraine");

        var thailand = await app.SignIn("ngo.thailand@trustfund.test");
        await thailand.GotoAsync($"/calls/{slug}?culture=en");
        // The Apply link leads to the eligibility questions; every "yes" starts the draft (its task list).
        await thailand.GetByRole(AriaRole.Link, new() { Name = "Apply to this call" }).ClickAsync();
        await Support.EligibilityQuestions.AnswerYesToAllAndStart(thailand);
        await thailand.ArrivedAt(new System.Text.RegularExpressions.Regex("/apply/[0-9a-f-]{36}$"));
    }

    [SkippableFact]
    public async Task BlindReview_HidesTheApplicantFromTheTrusteeScoring()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var (_, _, ids) = await app.CallWith(9401, ["SN"], eligible: true, blind: true, reviewer: "trustee.asia@trustfund.test");

        var trustee = await app.SignIn("trustee.asia@trustfund.test");
        await trustee.GotoAsync($"/review/{ids[0]}?culture=en");

        await Assertions.Expect(trustee.Locator("h1")).ToContainTextAsync("Withheld: blind review");
        await Assertions.Expect(trustee.Locator("main")).Not.ToContainTextAsync("Solidarité Femmes Sahel");
        // The list holds the demo's past, open-review call too, where the same NGO is named; this call's row is not.
        await trustee.GotoAsync("/review");
        var row = trustee.Locator("tr", new() { HasText = "UNVTF-2026-SGP1-9401" });
        await Assertions.Expect(row).ToContainTextAsync("Withheld: blind review");
        await Assertions.Expect(row).Not.ToContainTextAsync("Solidarité Femmes Sahel");
        await Screenshots(trustee, $"/review/{ids[0]}", "blind-review");
    }

    private TrustFundDbContext NewDb(out AsyncServiceScope scope)
    {
        scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
    }

    /// <summary>With TRUSTFUND_SCREENSHOTS set to a folder, the page in English, French and Spanish as full-page images there.</summary>
    private static async Task Screenshots(IPage page, string path, string name)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TRUSTFUND_SCREENSHOTS"))) return;
        foreach (var language in new[] { "en", "fr", "es" })
        {
            await page.GotoAsync($"{path}?culture={language}");
            await Shot(page, $"{name}-{language}");
        }
        await page.GotoAsync($"{path}?culture=en");
    }

    private static async Task Shot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TRUSTFUND_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
