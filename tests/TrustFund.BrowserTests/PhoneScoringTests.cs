using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFund.Application.Data;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.BrowserTests.Support;
using TrustFund.Infrastructure.Seeding;

namespace TrustFund.BrowserTests;

/// <summary>
/// The pages a trustee or the secretariat works through row by row (the scoring form, the side-by-side comparison, the
/// board session) on a 390-pixel phone: each row is a block, so that no score, comment or vote lies in a box to scroll
/// sideways; on a desktop they stay tables.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneScoringTests(BrowserApp app)
{
    private const int PhoneWidth = 390;
    private const int DesktopWidth = 1280;

    [SkippableTheory]
    [InlineData("trustee.africa@trustfund.test", "fr", 9501)]
    [InlineData("trustee.grulac@trustfund.test", "es", 9601)]
    public async Task ScoringForm_OnAPhone_ShowsEachCommentOnScreen_AndSavesTheScores(string email, string language, int sequence)
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var applicationId = await UnderReviewBy(sequence, email);
        var page = await app.SignIn(email, language: language);
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        await page.GotoAsync($"/review/{applicationId}?culture={language}");
        await page.Locator("input[name=HasConflict][value=false]").CheckAsync();
        await page.Locator("form[action*='handler=Declare'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-rubric]")).ToBeVisibleAsync();

        await Screenshots(page, $"/review/{applicationId}", "scoring-form");
        await page.GotoAsync($"/review/{applicationId}?culture={language}");

        Assert.Empty(await OffTheScreen(page));
        var criteria = await page.Locator("[data-rubric] textarea").CountAsync();
        Assert.Equal(RubricCriterion.Default.Count, criteria);
        for (var i = 0; i < criteria; i++)
        {
            // Each comment box lies whole on the screen, under its own visible label, and can be typed in.
            var box = (await page.Locator($"#comment-{i}").BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"comment {i} is at {box.X:0}–{box.X + box.Width:0} px");
            Assert.True((await page.Locator($"label[for=comment-{i}]").BoundingBoxAsync())!.Width > 20, $"comment {i}'s label is hidden");
            await page.Locator($"#score-{i}").SelectOptionAsync(i == 0 ? "5" : "3");
            await page.Locator($"#comment-{i}").FillAsync($"Commentaire {i}");
        }
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.scrollX"));
        Assert.Empty(await AccessibilityTests.Violations(page, $"/review/{applicationId} (390 px)"));
        await page.Locator("button[name=Complete][value=false]").ClickAsync();

        await Assertions.Expect(page.Locator("#comment-1")).ToHaveValueAsync("Commentaire 1");
        await Assertions.Expect(page.Locator("#score-0")).ToHaveValueAsync("5");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var trustee = await db.Users.SingleAsync(u => u.Email == email);
        var saved = await db.Assessments.AsNoTracking().SingleAsync(a => a.ApplicationId == applicationId && a.ReviewerUserId == trustee.Id);
        Assert.Equal(new int?[] { 5, 3, 3, 3, 3 }, saved.Scores.Select(s => s.Score));
        Assert.Equal("Commentaire 4", saved.Scores[4].Comment);
    }

    [SkippableFact]
    public async Task ScoringForm_OnADesktop_IsStillATable()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var applicationId = await UnderReviewBy(9701, "trustee.weog@trustfund.test");
        var page = await app.SignIn("trustee.weog@trustfund.test");
        await page.SetViewportSizeAsync(DesktopWidth, 900);
        await page.GotoAsync($"/review/{applicationId}?culture=en");
        await page.Locator("input[name=HasConflict][value=false]").CheckAsync();
        await page.Locator("form[action*='handler=Declare'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-rubric]")).ToBeVisibleAsync();

        var table = page.Locator("[data-rubric] table");
        Assert.Equal("table", await table.EvaluateAsync<string>("t => getComputedStyle(t).display"));
        await Assertions.Expect(table.Locator("thead th").Nth(3)).ToBeVisibleAsync();
        // A criterion's score and comment side by side on one row, under the column headings; their labels for screen readers only.
        var score = (await page.Locator("#score-0").BoundingBoxAsync())!;
        var comment = (await page.Locator("#comment-0").BoundingBoxAsync())!;
        Assert.True(comment.X > score.X + score.Width && Math.Abs(comment.Y - score.Y) < 40, $"score at {score.X:0},{score.Y:0}; comment at {comment.X:0},{comment.Y:0}");
        Assert.True((await page.Locator("label[for=comment-0]").BoundingBoxAsync())!.Width <= 1);
        Assert.Empty(await AccessibilityTests.Violations(page, $"/review/{applicationId} (1280 px)"));
    }

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task ComparisonAndBoardSession_OnAPhone_StayWithinTheScreen(string language)
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        Guid callId, sessionId;
        List<Guid> compared;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            callId = (await db.Calls.AsNoTracking().SingleAsync(c => c.Title.En == DemoFundingCycle.PastCallTitle)).Id;
            compared = await db.Applications.Where(a => a.CallId == callId && a.Status != ApplicationStatus.Ineligible).Select(a => a.Id).ToListAsync();
            sessionId = await db.BoardSessions.Where(s => s.CallId == callId).Select(s => s.Id).SingleAsync();
        }
        var comparison = $"/fund/calls/{callId}/compare?{string.Join("&", compared.Select(id => $"ids={id}"))}";
        var session = $"/board/sessions/{sessionId}";

        var manager = await app.SignIn("fundmanager@trustfund.test", language: language);
        var trustee = await app.SignIn("trustee.africa@trustfund.test", language: language);
        await Screenshots(manager, comparison, "compare");
        await Screenshots(manager, session, "board-session");
        var problems = new List<string>();
        foreach (var (page, path) in new[] { (manager, comparison), (manager, session), (trustee, session) })
        {
            await page.SetViewportSizeAsync(PhoneWidth, 800);
            await page.GotoAsync($"{path}{(path.Contains('?') ? '&' : '?')}culture={language}");
            await Assertions.Expect(page.Locator("main table.stacked").First).ToBeVisibleAsync();
            problems.AddRange((await OffTheScreen(page)).Select(p => $"{path}: {p}"));
            problems.AddRange(await AccessibilityTests.Violations(page, $"{path} (390 px)"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// What lies off a phone's screen: the page wider than the screen, a table box that scrolls sideways, or a cell, field or
    /// button past either edge (the column headings of a stacked table, kept for screen readers, are not on the screen).
    /// </summary>
    private static Task<string[]> OffTheScreen(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const width = window.innerWidth;
            const problems = [];
            if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
            document.querySelectorAll('main .table-scroll').forEach((box, i) => {
                if (box.scrollWidth > box.clientWidth + 1) problems.push(`table ${i + 1} scrolls sideways: ${box.scrollWidth} px in ${box.clientWidth}`);
            });
            document.querySelectorAll('main td, main th, main textarea, main select, main button, main input').forEach(e => {
                if (e.closest('table.stacked thead')) return;
                const r = e.getBoundingClientRect();
                if (r.width === 0) return;
                if (r.left < -1 || r.right > width + 1)
                    problems.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${e.textContent.trim().slice(0, 30)}" at ${Math.round(r.left)}–${Math.round(r.right)} px`);
            });
            return problems;
        }
        """);

    /// <summary>An application of the Ukrainian demo NGO, in a call of its own, under review by this trustee (no conflict declared yet).</summary>
    private async Task<Guid> UnderReviewBy(int sequence, string trusteeEmail) =>
        (await app.CallWith(sequence, ["UA"], eligible: true, reviewer: trusteeEmail)).Ids[0];

    /// <summary>With TRUSTFUND_SCREENSHOTS set to a folder, the page in English, French and Spanish, on a phone and a desktop.</summary>
    private static async Task Screenshots(IPage page, string path, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TRUSTFUND_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { PhoneWidth, DesktopWidth })
            foreach (var language in new[] { "en", "fr", "es" })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.GotoAsync($"{path}{(path.Contains('?') ? '&' : '?')}culture={language}");
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}-{language}.png"), FullPage = true });
            }
        await page.SetViewportSizeAsync(PhoneWidth, 800);
    }
}
