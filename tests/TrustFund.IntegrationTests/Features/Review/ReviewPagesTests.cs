using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

public sealed class ReviewPagesTests(TrustFundAppFactory app) : ReviewTest(app)
{
    private static Dictionary<string, string> Scores(int score, bool complete)
    {
        var fields = new Dictionary<string, string> { ["Complete"] = complete ? "true" : "false" };
        for (var i = 0; i < RubricCriterion.Default.Count; i++)
        {
            fields[$"Scores[{i}].Criterion"] = RubricCriterion.Default[i].Name;
            fields[$"Scores[{i}].Score"] = score.ToString();
            fields[$"Scores[{i}].Comment"] = "Comment " + i;
        }
        return fields;
    }

    [Fact]
    public async Task ReviewPage_DeclareNoConflictThenScore_CompletesAndLocksTheAssessment()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var hiroshi = Of(board, "JP");
        await Send(new AssignReviewer.Command(id, hiroshi.Id));
        var client = await SignedIn(hiroshi);

        var before = await client.GetStringAsync($"/review/{id}");
        Assert.DoesNotContain("Safe shelter and legal aid in Cali", before);
        var declared = await PostForm(client, $"/review/{id}?handler=Declare", new() { ["HasConflict"] = "false" }, $"/review/{id}");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        var after = await client.GetStringAsync($"/review/{id}");
        Assert.Contains("Safe shelter and legal aid in Cali", after);
        Assert.Contains("data-rubric", after);

        var saved = await PostForm(client, $"/review/{id}?handler=Score", Scores(4, complete: true), $"/review/{id}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = App.NewDbContext();
        var assessment = await db.Assessments.SingleAsync();
        Assert.True(assessment.IsCompleted);
        Assert.Equal(4.00m, assessment.WeightedTotal(RubricCriterion.Default));
        Assert.Equal("Comment 0", assessment.Scores[0].Comment);
        var locked = await client.GetStringAsync($"/review/{id}");
        Assert.DoesNotContain("Complete the assessment", locked);
    }

