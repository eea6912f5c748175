using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrustFund.BrowserTests.Support;

/// <summary>
/// Waiting for the page a click leads to. Playwright's WaitForURL waits for the page's "load" event by default, and in
/// one CI run on a busy machine that event never came although the home page was there and whole (the page's main text
/// was read after the 60 s timeout). So the tests wait for the address to commit and then for the page's main content,
/// which is what a person sees; the assertions that follow wait for their own text.
/// </summary>
public static class Arrival
{
    public static async Task ArrivedAt(this IPage page, Func<string, bool> address, float timeout = 30_000)
    {
        await page.WaitForURLAsync(address, new() { Timeout = timeout, WaitUntil = WaitUntilState.Commit });
        await page.Locator("main").WaitForAsync(new() { Timeout = timeout });
    }

    public static Task ArrivedAt(this IPage page, Regex address, float timeout = 30_000) =>
        page.ArrivedAt(address.IsMatch, timeout);
}
