using System.Net;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class ApplicationSummaryPdfTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task ApplicationSummary_OwnOrganisationAndSecretariatGetTheSamePdf_OthersGetNotFound()
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

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var text = string.Join(" ", pages);
        Assert.Contains(reference, text);
        Assert.Contains("Центр «Надежда»", text);
        Assert.Contains("Total requested 30,000.50", text);
        Assert.Contains("Sexual exploitation", text);

        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedIn(stranger)).GetAsync($"/apply/{id}/summary.pdf")).StatusCode);
        var donor = await SignedIn(await CreateUser("donor@example.gov", Roles.Donor));
        Assert.NotEqual(HttpStatusCode.OK, (await donor.GetAsync($"/apply/{id}/summary.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await donor.GetAsync($"/fund/applications/{id}/summary.pdf")).StatusCode);
        Assert.Contains($"/apply/{id}/summary.pdf", await ownerClient.GetStringAsync($"/apply/{id}/view"));
    }
}
