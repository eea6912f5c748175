using System.Globalization;
using System.Net;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Donors;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// The secretariat's and the administrators' forms refuse over-long and out-of-range values in the reader's language,
/// naming the field by its label: FluentValidation's English defaults ("The length of 'Title Fr' must be 200
/// characters or fewer.", "'Kind' has a range of values which does not include '7'.") never reach the page.
/// </summary>
public sealed class StaffFormLanguageTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private static readonly string[] EnglishFragments =
        ["The length of", "characters or fewer", "must not be empty", "has a range of values", "must be", "is not valid", "field is required",
         "Title Fr", "Title Es", "Display Name", "Bank Reference", "Earmark Purpose"];

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task StaffForms_RefuseOverlongAndOutOfRangeValues_InTheReadersLanguage(string language)
    {
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        foreach (var client in new[] { manager, admin }) await client.GetAsync($"/?culture={language}");
        var donor = await Send(new CreateDonor.Command("Norway", DonorKind.MemberState, "NO"));
        var pledge = await Send(new RecordPledge.Command(donor, 1_000m, "USD", DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime), false, null));
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var application = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(application));

        var callFields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Shelters"));
        (callFields["Form.TitleFr"], callFields["Form.TitleEs"]) = (new string('é', 201), new string('ñ', 201));
        var callPage = await Refused(await PostForm(manager, "/fund/calls/new", callFields), language);
        AssertSaysAtMost(callPage, language, "French title", 200);
        AssertSaysAtMost(callPage, language, "Spanish title", 200);

        var donorPage = await Refused(await PostForm(manager, "/fund/donors", new()
            { ["Name"] = new string('x', 301), ["Kind"] = "MemberState", ["CountryIso2"] = "NO", ["Language"] = "en" }), language);
        AssertSaysAtMost(donorPage, language, "Name", 300);
        await Refused(await PostForm(manager, "/fund/donors", new()
            { ["Name"] = "Sweden", ["Kind"] = "7", ["CountryIso2"] = "SE", ["Language"] = "en" }), language);

        var userPage = await Refused(await PostForm(admin, "/admin/users/new", new()
            { ["Email"] = "someone@unodc.test", ["DisplayName"] = new string('x', 201), ["PreferredLanguage"] = "en", ["Roles"] = Roles.FundManager }), language);
        AssertSaysAtMost(userPage, language, "Name", 200);

        var pledgePage = await Refused(await PostForm(manager, $"/fund/donors/{donor}/pledges/new", new()
        {
            ["Amount"] = "1000", ["Currency"] = "USD", ["PledgedOn"] = "2026-11-25", ["IsEarmarked"] = "true",
            ["EarmarkPurpose"] = new string('x', 501),
        }), language);
        AssertSaysAtMost(pledgePage, language, "Purpose of the earmark", 500);

        var receiptPage = await Refused(await PostForm(manager, $"/fund/pledges/{pledge}/receipts/new", new()
            { ["Amount"] = "1000", ["Currency"] = "USD", ["ValueDate"] = "2026-11-25", ["BankReference"] = new string('x', 101) }), language);
        AssertSaysAtMost(receiptPage, language, "Bank reference", 100);

        var eligibilityPage = await Refused(await PostPageForm(manager, $"/fund/applications/{application}", null,
            [new("Eligible", "false"), new("Reason", new string('x', 2001))]), language);
        AssertSaysAtMost(eligibilityPage, language, "Reason the applicant will read", 2000);
    }

    /// <summary>The control: the check finds FluentValidation's English default where one is shown.</summary>
    [Fact]
    public void TheEnglishCheck_FindsFluentValidationsDefaultMessage()
    {
        var english = "<div class=\"error-summary\"><ul><li>The length of 'Title Fr' must be 200 characters or fewer. You entered 201 characters.</li></ul></div>";
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertNoEnglish(english, "fr"));
    }

    private static IReadOnlyDictionary<string, string> Catalogue(string language) => JsonStringLocalizer.Catalogue(language);

    /// <summary>A refusal: the page again (200), with no English fragment anywhere on it.</summary>
    private static async Task<string> Refused(HttpResponseMessage response, string language)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the page again (200), got {(int)response.StatusCode}");
        AssertNoEnglish(html, language);
        return html;
    }

    private static void AssertSaysAtMost(string html, string language, string label, int length) =>
        Assert.Contains(string.Format(CultureInfo.GetCultureInfo(language), Catalogue(language)["{0}: at most {1:N0} characters."],
            Catalogue(language)[label], length), html);

    private static void AssertNoEnglish(string html, string language)
    {
        foreach (var english in EnglishFragments)
            Assert.True(!html.Contains(english, StringComparison.Ordinal), $"English '{english}' on a {language} page");
    }
}
