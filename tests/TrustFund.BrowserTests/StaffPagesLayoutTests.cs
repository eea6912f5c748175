using Microsoft.Playwright;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

/// <summary>Staff pages on a 1280-pixel screen, the fund's usual laptop: nothing runs past the page's edge in any language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffPagesLayoutTests(BrowserApp app)
{
    /// <summary>The French dashboard's nine columns were cut off at the right edge; they now fit (or scroll inside their own box).</summary>
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task FundDashboard_FitsA1280PixelScreen(string language)
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var manager = await app.SignIn("fundmanager@trustfund.test", language: language);
        await manager.SetViewportSizeAsync(1280, 900);

        await manager.GotoAsync($"/fund/dashboard?culture={language}");

        var table = manager.Locator("table.figures");
        await Assertions.Expect(table.Locator("tbody tr")).Not.ToHaveCountAsync(0);
        var pageWidth = await manager.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var tableRight = await table.EvaluateAsync<double>("t => t.getBoundingClientRect().right");
        var mainRight = await manager.Locator("main").EvaluateAsync<double>("m => m.getBoundingClientRect().right");
        Assert.True(pageWidth <= 1280, $"the page is {pageWidth} px wide");
        Assert.True(tableRight <= mainRight, $"the table ends at {tableRight} px, past the page's content at {mainRight} px");
    }
}
