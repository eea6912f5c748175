using System.Net;
using TrustFund.Application.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

/// <summary>
/// A criterion's weight reads as its reader's language writes a percentage: "20%" in English, "20 %" in French and
/// Spanish with a no-break space, so that the sign never starts a line of a narrow scoring form on its own.
/// </summary>
public sealed class RubricWeightTests(TrustFundAppFactory app) : ReviewTest(app)
{
    [Theory]
    [InlineData("en", "20%")]
    [InlineData("fr", "20\u00A0%")]
    [InlineData("es", "20\u00A0%")]
    public async Task ScoringForm_Scores_And_Comparison_WriteEachWeightInTheReadersLanguage(string language, string weight)
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var (hiroshi, amina) = (Of(board, "JP"), Of(board, "SN"));
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var other = await EligibleApplication(call.Id, "Nairobi Shelter", "KE");
        await Scored(id, amina);
        await Scored(other, amina);
        await Send(new AssignReviewer.Command(id, hiroshi.Id));
        await SendAs(hiroshi, new DeclareConflict.Command(id, false, null));

        var form = WebUtility.HtmlDecode(await (await SignedIn(hiroshi)).GetStringAsync($"/review/{id}?culture={language}"));
        var manager = await SignedIn(await Manager());
        var scores = WebUtility.HtmlDecode(await manager.GetStringAsync($"/fund/applications/{id}/selection?culture={language}"));
        var comparison = WebUtility.HtmlDecode(await manager.GetStringAsync($"/fund/calls/{call.Id}/compare?ids={id}&ids={other}"));

        Assert.Contains($">{weight}</td>", form);
        Assert.Contains($"({weight})</th>", scores);
        Assert.Contains($"({weight})</th>", comparison);
        Assert.DoesNotContain("20 %", form + scores + comparison); // an ordinary space would let the sign wrap alone
    }
}
