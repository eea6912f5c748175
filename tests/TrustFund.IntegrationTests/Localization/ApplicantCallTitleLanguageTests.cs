using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// What an NGO (and the secretariat) reads, receives or downloads about an application names its call by the title in
/// the reader's language: the NGO's applications page, the submission receipt (in the submitter's saved language) and
/// the application summary PDF from both sides. The staff pages are <see cref="StaffCallTitleLanguageTests"/>.
/// </summary>
public sealed class ApplicantCallTitleLanguageTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private const string English = "Shelter and reintegration 2027";

    [Theory]
    [InlineData("fr", "Hébergement et réinsertion 2027")]
    [InlineData("es", "Alojamiento y reintegración 2027")]
    public async Task ApplicantPagesMailAndSummaryPdf_NameTheCall_InTheReadersLanguage(string language, string title)
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        await using (var db = App.NewDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == ngo.Id)).PreferredLanguage = language;
            await db.SaveChangesAsync();
        }
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(id));
        var client = await SignedIn(ngo);
        await client.GetAsync($"/?culture={language}");
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        await manager.GetAsync($"/?culture={language}");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/apply"));
        Assert.Contains(title, page);
        Assert.DoesNotContain(English, page);

        var receipt = Assert.Single(await App.SendOutboxAsync());
        Assert.Contains(title, receipt.TextBody);
        Assert.DoesNotContain(English, receipt.TextBody);

        foreach (var (reader, url) in new[] { (client, $"/apply/{id}/summary.pdf"), (manager, $"/fund/applications/{id}/summary.pdf") })
        {
            var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = PdfText.AllWords(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains(title, text);
            Assert.DoesNotContain(English, text);
        }
    }
}
