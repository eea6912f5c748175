using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFund.Application.Data;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

/// <summary>
/// The timeout warning in Chromium, with the browser's clock under the test's hand (Playwright's clock: nobody waits
/// eight hours): two minutes before the sign-in ends the warning opens, the draft being typed is saved, "Stay signed in"
/// keeps the session, and a session left to end says so with a way back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionTimeoutTests(BrowserApp app)
{
    [SkippableFact]
    public async Task TwoMinutesBeforeTheSessionEnds_TheWarningOpens_TheDraftIsSaved_AndStayingSignedInKeepsTheSession()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.SignIn("ngo.nigeria@trustfund.test", language: "es");
        await page.Clock.InstallAsync();
        // Nigeria starts a draft in the medium-term call through the eligibility questions, in Spanish (no other browser
        // test gives Nigeria an application to that call; Nepal and Ukraine get awards in it).
        await page.GotoAsync("/apply?culture=es");
        await page.Locator(".calls li", new() { HasText = "mediano plazo" }).Locator("a.button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("¿Puede su organización presentar una solicitud?");
        await Support.EligibilityQuestions.AnswerYesToAllAndStart(page);
        await page.Locator("li[data-task=project] a").ClickAsync();
        const string risks = "Las inundaciones del monzón pueden cortar los caminos al albergue.";
        await page.Locator("#Project_Risks").FillAsync(risks);

        var warning = page.Locator("#session-timeout");
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync("07:58:30");

        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(warning.Locator("h2:visible")).ToHaveTextAsync("Pronto se cerrará su sesión");
        await Assertions.Expect(warning.Locator("[data-stay-signed-in]")).ToHaveTextAsync("Mantener la sesión abierta");
        Assert.Equal(risks, await SavedRisks());

        var renewed = page.WaitForResponseAsync(r => r.Url.EndsWith("/account/keep-alive") && r.Status == 200);
        await warning.Locator("[data-stay-signed-in]").ClickAsync();
        await renewed;
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#Project_Risks")).ToBeFocusedAsync(); // the person is back where they were

        // Left alone for a whole session: the page says the session ended, and leads back to this step after signing in.
        await page.Clock.FastForwardAsync("08:00:30");
        await Assertions.Expect(warning.Locator("[data-timeout-ended]")).ToBeVisibleAsync();
        await Assertions.Expect(warning.Locator("#session-ended-title")).ToHaveTextAsync("Su sesión se ha cerrado");
        var signIn = await warning.Locator("a.button").GetAttributeAsync("href");
        Assert.StartsWith("/account/login?ReturnUrl=%2Fapply%2F", signIn);
        Assert.EndsWith("%2Fproject", signIn);
    }

    /// <summary>What the draft of Nepal's organisation says about risks, as stored.</summary>
    private async Task<string?> SavedRisks()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var nigeria = await db.Users.Where(u => u.Email == "ngo.nigeria@trustfund.test").Select(u => u.OrganisationId).SingleAsync();
        // The save is on its way when the warning shows: wait for it, briefly, rather than for the clock.
        for (var i = 0; i < 100; i++)
        {
            var drafts = await db.Applications.AsNoTracking().Where(a => a.OrganisationId == nigeria && a.Status == Domain.Applications.ApplicationStatus.Draft).ToListAsync();
            if (drafts.Select(d => d.Project.Risks).FirstOrDefault(r => r.Length > 0) is { } saved) return saved;
            await Task.Delay(100);
        }
        return null;
    }
}
