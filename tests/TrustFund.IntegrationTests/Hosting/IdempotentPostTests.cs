using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.IntegrationTests.Features.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// A form post sent again with its idempotency key (a double click, a reconnect, the browser resending after a lost
/// answer) gets the first answer and does nothing a second time; the same key from someone else, or no usable key, is a
/// post of its own. Through the real "record a receipt" page, where a second effect would count a donor's money twice.
/// </summary>
public sealed partial class IdempotentPostTests(TrustFundAppFactory app) : FinanceTest(app)
{
    private async Task<(HttpClient Client, string Page)> ReceiptForm(string manager = "manager@unodc.test")
    {
        var pledge = await Pledge(await Donor(), 100_000, "USD", LastMonth);
        return (await FundManager(manager), $"/fund/pledges/{pledge}/receipts/new");
    }

    private Task<(string Action, List<KeyValuePair<string, string>> Fields)> Filled(HttpClient client, string page, string? key = null) =>
        PageForm(client, page, null, [new("Amount", "10000"), new("Currency", "USD"), new("ValueDate", LastMonth.AddDays(2).ToString("yyyy-MM-dd")),
            new("BankReference", "NO-2027-001"), .. key is null ? Array.Empty<KeyValuePair<string, string>>() : [new("__IdempotencyKey", key)]]);

    private static Task<HttpResponseMessage> Post(HttpClient client, (string Action, List<KeyValuePair<string, string>> Fields) form) =>
        client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));

    private static string KeyOf((string Action, List<KeyValuePair<string, string>> Fields) form) =>
        form.Fields.Single(f => f.Key == "__IdempotencyKey").Value;

    private async Task<int> Receipts()
    {
        await using var db = App.NewDbContext();
        Assert.Equal(await db.ContributionReceipts.CountAsync(), await db.JournalEntries.CountAsync());
        return await db.ContributionReceipts.CountAsync();
    }

    [Fact]
    public async Task RecordReceipt_SentAgainWithItsKey_GetsTheFirstAnswer_AndIsRecordedOnce_AFreshFormIsANewReceipt()
    {
        var (client, page) = await ReceiptForm();
        var form = await Filled(client, page);
        Assert.True(Guid.TryParse(KeyOf(form), out _), "the form carries a key");

        var first = await Post(client, form);
        var firstMessage = Confirmation().Match(WebUtility.HtmlDecode(await client.GetStringAsync(LocationOf(first)))).Value;
        var again = await Post(client, form);
        var againMessage = Confirmation().Match(WebUtility.HtmlDecode(await client.GetStringAsync(LocationOf(again)))).Value;

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(LocationOf(first), LocationOf(again));
        Assert.StartsWith("The receipt is recorded: USD 10,000.00", firstMessage);
        Assert.Equal(firstMessage, againMessage);
        Assert.Equal(1, await Receipts());
        // The same values from the form rendered anew (a new key) are a second deposit, as the person meant.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(client, await Filled(client, page))).StatusCode);
        Assert.Equal(2, await Receipts());
    }

    [Fact]
    public async Task RecordReceipt_TheSameFormFiveTimesAtOnce_IsRecordedOnce_AndEveryPostGetsTheSameAnswer()
    {
        var (client, page) = await ReceiptForm();
        var form = await Filled(client, page);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Post(client, form)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(LocationOf).Distinct());
        Assert.Equal(1, await Receipts());
    }

    [Fact]
    public async Task AnotherPersonsKey_IsAPostOfTheirOwn_NeverTheFirstPersonsAnswer()
    {
        var (alice, page) = await ReceiptForm();
        var bob = await FundManager("bob@unodc.test");
        var aliceForm = await Filled(alice, page);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(alice, aliceForm)).StatusCode);

        // Bob's own form, sent with Alice's key (copied, guessed or replayed): his own receipt, his own answer.
        var bobForm = await Filled(bob, page, KeyOf(aliceForm));
        Assert.Equal(KeyOf(aliceForm), KeyOf(bobForm));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(bob, bobForm)).StatusCode);

        Assert.Equal(2, await Receipts());
    }

    /// <summary>
    /// A page answered after a change (the API token's, with its secret shown once) is not stored to be replayed: the
    /// resend creates no second token and leads to the list saying the form was already sent, and the secret is nowhere
    /// in the database.
    /// </summary>
    [Fact]
    public async Task CreateApiToken_SentAgainWithItsKey_CreatesOneToken_AndTheRetryIsLedToTheList_WithoutStoringTheSecret()
    {
        var client = await FundManager();
        var form = await PageForm(client, "/account/api-tokens", "Create", [new("Name", "Reporting script")]);

        var first = await Post(client, form);
        var again = await Post(client, form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var secret = Regex.Match(await first.Content.ReadAsStringAsync(), "tf_[A-Za-z0-9_-]{20,}").Value;
        Assert.NotEmpty(secret);
        Assert.Equal((HttpStatusCode.Redirect, "/account/api-tokens"), (again.StatusCode, LocationOf(again)));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(LocationOf(again)));
        Assert.Contains("This form had already been sent: it was not done a second time.", list);
        Assert.Contains("Reporting script", list);
        Assert.DoesNotContain(secret, list);
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.ApiTokens.CountAsync());
        var answer = Assert.Single(await db.FormAnswers.AsNoTracking().ToListAsync());
        Assert.Equal(200, answer.StatusCode);
        Assert.DoesNotContain(secret, $"{answer.Location} {answer.Message}");
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000'; DROP TABLE form_answers; --")]
    public async Task AHostileKey_IsIgnored_AndThePostIsHandledAsAnyOther(string hostile)
    {
        var (client, page) = await ReceiptForm();
        var form = await Filled(client, page, hostile);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(client, form)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(client, form)).StatusCode);

        Assert.Equal(2, await Receipts());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.FormAnswers.CountAsync());
    }

    [GeneratedRegex("The receipt is recorded: [^<]*")]
    private static partial Regex Confirmation();
}