    [Fact]
    public async Task ReviewPage_ConflictedReviewer_SeesNoDetailsNoScores_AndCannotPostScores()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var (erik, hiroshi) = (Of(board, "SE"), Of(board, "JP"));
        await Send(new AssignReviewer.Command(id, erik.Id));
        await Send(new AssignReviewer.Command(id, hiroshi.Id));
        await SendAs(hiroshi, new DeclareConflict.Command(id, false, null));
        await SendAs(hiroshi, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 2, "Weak-point-noted")).ToList(), true));
        var client = await SignedIn(erik);
        await PostForm(client, $"/review/{id}?handler=Declare", new() { ["HasConflict"] = "true", ["Note"] = "I sit on its board." }, $"/review/{id}");

        var page = await client.GetStringAsync($"/review/{id}");
        var post = await PostForm(client, $"/review/{id}?handler=Score", Scores(5, complete: true), $"/review/{id}");

        Assert.Contains("You declared a conflict of interest on this application", page);
        Assert.DoesNotContain("Safe shelter and legal aid in Cali", page);
        Assert.DoesNotContain("Weak-point-noted", page);
        Assert.DoesNotContain("Weak-point-noted", await post.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        await using var db = App.NewDbContext();
        Assert.False(await db.Assessments.AnyAsync(a => a.ReviewerUserId == erik.Id));
    }

    [Fact]
    public async Task Selection_ApplicantReadsTheOutcomeAndMessage_NeverTheScores()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new TrustFund.Application.Features.Applications.SubmitApplication.Command(id));
        await Send(new TrustFund.Application.Features.Applications.DecideEligibility.Command(id, true, "Eligible."));
        var hiroshi = Of(board, "JP");
        await Send(new AssignReviewer.Command(id, hiroshi.Id));
        await SendAs(hiroshi, new DeclareConflict.Command(id, false, null));
        await SendAs(hiroshi, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 3, "Secret-comment")).ToList(), true));
        var manager = await SignedIn(await Manager());

        var ranking = await manager.GetStringAsync($"/fund/calls/{call.Id}/ranking");
        var response = await PostForm(manager, $"/fund/applications/{id}/selection?handler=Decide",
            new() { ["Selection"] = "ReserveList", ["Message"] = "You are on the reserve list for this call." }, $"/fund/applications/{id}/selection");

        Assert.Contains("3.00", ranking);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var applicant = await (await SignedIn(ngo)).GetStringAsync($"/apply/{id}/view");
        Assert.Contains("You are on the reserve list for this call.", applicant);
        Assert.DoesNotContain("Secret-comment", applicant);
        Assert.DoesNotContain("3.00", applicant);
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.ReserveList, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task AssignPage_AutomaticAssignment_ShowsTheLoadAndStartsReview()
    {
        var call = await OpenCall();
        await FullBoard();
        await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        await EligibleApplication(call.Id, "Sahel Solidarite", "SN");
        var manager = await SignedIn(await Manager());

        var response = await PostForm(manager, $"/fund/calls/{call.Id}/review?handler=Auto", new() { ["ReviewersPerApplication"] = "2" }, $"/fund/calls/{call.Id}/review");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Equal(4, await db.ReviewAssignments.CountAsync());
        Assert.All(await db.Applications.ToListAsync(), a => Assert.Equal(ApplicationStatus.UnderReview, a.Status));
        var page = await manager.GetStringAsync($"/fund/calls/{call.Id}/review");
        Assert.Contains("To declare", page);
    }

    [Fact]
    public async Task AffiliationsPage_DeclaredTie_PreFlagsTheOrganisationsApplication()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var erik = Of(board, "SE");
        await Send(new AssignReviewer.Command(id, erik.Id));
        await using (var db = App.NewDbContext())
        {
            var organisation = await db.Organisations.SingleAsync();
            var client = await SignedIn(erik);
            var response = await PostForm(client, "/review/affiliations", new() { ["OrganisationId"] = organisation.Id.ToString(), ["Description"] = "I chaired its board until 2024." });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("I chaired its board until 2024.", await client.GetStringAsync("/review/affiliations"));
            Assert.Contains("you declared an affiliation with this organisation", await client.GetStringAsync($"/review/{id}"));
        }
        Assert.Equal([LikelyConflict.DeclaredAffiliation], (await QueryAs(erik, new GetReviewApplication.Query(id))).Flags);
    }

    [Fact]
    public async Task ComparePage_TwoApplications_SideBySideWithCriterionAverages()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var hiroshi = Of(board, "JP");
        var ids = new List<Guid>();
        foreach (var (name, country, score) in new[] { ("Casa Esperanza", "CO", 2), ("Sahel Solidarite", "SN", 5) })
        {
            var id = await EligibleApplication(call.Id, name, country);
            await Send(new AssignReviewer.Command(id, hiroshi.Id));
            await SendAs(hiroshi, new DeclareConflict.Command(id, false, null));
            await SendAs(hiroshi, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, score, null)).ToList(), true));
            ids.Add(id);
        }
        var manager = await SignedIn(await Manager());

        var page = await manager.GetStringAsync($"/fund/calls/{call.Id}/compare?ids={ids[0]}&ids={ids[1]}");

        Assert.Contains("Casa Esperanza", page);
        Assert.Contains("Sahel Solidarite", page);
        Assert.Contains("2.00", page);
        Assert.Contains("5.00", page);
        Assert.True(page.IndexOf("Sahel Solidarite", StringComparison.Ordinal) < page.IndexOf("Casa Esperanza", StringComparison.Ordinal), "ranked first comes first");
    }

    [Fact]
    public async Task MyReviewsPage_ListsOnlyMyAssignments_WithWhereEachStands()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var mine = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var other = await EligibleApplication(call.Id, "Sahel Solidarite", "SN");
        var hiroshi = Of(board, "JP");
        await Send(new AssignReviewer.Command(mine, hiroshi.Id));
        await Send(new AssignReviewer.Command(other, Of(board, "SE").Id));
        await SendAs(hiroshi, new DeclareConflict.Command(mine, true, "Conflict noted."));

        var page = await (await SignedIn(hiroshi)).GetStringAsync("/review");

        Assert.Contains("Casa Esperanza", page);
        Assert.Contains("Conflict declared", page);
        Assert.DoesNotContain("Sahel Solidarite", page);
    }
}
