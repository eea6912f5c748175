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
        var other = await OpenCall();
        // The longest answers the form takes, in a script of two bytes a letter: the check-your-answers page shows each one's beginning only.
        var current = await QueryAs(ngo, new TrustFund.Application.Features.Applications.GetApplication.Query(id));
        var longest = new string('é', TrustFund.Application.Features.Applications.SaveDraft.MaxNarrativeLength);
        await SendAs(ngo, new TrustFund.Application.Features.Applications.SaveDraft.Command(id, current.Version)
        {
            Project = current.Application.Project with
            {
                Context = longest, Objectives = longest, Activities = longest, WorkPlan = longest, Risks = longest, SurvivorInvolvement = longest,
            },
        });
        var client = await SignedIn(ngo);

        foreach (var url in new[] { "/", $"/calls/{call.Slug}", "/register", "/apply", $"/apply/start/{other.Id}", $"/apply/{id}",
                     $"/apply/{id}/organisation", $"/apply/{id}/beneficiaries", $"/apply/{id}/budget", $"/apply/{id}/review" })
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
