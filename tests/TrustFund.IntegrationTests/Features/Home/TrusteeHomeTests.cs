using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Home;

public sealed class TrusteeHomeTests(TrustFundAppFactory app) : ReviewTest(app)
{
    [Fact]
    public async Task TrusteeHome_ListsDeclarationsAssessmentsAndBallotsDue_NeverWhatSheIsRecusedFrom()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var lucia = Of(board, "CO");
        var recused = await EligibleApplication(call.Id, "Sahel Solidarite", "SN");
        var undeclared = await EligibleApplication(call.Id, "Mekong Freedom", "TH");
        var cleared = await EligibleApplication(call.Id, "Nepal Rescue", "NP");
        var notHers = await EligibleApplication(call.Id, "Kyiv Shelter", "UA");
        foreach (var id in new[] { recused, undeclared, cleared }) await Send(new AssignReviewer.Command(id, lucia.Id));
        await SendAs(lucia, new DeclareConflict.Command(recused, true, "I sit on its advisory board."));
        await SendAs(lucia, new DeclareConflict.Command(cleared, false, null));
        // Two other trustees score the recused application and another one; both go to the board session of 1 December.
        foreach (var id in new[] { recused, notHers })
        {
            foreach (var reviewer in new[] { Of(board, "JP"), Of(board, "SE") })
            {
                await Send(new AssignReviewer.Command(id, reviewer.Id));
                await SendAs(reviewer, new DeclareConflict.Command(id, false, null));
                await SendAs(reviewer, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 4, null)).ToList(), true));
            }
            await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted for the board."));
        }
        var session = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 1), SessionFormat.Remote, board.Select(t => t.Id).ToList()));

        var client = await SignedIn(lucia);
        var html = await HomePage.Get(client);

        Assert.Equal(1, HomePage.Count(html, "trustee-declarations"));
        Assert.Contains($"href=\"/review/{undeclared}\"", HomePage.List(html, "trustee-declarations"));
        Assert.Equal(1, HomePage.Count(html, "trustee-assessments"));
        Assert.Contains($"href=\"/review/{cleared}\"", HomePage.List(html, "trustee-assessments"));
        Assert.Contains("board session on 1 December 2026", HomePage.List(html, "trustee-assessments"));
        Assert.Equal(1, HomePage.Count(html, "trustee-ballots"));
        Assert.Contains($"href=\"/board/sessions/{session}\"", HomePage.List(html, "trustee-ballots"));
        Assert.Contains("Kyiv Shelter", HomePage.List(html, "trustee-ballots"));
        Assert.DoesNotContain(recused.ToString(), html);
        Assert.DoesNotContain("Sahel Solidarite", html);

        // Once she has voted, the ballot no longer waits for her; another trustee still has both ballots.
        var ballots = await QueryAs(lucia, new GetBoardSession.Query(session));
        await SendAs(lucia, new DeclareConflict.Command(notHers, false, null));
        await SendAs(lucia, new CastVote.Command(ballots.Agenda.Single(a => a.ApplicationId == notHers).BallotId, VoteChoice.Approve));
        html = await HomePage.Get(client, "fr");
        Assert.Equal(0, HomePage.Count(html, "trustee-ballots"));
        Assert.Contains("Les scrutins des sessions du Conseil auxquelles vous assistez", html);
        Assert.Contains("session du Conseil le 1 décembre 2026", HomePage.List(html, "trustee-assessments"));
        var amina = await HomePage.Get(await SignedIn(Of(board, "SN")));
        Assert.Equal(2, HomePage.Count(amina, "trustee-ballots"));
    }
}
