using System.Net;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// The secretariat's pages name a call by its title in the reader's language (the call list, a call's applications,
/// their screening, its questions and the exports' call picker), not by its English title in a French or Spanish page.
/// </summary>
public sealed class StaffCallTitleLanguageTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private const string English = "Shelter and reintegration 2027";

    [Theory]
    [InlineData("fr", "Hébergement et réinsertion 2027")]
    [InlineData("es", "Alojamiento y reintegración 2027")]
    [InlineData("en", English)]
    public async Task StaffPages_NameTheCall_InTheReadersLanguage(string language, string title)
    {
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        await manager.GetAsync($"/?culture={language}");
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        await SendAs(ngo, new SubmitApplication.Command(await CompleteDraft(ngo, call.Id)));

        foreach (var page in new[] { "/fund/calls", $"/fund/calls/{call.Id}/applications", $"/fund/calls/{call.Id}/applications/screen",
                     $"/fund/calls/{call.Id}/questions", "/fund/exports" })
        {
            var response = await manager.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(title, html);
            if (language != "en") Assert.DoesNotContain(English, html);
        }
    }
}
