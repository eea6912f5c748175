using System.Net;
using System.Text.RegularExpressions;

namespace TrustFund.IntegrationTests.Features.Home;

/// <summary>Reads the home page as a person sees it: how many items a list says it holds, and in what order links appear.</summary>
public static partial class HomePage
{
    public static async Task<string> Get(HttpClient client, string culture = "en")
    {
        var response = await client.GetAsync("/home?culture=" + culture);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The count shown in the heading of the list with this id.</summary>
    public static int Count(string html, string listId)
    {
        var match = Regex.Match(html, $"<h3 id=\"{Regex.Escape(listId)}\">[^<]*<span class=\"count\" data-count=\"(\\d+)\"");
        Assert.True(match.Success, $"No list '{listId}' on the page");
        return int.Parse(match.Groups[1].Value);
    }

    /// <summary>The markup of one list (its section), to check what it links to and nothing else's.</summary>
    public static string List(string html, string listId)
    {
        var match = Regex.Match(html, $"<section class=\"work-list\" aria-labelledby=\"{Regex.Escape(listId)}\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No list '{listId}' on the page");
        return match.Groups[1].Value;
    }

    /// <summary>Asserts the links appear in this order (each one present).</summary>
    public static void InOrder(string html, params string[] hrefs)
    {
        var positions = hrefs.Select(h => html.IndexOf($"href=\"{h}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(hrefs), p => Assert.True(p.First >= 0, $"No link to {p.Second}"));
        Assert.Equal(positions.Order(), positions);
    }
}
