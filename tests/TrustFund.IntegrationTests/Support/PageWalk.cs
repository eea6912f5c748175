using System.Net;
using System.Text.RegularExpressions;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// Follows the links of a signed-in (or anonymous) person's pages, as they would click through the site: shared by the
/// tests that look at every page (their language, their answers to odd values in the address).
/// </summary>
public static partial class PageWalk
{
    /// <summary>
    /// The pages reachable from <paramref name="start"/> by following links, breadth first, at most two of each shape of
    /// address (ids replaced), leaving out downloads, sign-out, language switches and the Hangfire dashboard.
    /// </summary>
    public static async Task<List<(string Url, string Html)>> Walk(HttpClient client, string start, int limit = 150)
    {
        var pages = new List<(string, string)>();
        var seen = new HashSet<string> { start };
        var shapes = new Dictionary<string, int>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && pages.Count < limit)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            pages.Add((url, html));
            foreach (var next in Links(html))
            {
                if (Skipped().IsMatch(next) || !seen.Add(next)) continue;
                var shape = Shape(next.Split('?')[0]);
                if ((shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > 2) continue;
                queue.Enqueue(next);
            }
        }
        return pages;
    }

    /// <summary>The site's own addresses a page links to, as the browser would request them (entities decoded, no fragment).</summary>
    public static IEnumerable<string> Links(string html) =>
        Link().Matches(html).Select(link => WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0])
            .Where(next => next.Length > 0 && next.StartsWith('/') && !next.StartsWith("//"));

    /// <summary>An address with its ids (GUIDs and numbers) replaced by <c>{id}</c>: the page it is, whichever record it shows.</summary>
    public static string Shape(string url) => Id().Replace(url, "{id}");

    /// <summary>The ids (GUIDs and whole numbers) in an address.</summary>
    public static IEnumerable<Match> Ids(string path) => Id().Matches(path);

    [GeneratedRegex("<a\\b[^>]*\\bhref=\"([^\"]*)\"")]
    private static partial Regex Link();

    // The audit trail shows each change as it was stored (JSON of the entity's values and its type name): records, not words.
    [GeneratedRegex(@"(?i)(logout|hangfire|/admin/audit|/api/|\.(pdf|csv|json|xml|zip|eml)\b|download|/files/|/attachments/|handler=|culture=|/open-data/|/export)")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\b\d+\b")]
    private static partial Regex Id();
}
