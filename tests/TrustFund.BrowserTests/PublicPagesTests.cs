using Microsoft.Playwright;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserApp app)
{
    [SkippableFact]
    public async Task HomePage_ListsTheDemoCalls()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPage();

        await page.GotoAsync("/");

        Assert.Equal("Open calls for proposals", await page.Locator("h1").InnerTextAsync());
        var titles = await page.Locator(".calls h2").AllInnerTextsAsync();
        Assert.Contains("Emergency assistance to victims of trafficking 2027", titles);
        Assert.Contains("Medium-term assistance and reintegration of survivors 2027", titles);
    }

    [SkippableFact]
    public async Task SwitchingToFrench_ChangesThePage_AndStaysFrench()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPage();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();

        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Appels à propositions ouverts", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Assistance d’urgence aux victimes de la traite 2027", await page.Locator(".calls").InnerTextAsync());

        await page.Locator(".calls h2 a").First.ClickAsync();
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang")); // remembered by the cookie
    }

    [SkippableFact]
    public async Task FundManager_SignsIn_CreatesAndPublishesACall_WhichThenAppearsOnTheHomePage()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPage();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail address").FillAsync("fundmanager@trustfund.test");
        await page.GetByLabel("Password").FillAsync(BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync("/fund/calls/new");
        await page.Locator("#Form_TitleEn").FillAsync("Legal aid for survivors in transit 2027");
        await page.Locator("#Form_DescriptionEn").FillAsync("Grants for legal aid to victims of trafficking in transit countries.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("saved as a draft");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("published");

        await page.GotoAsync("/");
        Assert.Contains("Legal aid for survivors in transit 2027", await page.Locator(".calls").InnerTextAsync());
    }
}
