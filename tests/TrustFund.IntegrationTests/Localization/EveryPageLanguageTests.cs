using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Notifications;
using TrustFund.IntegrationTests.OpenData;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// Walks the demo fund (a whole funding cycle) as each kind of person would, following the links of every page from
/// their home page, in French and in Spanish, and reads what the person reads (text, button and field labels), and
/// the e-mails the jobs then write: no English UI text may be left. English is recognised two ways: an English text of
/// the catalogue (three words or more) shown as it is, and common English words of the interface that neither the
/// catalogue's translations nor the demo data itself use (the data is what people typed, in whatever language).
/// </summary>
public sealed partial class EveryPageLanguageTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    /// <summary>Who is walked through: one of each role, and someone not signed in.</summary>
    private static readonly (string? Email, string Home)[] People =
    [
        (null, "/"), ("fundmanager@trustfund.test", "/fund/dashboard"), ("admin@trustfund.test", "/admin/users"),
        ("certifying@trustfund.test", "/finance/payments"), ("trustee.grulac@trustfund.test", "/review"), ("trustee.grulac@trustfund.test", "/board"),
        ("ngo.colombia@trustfund.test", "/apply"), ("ngo.senegal@trustfund.test", "/apply"), ("ngo.thailand@trustfund.test", "/apply"),
        ("donor.foundation@trustfund.test", "/donor/contributions"),
    ];

    /// <summary>Words of the interface a French or Spanish page must not show in English.</summary>
    private static readonly string[] EnglishWords =
    [
        "the", "and", "your", "with", "for", "from", "this", "that", "have", "has", "been", "was", "will", "not", "are", "yet", "which",
        "Save", "Submit", "Download", "Edit", "Delete", "Cancel", "Back", "Next", "Previous", "Open", "Close", "Sign", "Search", "Filter",
        "Status", "Amount", "Actions", "Deadline", "Reference", "Organisation", "Application", "Applications", "Report", "Reports",
        "report", "Payment", "Payments", "Grant", "Grants", "Donor", "Donors", "Contribution", "Pledge", "Receipt", "Board", "Review",
        "Notifications", "Dashboard", "Journal", "Users", "Session", "Vote", "Ballot", "Score", "Eligible", "Ineligible", "Draft",
        "Submitted", "Approved", "Rejected", "Pending", "Paid", "Due", "Overdue", "Accepted", "New", "Year", "Total", "Page", "page",
        "required", "invalid", "must", "characters", "field", "value", "instalment", "days", "day", "none", "None",
    ];

    private static readonly string[] EnglishPhrases =
        ["field is required", "The value", "must be", "Attach the", "year(s) of direct assistance", "characters or fewer", "is not valid"];

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task EveryPageAndEmail_InFrenchOrSpanish_ShowsNoEnglish(string language)
    {
        await DemoFund.SeedAsync(App);
        var english = new EnglishDetector(language, await DemoData());
        var found = new List<string>();
        var visited = 0;
        foreach (var (person, home) in People)
        {
            var client = person is null ? NewClient() : await SignedInDemo(person);
            await client.GetAsync($"/?culture={language}");
            foreach (var (url, html) in await PageWalk.Walk(client, home))
            {
                visited++;
                found.AddRange(english.In(VisibleText(html)).Select(e => $"{person ?? "anonymous"} {url}: {e}"));
            }
        }

        // The e-mails of the daily and monthly jobs, to people who now read this language.
        await using (var db = App.NewDbContext())
        {
            await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, language));
            await db.OutboxEmails.ExecuteDeleteAsync();
        }
        await Send(new KeepReportDeadlines.Command());
        await Send(new NotifyTermsEnding.Command());
        await Send(new NotifyUnliquidatedObligations.Command());
        await Send(new NotifyMissingUnoreTable.Command());
        await Send(new RemindReviewersAndVoters.Command());
        // As they are received: the sweeps' notices are rendered when the outbox sends them.
        foreach (var mail in await App.SendOutboxAsync())
            found.AddRange(english.In(mail.Subject + "\n" + mail.TextBody).Select(e => $"e-mail to {mail.To} '{mail.Subject}': {e}"));

        Assert.True(visited > 60, $"the walk reached only {visited} pages: it is not looking at the application");
        Assert.True(found.Count == 0, $"English on {language} pages and e-mails:\n{string.Join("\n", found.Distinct().Take(200))}");
    }

    /// <summary>The control: the same walk of a few English pages finds English, so a silent check means something.</summary>
    [Fact]
    public async Task TheCheck_FindsTheEnglishOfEnglishPages()
    {
        await DemoFund.SeedAsync(App);
        var english = new EnglishDetector("fr", await DemoData());
        var client = await SignedInDemo("fundmanager@trustfund.test");
        await client.GetAsync("/?culture=en");

        var pages = await PageWalk.Walk(client, "/fund/dashboard", limit: 5);

        Assert.All(pages, page => Assert.NotEmpty(english.In(VisibleText(page.Html))));
    }

    /// <summary>Recognises English in the text of a page meant for <c>language</c>.</summary>
    private sealed class EnglishDetector
    {
        private readonly List<string> _texts;
        private readonly HashSet<string> _words;

        public EnglishDetector(string language, string data)
        {
            var dataWords = Words(data).ToHashSet();
            var catalogue = JsonStringLocalizer.Catalogue(language);
            var translated = string.Join("\n", catalogue.Values);
            var translatedWords = Words(translated).ToHashSet();
            // A catalogue text of three words or more that its translation does not simply repeat.
            _texts = catalogue.Where(kv => kv.Key != kv.Value && kv.Key.Split(' ').Length >= 3 && !kv.Key.Contains('{') && !translated.Contains(kv.Key) && !data.Contains(kv.Key))
                .Select(kv => kv.Key).ToList();
            _words = EnglishWords.Where(w => !translatedWords.Contains(w) && !dataWords.Contains(w)).ToHashSet();
        }

        public IEnumerable<string> In(string text)
        {
            foreach (var phrase in EnglishPhrases.Where(p => text.Contains(p, StringComparison.Ordinal))) yield return $"\"{phrase}\"";
            foreach (var english in _texts.Where(t => text.Contains(t, StringComparison.Ordinal))) yield return $"\"{english}\"";
            foreach (var word in Words(text).Where(_words.Contains).Distinct())
                yield return $"'{word}' in “{Around(text, word)}”";
        }

        private static string Around(string text, string word)
        {
            var at = Regex.Match(text, $@"\b{Regex.Escape(word)}\b").Index;
            return text.Substring(Math.Max(0, at - 40), Math.Min(text.Length - Math.Max(0, at - 40), 80 + word.Length)).ReplaceLineEndings(" ");
        }
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    /// <summary>
    /// The demo's own data (names, what NGOs and the secretariat wrote, the journal's document references): what it says
    /// on a page may be data, shown in the language it was written in.
    /// </summary>
    private async Task<string> DemoData()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "TrustFund.sln"))) root = root.Parent;
        var data = new List<string>();
        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: data.Add(element.GetString()!); break;
                case JsonValueKind.Object: foreach (var p in element.EnumerateObject()) Collect(p.Value); break;
                case JsonValueKind.Array: foreach (var e in element.EnumerateArray()) Collect(e); break;
            }
        }
        Collect(JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root.FullName, "seeds", "demo", "demo.json"))).RootElement);
        // The funding cycle's texts are written as the use cases' commands in C#: its string literals are data too.
        var cycle = await File.ReadAllTextAsync(Path.Combine(root.FullName, "src", "TrustFund.Infrastructure", "Seeding", "DemoFundingCycle.cs"));
        data.AddRange(StringLiteral().Matches(cycle).Select(m => Regex.Unescape(m.Value)));
        await using var db = App.NewDbContext();
        data.AddRange(await db.JournalEntries.Where(j => j.DocumentReference != null).Select(j => j.DocumentReference!).Distinct().ToListAsync());
        return string.Join("\n", data);
    }

    /// <summary>What a person reads: the text between tags, and the labels of buttons, fields and links.</summary>
    private static string VisibleText(string html)
    {
        var body = Hidden().Replace(html, " ");
        var attributes = string.Join("\n", ReadAttribute().Matches(body).Select(m => m.Groups[2].Value));
        return WebUtility.HtmlDecode(Tag().Replace(body, "\n") + "\n" + attributes);
    }

    [GeneratedRegex(@"[\p{L}][\p{L}'’]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex("\\b(aria-label|title|placeholder|alt)=\"([^\"]*)\"")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
