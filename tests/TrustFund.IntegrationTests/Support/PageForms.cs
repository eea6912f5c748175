using System.Net;
using System.Text.RegularExpressions;

namespace TrustFund.IntegrationTests.Support;

public abstract partial class IntegrationTest
{
    /// <summary>
    /// Posts one form of a page exactly as a browser does: only that form's own hidden fields (its antiforgery token,
    /// version, ids) and the fields given; not every hidden field of the page, which hid forms that depended on another
    /// form's fields. The form is the page's first POST form whose action names <paramref name="handler"/> (null: the
    /// form with no handler) and, when given, whose markup contains <paramref name="containing"/> (e.g. a payment's id).
    /// </summary>
    protected static async Task<HttpResponseMessage> PostPageForm(HttpClient client, string pageUrl, string? handler,
        IEnumerable<KeyValuePair<string, string>> fields, string? containing = null)
    {
        var (action, posted) = await PageForm(client, pageUrl, handler, fields, containing);
        return await client.PostAsync(action, new FormUrlEncodedContent(posted));
    }

    /// <summary>
    /// The address and fields <see cref="PostPageForm"/> would post, to send them more than once as a browser does when
    /// an answer is lost (the same idempotency key each time).
    /// </summary>
    protected static async Task<(string Action, List<KeyValuePair<string, string>> Fields)> PageForm(HttpClient client, string pageUrl,
        string? handler, IEnumerable<KeyValuePair<string, string>> fields, string? containing = null)
    {
        var html = await client.GetStringAsync(pageUrl);
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = form.Groups[1].Value;
            if (!Regex.IsMatch(attributes, "method=\"post\"", RegexOptions.IgnoreCase)) continue;
            var action = WebUtility.HtmlDecode(Regex.Match(attributes, "\\baction=\"([^\"]*)\"").Groups[1].Value);
            // A submit button may post the form to another handler (formaction), as "Submit the report" does.
            var button = handler is null ? null : Regex.Matches(form.Groups[2].Value, "formaction=\"([^\"]*)\"")
                .Select(b => WebUtility.HtmlDecode(b.Groups[1].Value)).FirstOrDefault(a => HandlerOf(a) == handler);
            if (button is not null) action = button;
            else if (!string.Equals(HandlerOf(action), handler, StringComparison.OrdinalIgnoreCase)) continue;
            // Another page's form on this one (the layout's sign-out) is not this page's form.
            if (action.Length > 0 && action.Split('?')[0] != pageUrl.Split('?')[0]) continue;
            if (containing is not null && !form.Value.Contains(containing)) continue;
            var given = fields.ToList();
            var posted = new List<KeyValuePair<string, string>>();
            foreach (Match hidden in HiddenInput().Matches(form.Groups[2].Value))
            {
                var name = WebUtility.HtmlDecode(hidden.Groups[1].Value);
                if (given.All(f => f.Key != name)) posted.Add(new(name, WebUtility.HtmlDecode(hidden.Groups[2].Value)));
            }
            posted.AddRange(given);
            return (action.Length > 0 ? action : pageUrl, posted);
        }
        throw new Xunit.Sdk.XunitException($"No POST form for handler '{handler}' on {pageUrl}");
    }

    private static string? HandlerOf(string action) =>
        Regex.Match(action, "[?&]handler=([^&]+)") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The hidden fields of the page's POST forms as rendered (a page shown again after a refusal, to post it again as a browser would).</summary>
    protected static List<KeyValuePair<string, string>> HiddenFieldsOf(string decodedHtml) =>
        FormElement().Matches(decodedHtml).Where(f => f.Groups[1].Value.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => HiddenInput().Matches(f.Groups[2].Value))
            .Select(h => new KeyValuePair<string, string>(h.Groups[1].Value, h.Groups[2].Value))
            .DistinctBy(p => p.Key).ToList();

    /// <summary>A refused post: the page again (200) with <paramref name="message"/>, and no message that belongs to no field of this form.</summary>
    protected static async Task<string> AssertRefusedWith(HttpResponseMessage response, string message)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the page again (200), got {(int)response.StatusCode}");
        Assert.Contains(message, html);
        foreach (var stray in new[] { "field is required", "is not valid for", "is invalid", "CfDJ8" })
            Assert.DoesNotContain(stray, StrayMessages(html));
        return html;
    }

    /// <summary>The messages shown: the error summary and the fields' errors (not the page's hidden antiforgery tokens).</summary>
    private static string StrayMessages(string html) =>
        string.Join("\n", MessageElement().Matches(html).Select(m => m.Value));

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<(span|div|ul|li|p)[^>]*class=\"[^\"]*(field-error|error|validation)[^\"]*\"[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex MessageElement();
}
