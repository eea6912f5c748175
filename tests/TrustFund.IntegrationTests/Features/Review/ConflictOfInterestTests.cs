using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

public sealed class ConflictOfInterestTests(TrustFundAppFactory app) : ReviewTest(app)
{
    private static readonly CriterionScore[] AllFours = TrustFund.Domain.Calls.RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 4, "Solid")).ToArray();

    [Fact]
    public async Task ReviewApplication_BeforeDeclaring_ShowsThePreFlagButNoDetails()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var lucia = Of(board, "CO");
        await Send(new AssignReviewer.Command(id, lucia.Id));

        var view = await QueryAs(lucia, new GetReviewApplication.Query(id));

        Assert.Equal(ConflictStanding.NotDeclared, view.Standing);
        Assert.Equal([LikelyConflict.SameNationality], view.Flags);
        Assert.Null(view.Details);
        await SendAs(lucia, new DeclareConflict.Command(id, false, null));
        Assert.NotNull((await QueryAs(lucia, new GetReviewApplication.Query(id))).Details);
    }

    [Fact]
    public async Task ConflictedReviewer_IsBlockedFromDetailsScoresAndScoring_AndEveryDeclarationIsKept()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var (erik, hiroshi) = (Of(board, "SE"), Of(board, "JP"));
        await Send(new AssignReviewer.Command(id, erik.Id));
        await Send(new AssignReviewer.Command(id, hiroshi.Id));
        await SendAs(hiroshi, new DeclareConflict.Command(id, false, null));
        await SendAs(hiroshi, new SaveAssessment.Command(id, AllFours, Complete: true));
        await SendAs(erik, new DeclareConflict.Command(id, false, null));
        await SendAs(erik, new DeclareConflict.Command(id, true, "I learnt my brother works there."));

        var view = await QueryAs(erik, new GetReviewApplication.Query(id));
        // The declarations refuse a recused reviewer before the handlers are reached.
        await Assert.ThrowsAsync<TrustFund.Application.Authorization.ForbiddenException>(() => QueryAs(erik, new GetApplicationScores.Query(id)));
        await Assert.ThrowsAsync<TrustFund.Application.Authorization.ForbiddenException>(() => SendAs(erik, new SaveAssessment.Command(id, AllFours, Complete: false)));
        var ranking = await QueryAs(erik, new GetCallScores.Query(call.Id));

        Assert.Equal(ConflictStanding.Conflicted, view.Standing);
        Assert.Null(view.Details);
        var row = Assert.Single(ranking.Rows);
        Assert.True(row.Recused);
        Assert.Null(row.Score);
        Assert.Empty(row.Reviews);
        // Hiroshi, cleared, sees the completed scores.
        Assert.Equal(4.00m, (await QueryAs(hiroshi, new GetApplicationScores.Query(id))).Score.Average);
        await using var db = App.NewDbContext();
        var kept = await db.ConflictDeclarations.Where(d => d.ReviewerUserId == erik.Id).OrderBy(d => EF.Property<long>(d, "Sequence")).ToListAsync();
        Assert.Equal([false, true], kept.Select(d => d.HasConflict));
        Assert.Equal("I learnt my brother works there.", kept[1].Note);
    }

    [Fact]
    public async Task UndeclaredReviewer_CannotScore()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var hiroshi = Of(board, "JP");
        await Send(new AssignReviewer.Command(id, hiroshi.Id));

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(hiroshi, new SaveAssessment.Command(id, AllFours, Complete: false)));

        Assert.Equal("Declare whether you have a conflict of interest on this application first.", error.Message);
    }

    [Fact]
    public async Task ReviewApplication_NotYetInReview_IsNotFoundForATrustee()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new TrustFund.Application.Features.Applications.SubmitApplication.Command(id));

        await Assert.ThrowsAsync<TrustFund.Application.NotFoundException>(() => QueryAs(Of(board, "JP"), new GetReviewApplication.Query(id)));
        await Assert.ThrowsAsync<TrustFund.Application.NotFoundException>(() => SendAs(Of(board, "JP"), new DeclareConflict.Command(id, false, null)));
        var page = await (await SignedIn(Of(board, "JP"))).GetAsync($"/review/{id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Ranking_AssessmentOfAReviewerWhoLaterDeclaresAConflict_IsLeftOut()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var (erik, hiroshi) = (Of(board, "SE"), Of(board, "JP"));
        foreach (var (reviewer, score) in new[] { (erik, 1), (hiroshi, 5) })
        {
            await Send(new AssignReviewer.Command(id, reviewer.Id));
            await SendAs(reviewer, new DeclareConflict.Command(id, false, null));
            await SendAs(reviewer, new SaveAssessment.Command(id, TrustFund.Domain.Calls.RubricCriterion.Default.Select(c => new CriterionScore(c.Name, score, null)).ToList(), true));
        }
        Assert.Equal(3.00m, (await QueryAs(await Manager(), new GetCallScores.Query(call.Id))).Rows.Single().Score!.Average);

        await SendAs(erik, new DeclareConflict.Command(id, true, "I found out I know the director."));

        var row = (await QueryAs(hiroshi, new GetCallScores.Query(call.Id))).Rows.Single();
        Assert.Equal(5.00m, row.Score!.Average);
        Assert.Single(row.Reviews);
    }
}
