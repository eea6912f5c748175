using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>
/// A date or number in a list's address that the page cannot read is said next to its filter, in the reader's language,
/// instead of being dropped while the list shows everything; the filters it could read still apply.
/// </summary>
public sealed class UnreadableFilterValueTests(TrustFundAppFactory app) : GrantTest(app)
{
    private const string DateMessage = "“{0}” could not be read as a date: use the calendar or type a date such as 2026-12-31.";
    private const string NumberMessage = "“{0}” could not be read as a number: type digits only, such as 25000.";

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task FundGrants_UnreadableFromDate_IsSaidNextToItsFilter_AndTheStatusFilterStillApplies(string language)
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager);
        var reference = await GrantReference(grantId);
        var client = await SignedIn(manager);
        await client.GetAsync($"/?culture={language}");

        var unfiltered = await Html(client, "/fund/grants?from=abc");
        var closedOnly = await Html(client, "/fund/grants?from=abc&status=Closed");

        Assert.Contains(NextTo("From", Message(language, DateMessage, "abc")), unfiltered);
        Assert.Contains(reference, unfiltered);
        Assert.Contains(NextTo("From", Message(language, DateMessage, "abc")), closedOnly);
        Assert.DoesNotContain(reference, closedOnly); // the grant is signed, not closed: the status still filters
        Assert.DoesNotContain("-error\"", await Html(client, "/fund/grants?from=2026-01-01&to=2026-12-31"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task AdminAudit_ImpossibleToDate_IsSaidNextToItsFilter_AndTheUserFilterStillApplies(string language)
    {
        var admin = await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true);
        await Manager(); // its creation is in the audit trail, under no user name that matches "nobody"
        var client = await SignedIn(admin);
        await client.GetAsync($"/?culture={language}");

        var html = await Html(client, "/admin/audit?to=31-31-2026&userName=nobody-at-all");

        Assert.Contains(NextTo("To", Message(language, DateMessage, "31-31-2026")), html);
        Assert.Contains(T(language, "No audit entries match these filters."), html);
    }

    [Fact]
    public async Task OtherListFilters_UnreadableValues_AreSaidNextToTheirFilters_InFrench()
    {
        await Fund(100_000);
        var manager = await Manager();
        await SignedAgreement(manager);
        Guid callId;
        await using (var db = App.NewDbContext()) callId = await db.Calls.Select(c => c.Id).SingleAsync();
        var fund = await SignedIn(manager);
        var finance = await SignedIn(await Certifier());
        var anyone = NewClient();
        foreach (var client in new[] { fund, finance, anyone }) await client.GetAsync("/?culture=fr");

        foreach (var (client, url, field, template, value) in new[]
                 {
                     (fund, "/fund/journal?from=abc", "From", DateMessage, "abc"),
                     (fund, "/fund/contributions?to=2026-02-30", "To", DateMessage, "2026-02-30"),
                     (fund, $"/fund/calls/{callId}/applications?minAmount=abc", "MinAmount", NumberMessage, "abc"),
                     (fund, $"/fund/calls/{callId}/applications?maxAmount=1e999999", "MaxAmount", NumberMessage, "1e999999"),
                     (finance, "/finance/obligations?asOf=demain", "AsOf", DateMessage, "demain"),
                     (anyone, "/grants?year=deux-mille", "Year", NumberMessage, "deux-mille"),
                 })
            Assert.Contains(NextTo(field, Message("fr", template, value)), await Html(client, url));
    }

    private static async Task<string> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string NextTo(string field, string message) => $"<span class=\"field-error\" id=\"{field}-error\">{message}</span>";

    private static string T(string language, string english) => JsonStringLocalizer.Catalogue(language).GetValueOrDefault(english, english);

    private static string Message(string language, string template, string value) =>
        string.Format(CultureInfo.InvariantCulture, T(language, template), value);

    private async Task<string> GrantReference(Guid grantId)
    {
        await using var db = App.NewDbContext();
        return await db.GrantAgreements.Where(g => g.Id == grantId).Select(g => g.ReferenceNumber).SingleAsync();
    }
}
