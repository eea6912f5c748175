using System.Text.RegularExpressions;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>NGOs apply on slow connections: no applicant page may download more than 200 KB on a first visit.</summary>
public sealed partial class PageWeightTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task ApplicantPages_WeighLessThan200KbOnAFirstVisit_WithTheirStylesAndScripts()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        var client = await SignedIn(ngo);

        foreach (var url in new[] { "/", $"/calls/{call.Slug}", "/register", "/apply", $"/apply/{id}/organisation", $"/apply/{id}/beneficiaries",
                     $"/apply/{id}/budget", $"/apply/{id}/review" })
        {
            var html = await client.GetByteArrayAsync(url);
            var total = html.LongLength;
            foreach (Match asset in Asset().Matches(System.Text.Encoding.UTF8.GetString(html)))
                total += (await client.GetByteArrayAsync(asset.Groups[1].Value)).LongLength;
            Assert.True(total < 200 * 1024, $"{url} weighs {total / 1024} KB");
        }
    }

    [GeneratedRegex("""(?:href|src)="(/(?:css|js)/[^"]+)""")]
    private static partial Regex Asset();
}
