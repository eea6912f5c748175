using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Api;
using TrustFund.IntegrationTests.OpenData;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>
/// Every address a person can reach, asked with the values an attacker or a careless hand types into it: each value of
/// its query string replaced by a hostile one, parameters pages commonly read added though the link did not carry them,
/// and each id in its path replaced by an unknown, a malformed and a huge one. No answer may be a server error or show
/// a stack trace; a refusal is a 4xx or the page with its message, in the reader's language. The pages are found by
/// walking the demo fund from each role's home page, as <see cref="Localization.EveryPageLanguageTests"/> does, so a
/// page added later is covered without being listed here; the API's routes come from its OpenAPI document.
/// </summary>
public sealed partial class OddUrlValuesTests(TrustFundAppFactory app, DemoFundOnce demo)
    : IntegrationTest(app), IClassFixture<DemoFundOnce>
{
    /// <summary>The demo fund, seeded once for the class: the walks only read it (and sign in).</summary>
    public override Task InitializeAsync() => demo.SeedAsync(App);

    private static readonly string Long = new('x', 10 * 1024);
    private const string UnknownGuid = "7a3c0f52-9a4e-4d1b-8f0e-2b6d5c4e9a11";

    /// <summary>
    /// What is typed into a value: numbers out of every range (int's last, one past it, past a long's, past a double's),
    /// text where numbers are read, an Arabic-Indic digit, the calendar's ends and a day it lacks, an unknown status,
    /// an unknown and a malformed id, markup, a 10 KB string.
    /// </summary>
    private static readonly string[] Hostile =
    [
        "-1", "0", "2147483647", "2147483648", "99999999999999999999", "1e309", "NaN", "abc", "", "<script>alert(1)</script>",
        Long, "٣", "9999-12-31", "0001-01-01", "2026-02-30", "9999-12", "NoSuchStatus", UnknownGuid, "not-a-guid",
    ];

    // What a value the link carries is read as decides which hostile values can reach past the binder: a GUID is bound
    // to a Guid, which refuses any other text the same way, a date to a date, a word to an enum or text. An empty value
    // says nothing of its type, so it gets every one. This keeps the walk within a minute and a half on two cores.
    private static readonly string[] ForGuids = [UnknownGuid, "not-a-guid", "", "<script>alert(1)</script>", Long];
    private static readonly string[] ForNumbers = ["-1", "0", "2147483647", "2147483648", "99999999999999999999", "1e309", "NaN", "٣", "abc", "", Long];
    private static readonly string[] ForDates = ["9999-12-31", "0001-01-01", "2026-02-30", "0", "abc", "", Long];
    private static readonly string[] ForMonths = ["9999-12", "0001-01", "0000-01", "2026-13", "9999-12-31", "abc", "", Long];
    private static readonly string[] ForWords = ["NoSuchStatus", "-1", "2147483648", "abc", "", "<script>alert(1)</script>", Long, UnknownGuid];

    /// <summary>What replaces an id in a path: a record that does not exist, something that is not an id, a number past any column.</summary>
    private static readonly string[] HostileIds = [UnknownGuid, "not-a-guid", "99999999999999999999"];

    /// <summary>What also replaces a number in a path (a step, a year): the numbers just outside any range it has.</summary>
    private static readonly string[] HostileNumbersInPaths = ["0", "-1", "2147483647"];

    /// <summary>
    /// Parameters pages commonly read (paging, sorting, searching, filtering, language) that a link may not carry.
    /// Besides the usual ones, the names the pages bind from the query string (their [BindProperty(SupportsGet = true)]
    /// and handler parameters), since a pager's or a filter's link appears only when the data calls for it. Not "handler":
    /// an unknown one answers 404 before any value is read, which would hide the others.
    /// </summary>
    private static readonly string[] CommonParameters =
    [
        "page", "sort", "desc", "q", "status", "year", "from", "to", "culture", "pageNumber", "search", "month", "asOf",
        "callId", "donorId", "country", "group", "regionalGroup", "minAmount", "maxAmount", "eventType", "entityType",
        "entityId", "userName", "step", "returnUrl", "code", "ids",
    ];

    /// <summary>The words of ASP.NET's and the catalogue's refusals in English, which a French page must not show.</summary>
    private static readonly string[] EnglishRefusals =
        ["is not a valid value", "is not valid", "Enter a value", "nter a number", "The value '", "field is required", "Page not found", "Something went wrong"];

    /// <summary>
    /// Where people arrive from outside the site's links: the e-mails' links, the sign-in pages' return addresses, a call's
    /// address typed or cut short.
    /// </summary>
    private static readonly string[] EnteredFromOutside =
    [
        "/calls/no-such-call", "/calls/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/calls/" + Long, "/calls/%D9%A3",
        $"/account/confirm-email?userId={UnknownGuid}&code=abc", "/account/reset-password?email=someone%40example.org&code=abc",
        "/account/login?ReturnUrl=%2Ffund%2Fdashboard", "/account/login-2fa?ReturnUrl=%2Fapply&RememberMe=false",
    ];

    /// <summary>
    /// One of each role, from their home pages, each in one test (one sign-in, one walk). The people who read the site in
    /// French or Spanish most (NGOs, the public) and the fund manager walk it in those languages: the same pages, and a
    /// refusal must then speak their language too.
    /// </summary>
    public static TheoryData<string?, string, string> People => new()
    {
        { null, "/", "es" },
        { "fundmanager@trustfund.test", "/fund/dashboard", "fr" },
        { "admin@trustfund.test", "/admin/users", "en" },
        { "certifying@trustfund.test", "/finance/payments", "en" },
        { "trustee.grulac@trustfund.test", "/review /board", "en" },
        { "ngo.colombia@trustfund.test", "/apply", "fr" },
        // A draft application (its steps) and a grantee report being written: the forms' own addresses.
        { "ngo.thailand@trustfund.test", "/apply", "en" },
        { "ngo.senegal@trustfund.test", "/apply", "en" },
        { "donor.foundation@trustfund.test", "/donor/contributions", "en" },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task EveryPage_WithOddValuesInItsAddress_AnswersWithoutServerError(string? person, string homes, string language)
    {
        var client = person is null ? NewClient() : await SignedInDemo(person);
        await client.GetAsync($"/?culture={language}");
        var targets = EnteredFromOutside.ToDictionary(Key);
        var samples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var home in homes.Split(' '))
            foreach (var (url, html) in await PageWalk.Walk(client, home))
                foreach (var target in Targets(url, html, samples).Prepend(url))
                    targets.TryAdd(Key(target), target);

        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var asked = 0;
        var pagesGivenCommonParameters = new HashSet<string>();
        // A few at once, as several people would: the server waits on PostgreSQL for part of each request.
        await Parallel.ForEachAsync(targets.Values, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (target, _) =>
        {
            // What the page says with its own values: an English word it already shows (data, a name) is not a refusal.
            var baselineText = language == "en" ? "" : await (await client.GetAsync(target)).Content.ReadAsStringAsync();
            List<string> variants;
            lock (pagesGivenCommonParameters) variants = Variants(target, pagesGivenCommonParameters, samples).ToList();
            foreach (var variant in variants)
            {
                Interlocked.Increment(ref asked);
                if (await Problem(client, variant, language, baselineText) is { } problem) problems.Enqueue($"{person ?? "anonymous"} {Shown(variant)}: {problem}");
            }
        });

        Assert.True(targets.Count > (person is null ? 5 : 10), $"the walk found only {targets.Count} addresses: it is not looking at the application");
        Assert.True(problems.Count == 0, $"{problems.Count} of {asked} odd addresses answered badly:\n{string.Join("\n", problems.Take(100))}");
    }

    /// <summary>
    /// The read API, every route and parameter its OpenAPI document describes, asked as the fund manager and as a donor:
    /// a value it cannot read is a 400 problem-details, an unknown id a 404, never a 500.
    /// </summary>
    [Theory]
    [InlineData("fundmanager@trustfund.test")]
    [InlineData("donor.foundation@trustfund.test")]
    public async Task EveryApiRoute_WithOddValues_AnswersProblemDetailsWithoutServerError(string email)
    {
        ApplicationUser user;
        await using (var scope = App.Services.CreateAsyncScope())
            user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        var client = NewClient().WithBearer(await ApiClient.TokenFor(App, user));

        var document = JsonDocument.Parse(await NewClient().GetStringAsync("/openapi/v1.json"));
        var problems = new List<string>();
        var asked = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get)) continue;
            var parameters = get.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
            var route = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
            // A working address first: the route's ids replaced by a real one where the API lists them, else by an unknown one.
            var address = route.Aggregate(path.Name, (a, name) => a.Replace($"{{{name}}}", UnknownGuid));
            var variants = query.SelectMany(name => Hostile.Select(value => QueryHelpers.AddQueryString(address, name, value)))
                .Concat(route.SelectMany(name => HostileIds.Concat(["<script>", Long]).Select(value =>
                    route.Aggregate(path.Name, (a, n) => a.Replace($"{{{n}}}", n == name ? Uri.EscapeDataString(value) : UnknownGuid)))));
            foreach (var variant in variants)
            {
                asked++;
                var response = await client.GetAsync(variant);
                var type = response.Content.Headers.ContentType?.MediaType;
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || StackTrace().IsMatch(body))
                    problems.Add($"{Shown(variant)}: {(int)response.StatusCode} {Cut(body)}{LastError()}");
                else if ((int)response.StatusCode >= 400 && response.StatusCode != HttpStatusCode.Forbidden && type != "application/problem+json")
                    problems.Add($"{Shown(variant)}: {(int)response.StatusCode} as {type ?? "no body"}, not problem details");
            }
        }

        Assert.True(asked > 50, $"only {asked} API addresses asked: the OpenAPI document is not being read");
        Assert.True(problems.Count == 0, $"{problems.Count} of {asked} odd API addresses answered badly:\n{string.Join("\n", problems.Take(100))}");
    }

    /// <summary>
    /// A page number past any list (int's last, typed into the address) shows the last page: before, the offset
    /// (page - 1) × size overflowed into a negative number and PostgreSQL refused it, a server error on every paged list.
    /// </summary>
    [Fact]
    public async Task APageNumberPastTheEnd_ShowsTheLastPage()
    {
        var client = await SignedInDemo("fundmanager@trustfund.test");

        var journal = await client.GetAsync("/fund/journal?pageNumber=2147483647&culture=en");
        var calls = JsonDocument.Parse(await NewClient().GetStringAsync("/api/v1/calls?page=2147483647&pageSize=1")).RootElement;

        Assert.Equal(HttpStatusCode.OK, journal.StatusCode);
        var pager = Regex.Match(await journal.Content.ReadAsStringAsync(), @"Page (\d+) of (\d+)");
        Assert.True(pager.Success && pager.Groups[1].Value == pager.Groups[2].Value, $"pager: {pager.Value}");
        Assert.Equal(calls.GetProperty("totalPages").GetInt32(), calls.GetProperty("page").GetInt32());
        Assert.Single(calls.GetProperty("items").EnumerateArray());
    }

    /// <summary>
    /// "To" includes the day it names, so the filter ends the day after it; the calendar's last day has none after it.
    /// Before, 9999-12-31 in the address was a server error on the grants list, its CSV and the audit trail; now it
    /// leaves out only what has no date (draft grants), as any other "to" does. The same for the calendar's last month on the
    /// UNORE rates (the month after it was a server error).
    /// </summary>
    [Fact]
    public async Task TheCalendarsLastDayOrMonth_InAFilter_BoundsNothing()
    {
        var manager = await SignedInDemo("fundmanager@trustfund.test");
        var admin = await SignedInDemo("admin@trustfund.test");

        var all = await (await manager.GetAsync("/fund/grants?handler=Csv&to=2100-12-31")).Content.ReadAsStringAsync();
        var toTheEnd = await manager.GetAsync("/fund/grants?handler=Csv&to=9999-12-31");
        var page = await manager.GetAsync("/fund/grants?to=9999-12-31");
        var audit = await admin.GetAsync("/admin/audit?to=9999-12-31");
        var rates = await manager.GetAsync("/fund/rates?month=9999-12");

        Assert.Equal(HttpStatusCode.OK, toTheEnd.StatusCode);
        Assert.Equal(all, await toTheEnd.Content.ReadAsStringAsync());
        Assert.True(all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, "the demo fund's grants are in the export");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rates.StatusCode);
    }

    /// <summary>
    /// The control: the check sees a server error and a stack trace for what they are, so its silence means something.
    /// </summary>
    [Fact]
    public void TheCheck_RecognisesAStackTrace() =>
        Assert.Matches(StackTrace(), "System.InvalidOperationException: Sequence contains no elements\n   at TrustFund.Web.Pages.IndexModel.OnGet()");

    /// <summary>What is wrong with the answer to <paramref name="url"/>, or null.</summary>
    private async Task<string?> Problem(HttpClient client, string url, string language, string baseline)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 500) return $"{status}{LastError()}";
        if (StackTrace().IsMatch(body)) return $"{status} shows a stack trace: {StackTrace().Match(body).Value}";
        if (response.Content.Headers.ContentType?.MediaType != "text/html" || status is >= 300 and < 400) return null;
        if (!body.Contains($"<html lang=\"{language}\"")) return $"{status} not in the reader's language ({language})";
        if (language != "en" && EnglishRefusals.FirstOrDefault(e => body.Contains(e) && !baseline.Contains(e)) is { } english)
            return $"{status} says \"{english}\" in English";
        return null;
    }

    /// <summary>
    /// The addresses a page leads to with a GET: its links and its GET forms (filters), with their fields' values; a value
    /// each filter field can take is kept in <paramref name="samples"/>.
    /// </summary>
    private static IEnumerable<string> Targets(string url, string html, Dictionary<string, string> samples)
    {
        foreach (var link in PageWalk.Links(html).Where(l => !NeverAsked().IsMatch(l))) yield return link;
        foreach (Match form in GetForm().Matches(html))
        {
            var action = Attribute(form.Groups[1].Value, "action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : url.Split('?')[0];
            if (!action.StartsWith('/') || NeverAsked().IsMatch(action)) continue;
            var fields = Field().Matches(form.Groups[2].Value)
                .Select(f => (Name: WebUtility.HtmlDecode(Attribute(f.Value, "name") ?? ""), Value: WebUtility.HtmlDecode(Sample(form.Groups[2].Value, f.Value))))
                .Where(f => f.Name.Length > 0).DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => (string?)f.Value);
            foreach (var (name, value) in fields) if (value is { Length: > 0 }) samples[name] = value;
            yield return QueryHelpers.AddQueryString(action, fields);
        }
    }

    /// <summary>
    /// A value a person could choose in a filter's field, so that its hostile values can be those of its kind
    /// (<see cref="HostileFor"/>): its own value, a day in a date box, a number in a number box, a select's first choice.
    /// </summary>
    private static string Sample(string form, string field)
    {
        if (Attribute(field, "value") is { Length: > 0 } value) return value;
        if (field.StartsWith("<select", StringComparison.OrdinalIgnoreCase))
        {
            var options = Regex.Match(form, $"{Regex.Escape(field)}(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
            return Regex.Matches(options, "<option\\b[^>]*\\bvalue=\"([^\"]+)\"").Select(o => o.Groups[1].Value).FirstOrDefault() ?? "";
        }
        return Attribute(field, "type") switch { "date" => "2026-01-01", "month" => "2026-01", "number" => "1", _ => "" };
    }

    /// <summary>
    /// The odd forms of one address: each query value in turn replaced by every hostile value, the common parameters
    /// it lacks added together with each hostile value, each id of its path replaced by each hostile id.
    /// </summary>
    private static IEnumerable<string> Variants(string url, HashSet<string> pagesGivenCommonParameters, Dictionary<string, string> samples)
    {
        var parts = url.Split('?', 2);
        var path = parts[0];
        var query = QueryHelpers.ParseQuery(parts.Length > 1 ? parts[1] : "")
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var name in query.Keys)
            // A link's empty value (an export's unset filter) is of the kind the same field of a filter form showed.
            foreach (var value in HostileFor(query[name] is { Length: > 0 } given ? given : samples.GetValueOrDefault(name, "")))
                yield return QueryHelpers.AddQueryString(path, new Dictionary<string, string?>(query.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value))) { [name] = value });
        // Once for each page (and handler): what a page reads beyond its links does not depend on which of them was followed.
        var missing = CommonParameters.Where(p => !query.ContainsKey(p)).ToList();
        if (pagesGivenCommonParameters.Add(PageWalk.Shape(path) + "?handler=" + query.GetValueOrDefault("handler")))
            foreach (var value in Hostile)
                yield return QueryHelpers.AddQueryString(url, missing.Select(p => KeyValuePair.Create(p, (string?)value)));
        foreach (var id in PageWalk.Ids(path))
            foreach (var value in Guid.TryParse(id.Value, out _) ? HostileIds : [.. HostileIds, .. HostileNumbersInPaths])
                yield return path[..id.Index] + value + path[(id.Index + id.Length)..] + (parts.Length > 1 ? "?" + parts[1] : "");
    }

    private static string[] HostileFor(string value) =>
        value.Length == 0 ? Hostile
        : Guid.TryParse(value, out _) ? ForGuids
        : long.TryParse(value, out _) ? ForNumbers
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", out _) ? ForDates
        : DateOnly.TryParseExact(value, "yyyy-MM", out _) ? ForMonths
        : ForWords;

    /// <summary>One address of each shape: the same page with other ids, and the same parameters, is asked once.</summary>
    private static string Key(string url)
    {
        var parts = url.Split('?', 2);
        var names = QueryHelpers.ParseQuery(parts.Length > 1 ? parts[1] : "").Keys.Order(StringComparer.Ordinal);
        return PageWalk.Shape(parts[0]) + "?" + string.Join("&", names);
    }

    /// <summary>The last error the application logged, to say why a server error happened.</summary>
    private string LastError() =>
        App.Log.Entries.LastOrDefault(e => e.Level >= LogLevel.Error) is { } error ? $" ({error.Category}: {Cut(error.Message)}{(error.Exception is null ? "" : " " + Cut(error.Exception.ToString()))})" : "";

    private static string Shown(string url) => url.Replace(Long, "{10 KB}").Replace(Uri.EscapeDataString(Long), "{10 KB}");

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "…";

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    // Signing out would end the walk; the jobs' dashboard is Hangfire's, not ours; a language switch would change the
    // reader's language for the rest of the walk (culture is among the common parameters given odd values anyway).
    [GeneratedRegex(@"(?i)(logout|hangfire|culture=)")]
    private static partial Regex NeverAsked();

    [GeneratedRegex("<form\\b([^>]*\\bmethod=\"get\"[^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex GetForm();

    [GeneratedRegex("<(?:input|select|textarea)\\b[^>]*\\bname=\"[^\"]*\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b|(?m)^\s*at [\w.`<>]+\(|DeveloperExceptionPage|An unhandled exception occurred")]
    private static partial Regex StackTrace();
}
