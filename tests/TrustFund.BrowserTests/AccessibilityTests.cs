using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) over the applicant's pages and every role's home, in English,
/// French and Spanish: any violation fails the test, named with its rule, the page and the elements.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    private static readonly AxeRunOptions WcagAandAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task ApplicantPages_HaveNoWcagViolation(string language)
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        // Mekong Freedom Legal Aid Centre has a draft in the medium-term call (the demo).
        var page = await app.SignIn("ngo.thailand@trustfund.test", language: language);
        var violations = new List<string>();
        await page.GotoAsync($"/apply?culture={language}");
        var starts = await page.Locator(".calls li a.button").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        await Check(page, "/apply", violations);
        await Check(page, "/home", violations);
        foreach (var start in starts) await Check(page, start, violations); // the questions, or the task list of the draft already there
        await page.GotoAsync("/home");
        await page.Locator("section[aria-labelledby=applicant-drafts] li a").First.ClickAsync();
        await page.ArrivedAt(url => Regex.IsMatch(url, "/apply/[0-9a-f-]+$"));
        var draft = new Uri(page.Url).AbsolutePath;
        await Check(page, draft, violations);
        foreach (var step in new[] { "organisation", "project", "beneficiaries", "budget", "declaration", "attachments", "review" })
            await Check(page, $"{draft}/{step}", violations);
        // A refused step, its error summary and messages shown.
        await page.GotoAsync($"{draft}/project");
        await page.Locator("#Project_StartDate").FillAsync("2027-03-01");
        await page.Locator("#Project_EndDate").FillAsync("2027-01-01");
        await page.Locator("button[value=next]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        violations.AddRange(await Violations(page, $"{draft}/project (refused)"));
        foreach (var url in new[] { "/apply/organisation", "/apply/colleagues", "/notifications", "/account/language" })
            await Check(page, url, violations);
        // The timeout warning, open (the browser's clock moved on, not the test's).
        await page.Clock.InstallAsync();
        await page.GotoAsync($"{draft}/project");
        await page.Clock.FastForwardAsync("07:58:30");
        await Assertions.Expect(page.Locator("#session-timeout")).ToBeVisibleAsync();
        violations.AddRange(await Violations(page, "the timeout warning"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task EveryRolesHome_HasNoWcagViolation(string language)
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var violations = new List<string>();
        foreach (var email in new[] { "fundmanager", "trustee.africa", "certifying", "approving", "admin", "donor.norway", "ngo.colombia" })
        {
            var page = await app.SignIn($"{email}@trustfund.test", language: language);
            await Check(page, "/home", violations);
            await page.Context.CloseAsync();
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>The control: the same check does report a violation when a page has one (an image without a text alternative).</summary>
    [SkippableFact]
    public async Task TheCheck_ReportsAnImageWithoutAlternativeText()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPage();
        await page.GotoAsync("/");
        await page.EvaluateAsync("document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/favicon.ico' }))");

        var violations = await Violations(page, "/ with an image added");

        Assert.Contains(violations, v => v.Contains("image-alt"));
        await page.Context.CloseAsync();
    }

    private static async Task Check(IPage page, string url, List<string> violations)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
        violations.AddRange(await Violations(page, url));
    }

    /// <summary>The WCAG A and AA violations axe finds on the page as it stands (other browser tests check their pages too).</summary>
    internal static async Task<IEnumerable<string>> Violations(IPage page, string where)
    {
        var result = await page.RunAxe(WcagAandAA);
        var language = await page.EvaluateAsync<string>("document.documentElement.lang");
        return result.Violations.Select(v =>
            $"{where} [{language}]: {v.Id} ({v.Impact}) {v.Help}: " +
            string.Join(" | ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html[..Math.Min(n.Html.Length, 160)]}")));
    }
}
