using System.Net;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// A link carrying its language (?culture=fr), shared by e-mail or pasted from a French page, that leads nowhere: the
/// "page not found" page is in that language too. It is drawn by re-running the request as /error?code=404, which drops
/// the link's own query string; the language must be read before that.
/// </summary>
public sealed class ErrorPageLanguageTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("/no-such-page?culture=fr", "Page introuvable", "La page demandée n’existe pas")]
    [InlineData("/no-such-page?culture=es", "Página no encontrada", "La página solicitada no existe")]
    [InlineData("/calls/no-such-call?culture=fr", "Page introuvable", "La page demandée n’existe pas")]
    [InlineData("/no-such-page?culture=en", "Page not found", "The page you asked for does not exist")]
    public async Task ALinkThatLeadsNowhere_SaysSoInTheLanguageItAskedFor(string address, string title, string explanation)
    {
        var response = await NewClient().GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains(explanation, page);
    }
}
