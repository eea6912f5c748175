using System.Net;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class ApplicationSummaryPdfTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task ApplicationSummary_OwnOrganisationAndSecretariatGetTheSamePdf_OthersAreRefused()
    {
        var call = await OpenCall();
        var (_, owner) = await Ngo("Центр «Надежда»", "UA", "olena@nadiya.org.ua");
        var (_, stranger) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var id = await CompleteDraft(owner, call.Id, 30_000.50m);
        var reference = (await SendAs(owner, new SubmitApplication.Command(id))).ReferenceNumber;
        var ownerClient = await SignedIn(owner);
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var own = await ownerClient.GetAsync($"/apply/{id}/summary.pdf");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        var bytes = await own.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await ownerClient.GetByteArrayAsync($"/apply/{id}/summary.pdf")); // dated by the application: same bytes
        Assert.Equal(bytes, await manager.GetByteArrayAsync($"/fund/applications/{id}/summary.pdf"));

        var pages = PdfText.AllPageWords(bytes);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var text = string.Join(" ", pages);
        Assert.Contains(reference, text);
        Assert.Contains("Центр «Надежда»", text);
        Assert.Contains("Total requested 30,000.50", text);
        Assert.Contains("Sexual exploitation", text);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedIn(stranger)).GetAsync($"/apply/{id}/summary.pdf")).StatusCode);
        var donor = await SignedIn(await CreateUser("donor@example.gov", Roles.Donor));
        Assert.NotEqual(HttpStatusCode.OK, (await donor.GetAsync($"/apply/{id}/summary.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await donor.GetAsync($"/fund/applications/{id}/summary.pdf")).StatusCode);
        Assert.Contains($"/apply/{id}/summary.pdf", await ownerClient.GetStringAsync($"/apply/{id}/view"));
    }

    [Fact]
    public async Task ApplicationSummary_ReadInFrench_IsInFrench_AndInEnglishAgainForAnEnglishReader()
    {
        var call = await OpenCall();
        var (_, owner) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var id = await CompleteDraft(owner, call.Id, 30_000.50m);
        await SendAs(owner, new SubmitApplication.Command(id));
        var client = await SignedIn(owner);
        var english = await client.GetByteArrayAsync($"/apply/{id}/summary.pdf");

        await client.GetAsync("/apply?culture=fr");
        var french = await client.GetByteArrayAsync($"/apply/{id}/summary.pdf");

        var frenchPages = PdfText.AllPageWords(french);
        var text = string.Join(" ", frenchPages);
        Assert.Contains("Personnes à aider (cibles)", text);
        Assert.Contains("Total demandé 30 000,50", text.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Contains("Soumise", text);                      // the status, from the pages' catalogue
        Assert.Contains($"Page 1 sur {frenchPages.Count}", text);
        Assert.DoesNotContain("Total requested", text);
        Assert.Equal("fr", Language(french));
        Assert.Equal("en", Language(english));
        Assert.Contains("Total requested", PdfText.AllWords(english));
    }

    /// <summary>The catalog's /Lang entry, which screen readers use to pick a voice.</summary>
    private static string? Language(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.Latin1.GetString(pdf), @"/Lang\s*\(([a-z]+)\)") is { Success: true } m ? m.Groups[1].Value : null;
}
