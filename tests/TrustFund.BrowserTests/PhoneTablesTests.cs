using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

/// <summary>
/// Every page with a table, of every role, on a 390-pixel phone: the page itself never scrolls sideways (the menu and
/// the text stay in view) and each table's last column can still be reached. The pages are found by following the
/// links each person sees from their home, so a new page with a table is checked without being listed here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PhoneTablesTests(BrowserApp app, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;
    // Enough for the fund manager's whole demo (calls, applications, grants, donors, the board session), bounded so
    // that a page linking to itself with ever-new ids cannot make the test endless.
    private const int MaxPagesPerPerson = 80;

    [SkippableTheory]
    [InlineData("ngo.colombia@trustfund.test", "fr")]
    [InlineData("ngo.colombia@trustfund.test", "es")]
    [InlineData("ngo.thailand@trustfund.test", "fr")]
    [InlineData("trustee.grulac@trustfund.test", "fr")]
    [InlineData("trustee.grulac@trustfund.test", "es")]
    [InlineData("fundmanager@trustfund.test", "fr")]
    [InlineData("fundmanager@trustfund.test", "es")]
    [InlineData("certifying@trustfund.test", "fr")]
    [InlineData("admin@trustfund.test", "fr")]
    [InlineData("admin@trustfund.test", "es")]
    [InlineData("donor.foundation@trustfund.test", "fr")]
    public async Task EveryPageWithATable_StaysWithinAPhoneScreen_AndItsLastColumnCanBeReached(string email, string language)
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.SignIn(email, language: language);
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        await page.GotoAsync($"/home?culture={language}");

        var problems = new List<string>();
        var tablePages = 0;
        var pages = await PagesReachableFromHome(page);
        output.WriteLine($"{email} reaches {pages.Count} pages: {string.Join(" ", pages)}");
        foreach (var path in pages)
        {
            await page.GotoAsync(path);
            if (await page.Locator("main table").CountAsync() == 0) continue;
            tablePages++;
            await Screenshot(page, email, language, path);
            var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (pageWidth > PhoneWidth) problems.Add($"{path}: the page is {pageWidth} px wide, past the edge: {await PastTheEdge(page)}");
            foreach (var column in await LastColumns(page))
                if (column.Left < -1 || column.Right > PhoneWidth + 1 || column.ScrollX != 0)
                    problems.Add($"{path}: table {column.Table}'s last column is at {column.Left:0}–{column.Right:0} px (page scrolled {column.ScrollX} px)");
        }

        // The demo gives every role several tables (the NGO's applications, the trustee's assessments, ...).
        Assert.True(tablePages >= 1, $"{email} saw no page with a table");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The paths (one per kind of page: ids do not make a new kind) this person reaches by following links from their
    /// home, breadth first. Language switches, sign-out, the Hangfire dashboard and downloads are not pages to check.
    /// </summary>
    private static async Task<List<string>> PagesReachableFromHome(IPage page)
    {
        var seenKinds = new HashSet<string>();
        var found = new List<string>();
        var queue = new Queue<string>(["/home"]);
        while (queue.Count > 0 && found.Count < MaxPagesPerPerson)
        {
            var path = queue.Dequeue();
            if (!seenKinds.Add(Kind(path))) continue;
            IResponse? response;
            try { response = await page.GotoAsync(path); }
            catch (PlaywrightException) { continue; } // a download (PDF, CSV) is not a page
            if (response is null || !response.Ok || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html")) continue;
            found.Add(path);
            var links = await page.EvaluateAsync<string[]>(
                "() => Array.from(document.querySelectorAll('a[href^=\"/\"]:not([download])')).map(a => a.getAttribute('href'))");
            foreach (var link in links)
                if (!Regex.IsMatch(link, @"culture=|^/account/(logout|login)|^/hangfire|\.(pdf|csv|xlsx|zip)$|/(pdf|csv|download|export)\b"))
                    queue.Enqueue(link.Split('#')[0]);
        }
        return found;
    }

    private static string Kind(string path) => GuidOrNumber().Replace(path.Split('?')[0], "{id}");

    // Ids, numbers and a call's public slug (/calls/{slug}) name one page of a kind.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)\d+(?=/|$)|(?<=^/calls/)[^/]+")]
    private static partial Regex GuidOrNumber();

    /// <summary>
    /// The elements (outside the tables' own scrolling boxes) that run past the screen's right edge or let their
    /// content do so, and are not inside one that does: what to fix.
    /// </summary>
    private static Task<string> PastTheEdge(IPage page) => page.EvaluateAsync<string>("""
        () => Array.from(document.body.querySelectorAll('*'))
            .filter(e => !e.closest('.table-scroll'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.getBoundingClientRect().left + e.scrollWidth > window.innerWidth + 1))
            .filter((e, _, all) => !all.includes(e.parentElement))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + ' px')
            .join(', ')
        """);

    private sealed record LastColumn(int Table, double Left, double Right, double ScrollX);

    /// <summary>Scrolls each table's last header cell into view, as a reader would, and says where it then is.</summary>
    private static async Task<List<LastColumn>> LastColumns(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify(Array.from(document.querySelectorAll('main table')).flatMap((table, i) => {
                const row = table.rows[0];
                const cell = row && row.cells[row.cells.length - 1];
                if (!cell || cell.getClientRects().length === 0) return [];
                cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
                const r = cell.getBoundingClientRect();
                const result = { table: i + 1, left: r.left, right: Math.min(r.right, r.left + window.innerWidth), scrollX: window.scrollX };
                window.scrollTo(0, 0);
                return [result];
            }))
            """);
        return JsonSerializer.Deserialize<List<LastColumn>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>With TRUSTFUND_SCREENSHOTS set, each page with a table as the phone shows it, for a person to look at.</summary>
    private static async Task Screenshot(IPage page, string email, string language, string path)
    {
        var folder = Environment.GetEnvironmentVariable("TRUSTFUND_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(Path.Combine(folder, "phone"));
        var name = $"{email.Split('@')[0]}-{language}{Regex.Replace(Kind(path), "[^a-zA-Z0-9]+", "-")}.png";
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "phone", name), FullPage = true });
    }
}
