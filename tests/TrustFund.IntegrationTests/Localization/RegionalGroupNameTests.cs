using System.Net;
using System.Text.RegularExpressions;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// Staff read UN regional groups by their names in their language, not by the codes the data keeps ("GRULAC"): the
/// filter of a call's applications offered "GRULAC", "ASIA_PACIFIC" to English readers.
/// </summary>
public sealed partial class RegionalGroupNameTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private static readonly string[] Codes = ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG"];

    [Theory]
    [InlineData("en", "Latin American and Caribbean States", "African States")]
    [InlineData("fr", "Groupe des États d'Amérique latine et des Caraïbes", "Groupe des États d'Afrique")]
    [InlineData("es", "Grupo de Estados de América Latina y el Caribe", "Grupo de Estados de África")]
    public async Task ACallsApplications_FilterByRegionalGroup_NamesEachGroup_AndStillFiltersByItsCode(string language, string latinAmerica, string africa)
    {
        var call = await OpenCall();
        var (_, colombia) = await Ngo();
        var (_, senegal) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        await SendAs(colombia, new SubmitApplication.Command(await CompleteDraft(colombia, call.Id)));
        await SendAs(senegal, new SubmitApplication.Command(await CompleteDraft(senegal, call.Id)));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        await manager.GetAsync($"/?culture={language}");

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync($"/fund/calls/{call.Id}/applications?regionalGroup=GRULAC"));

        Assert.Matches($"<option value=\"GRULAC\" selected(=\"selected\")?>{Regex.Escape(latinAmerica)}</option>", html);
        Assert.Contains($"<option value=\"AFRICAN\">{africa}</option>", html);
        var shown = Tag().Replace(html, " ");
        Assert.DoesNotContain(Codes, code => shown.Contains(code, StringComparison.Ordinal));
        Assert.Contains("Casa Esperanza", html);
        Assert.DoesNotContain("Sahel Solidarité", html);
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
