using System.Net;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

/// <summary>Blind review: trustees scoring do not see who applied until the scores are locked; the secretariat and the pre-flags do.</summary>
public sealed class BlindReviewTests(TrustFundAppFactory app) : ReviewTest(app)
{
    [Fact]
    public async Task BlindCall_TrusteesSeeNoNameOrCountry_UntilEveryScoreIsLocked_PreFlagsStillWork_SecretariatSeesAll()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow()) with { BlindReview = true }));
        await Send(new PublishCall.Command(call.Id));
        var board = await FullBoard();
        var (hiroshi, amina, lucia) = (Of(board, "JP"), Of(board, "SN"), Of(board, "CO"));
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        await Send(new AssignReviewer.Command(id, hiroshi.Id));
        await Send(new AssignReviewer.Command(id, amina.Id));
        await SendAs(hiroshi, new DeclareConflict.Command(id, false, null));
        var hiroshiClient = await SignedIn(hiroshi);

        var page = WebUtility.HtmlDecode(await hiroshiClient.GetStringAsync($"/review/{id}"));
        var list = WebUtility.HtmlDecode(await hiroshiClient.GetStringAsync("/review"));
        var home = WebUtility.HtmlDecode(await hiroshiClient.GetStringAsync("/home"));
        var flagged = WebUtility.HtmlDecode(await (await SignedIn(lucia)).GetStringAsync($"/review/{id}?culture=es"));
        var secretariat = WebUtility.HtmlDecode(await (await SignedIn(await Manager())).GetStringAsync($"/fund/calls/{call.Id}/review/workload"));

        foreach (var html in new[] { page, list, home, flagged })
        {
            Assert.DoesNotContain("Casa Esperanza", html);
            Assert.DoesNotContain("(CO)", html);
        }
        Assert.Contains("Withheld: blind review", page);
        Assert.Contains("Withheld: blind review", list);
        Assert.Contains("Rubric", page, StringComparison.OrdinalIgnoreCase);   // the details to score are there, only who applied is not
        Assert.Contains("Oculto: evaluación a ciegas", flagged);
        Assert.Contains("su nacionalidad es el país del solicitante", flagged, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Casa Esperanza (CO)", secretariat);

        foreach (var trustee in new[] { hiroshi, amina })
        {
            if (trustee == amina) await SendAs(amina, new DeclareConflict.Command(id, false, null));
            await SendAs(trustee, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 4, null)).ToList(), true));
        }

        var locked = WebUtility.HtmlDecode(await hiroshiClient.GetStringAsync($"/review/{id}"));
        Assert.Contains("Casa Esperanza (CO)", locked);
        Assert.DoesNotContain("Withheld: blind review", locked);
    }

    [Fact]
    public async Task BlindReview_IsACallOption_SetThroughTheCallPages()
    {
        var manager = await SignedIn(await Manager());
        var fields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow()));
        fields["Form.BlindReview"] = "true";

        var created = await PostForm(manager, "/fund/calls/new", fields);
        var edit = LocationOf(created);
        var form = WebUtility.HtmlDecode(await manager.GetStringAsync(edit));
        var saved = await PostForm(manager, edit, CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow())));

        Assert.Contains("id=\"Form_BlindReview\" name=\"Form.BlindReview\" value=\"true\" checked=\"checked\"", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var callId = Guid.Parse(edit.Split('/')[3]);
        Assert.False((await Query(new GetCallForEditing.Query(callId))).Form.BlindReview);
    }
}
