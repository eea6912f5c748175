using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.OpenData;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// A page number in a list's address that is no page of it (typed, cut short, or from an old link) shows the list's first
/// page, or its last for a number past it, with a message in the reader's language at the top of the page; never a
/// server error, never the error summary's "not a number". Before, only the pages with an error summary said anything,
/// and there it spoke of a number to type in a field the page does not have. Every paged list is here, each asked by
/// the role that reads it; a list added later with the shared pager gets the same rule (PageNumber, _Pager).
/// </summary>
public sealed partial class PageNumberTests(TrustFundAppFactory app, DemoFundOnce demo)
    : IntegrationTest(app), IClassFixture<DemoFundOnce>
{
    public override Task InitializeAsync() => demo.SeedAsync(App);

    /// <summary>Every paged list, with who can see it; "{call}" is the demo call with the most submitted applications.</summary>
    private static readonly (string Person, string List)[] Lists =
    [
        ("fundmanager@trustfund.test", "/fund/grants"),
        ("fundmanager@trustfund.test", "/fund/contributions"),
        ("fundmanager@trustfund.test", "/fund/journal"),
        ("fundmanager@trustfund.test", "/fund/rates"),
        ("fundmanager@trustfund.test", "/fund/reports"),
        ("fundmanager@trustfund.test", "/fund/calls/{call}/applications"),
        ("fundmanager@trustfund.test", "/notifications"),
        ("donor.foundation@trustfund.test", "/reports"),
        ("admin@trustfund.test", "/admin/users"),
        ("admin@trustfund.test", "/admin/audit"),
        ("trustee.grulac@trustfund.test", "/review"),
    ];

    public static TheoryData<string, string, string> ListsInEachLanguage()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var language in new[] { "fr", "es", "en" })
            foreach (var (person, list) in Lists) data.Add(person, list, language);
        return data;
    }

    /// <summary>The message as each language says it ({0} what was typed, {1} the page shown), read to the letter.</summary>
    private static string Message(string language, string typed, int page) => language switch
    {
        "fr" => $"Cette liste n’a pas de page «\u00A0{typed}\u00A0»\u00A0: voici la page {page}.",
        "es" => $"Esta lista no tiene una página «{typed}»: se muestra la página {page}.",
        _ => $"This list has no page “{typed}”: here is page {page}.",
    };

    [Theory]
    [MemberData(nameof(ListsInEachLanguage))]
    public async Task AListAskedForAPageItDoesNotHave_ShowsItsFirstOrLastPage_AndSaysSoInTheReadersLanguage(string person, string list, string language)
    {
        var client = await SignedInDemo(person);
        await client.GetAsync($"/?culture={language}");
        var url = list.Replace("{call}", (await BusiestCall()).ToString());

        // The control: a list asked plainly, or for its first page, says nothing of pages.
        var notSaid = Message(language, "\n", 0).Split('\n')[0];
        Assert.DoesNotContain(notSaid, await Read(client, url, language));
        Assert.DoesNotContain(notSaid, await Read(client, url + "?pageNumber=1", language));

        foreach (var typed in new[] { "abc", "-5", "0", "1e3" })
        {
            var html = await Read(client, $"{url}?pageNumber={Uri.EscapeDataString(typed)}", language);
            Assert.Contains(Message(language, typed, 1), html);
            if (Pager().Match(html) is { Success: true } pager) Assert.Equal("1", pager.Groups[1].Value);
        }
        var past = await Read(client, $"{url}?pageNumber=99999999999", language);
        var last = Pager().Match(past) is { Success: true } shown ? int.Parse(shown.Groups[2].Value) : 1;
        Assert.Contains(Message(language, "99999999999", last), past);
        if (Pager().Match(past) is { Success: true } lastPager) Assert.Equal(lastPager.Groups[2].Value, lastPager.Groups[1].Value);
    }

    /// <summary>
    /// The page answers 200 in the reader's language with no error summary (the address has no field to correct), and the
    /// page's own text decoded, so that the message is compared as the reader sees it.
    /// </summary>
    private static async Task<string> Read(HttpClient client, string url, string language)
    {
        var response = await client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Contains($"<html lang=\"{language}\"", html);
        Assert.True(ErrorSummary(html).Length == 0, $"{url} shows an error summary: {ErrorSummary(html)}");
        return html;
    }

    private async Task<Guid> BusiestCall()
    {
        await using var db = App.NewDbContext();
        return await db.Applications.Where(a => a.Status != ApplicationStatus.Draft)
            .GroupBy(a => a.CallId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    }

    /// <summary>The pager's "Page 2 of 3" in any of the three languages.</summary>
    [GeneratedRegex(@"(?:Page|Página) (\d+) (?:of|sur|de) (\d+)")]
    private static partial Regex Pager();
}
