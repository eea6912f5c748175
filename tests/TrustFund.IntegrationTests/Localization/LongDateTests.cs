using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>Whole days read as each language writes them: Spanish joins day, month and year with "de", as the PDFs do.</summary>
public sealed partial class LongDateTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Theory]
    [InlineData("es-ES", "7 de diciembre de 2026")]
    [InlineData("fr-FR", "7 décembre 2026")]
    [InlineData("en-GB", "7 December 2026")]
    public void ADay_IsWrittenOut_AsItsLanguageWritesIt(string culture, string expected)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Days.Long(new DateOnly(2026, 12, 7)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public async Task TheEligibilityQuestions_InSpanish_WriteTheCutOffDateWithDe()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var client = await SignedIn(ngo);
        await client.GetAsync("/?culture=es");

        var response = await client.GetAsync($"/apply/start/{call.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches(SpanishCutOff(), html);
    }

    [GeneratedRegex(@"antes del \d{1,2} de [a-zá-úñ]+ de \d{4}\?")]
    private static partial Regex SpanishCutOff();
}
