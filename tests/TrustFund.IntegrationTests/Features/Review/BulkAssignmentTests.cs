using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

/// <summary>Reviewers given to many applications through the workload page: check what will happen, confirm; conflicts keep people off.</summary>
public sealed class BulkAssignmentTests(TrustFundAppFactory app) : ReviewTest(app)
{
    private static string Page(Guid callId) => $"/fund/calls/{callId}/review/workload";

    [Fact]
    public async Task AssignMany_WithAConflictInTheSet_PreviewListsWhoIsSkippedAndWhy_ConfirmAssignsAndAuditsEach()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var casa = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var sahel = await EligibleApplication(call.Id, "Femmes Sahel", "SN");
        var nairobi = await EligibleApplication(call.Id, "Nairobi Shelter", "KE");
        var (_, brazilUser) = await Ngo("Rio Aid", "BR", "rio@ngo.test");
        var unscreened = await CompleteDraft(brazilUser, call.Id);
        await SendAs(brazilUser, new SubmitApplication.Command(unscreened));
        // Hiroshi already reviews the Senegalese application; Erik, asked to look at it, declared a conflict.
        await Send(new AssignReviewer.Command(sahel, Of(board, "JP").Id));
        await SendAs(Of(board, "SE"), new DeclareConflict.Command(sahel, true, "I chair their board."));
        var manager = await SignedIn(await Manager());

        var preview = await PostPageForm(manager, Page(call.Id), "Preview",
        [
            new("ApplicationIds", casa.ToString()), new("ApplicationIds", sahel.ToString()), new("ApplicationIds", nairobi.ToString()),
            new("ApplicationIds", unscreened.ToString()), new("ReviewersPerApplication", "4"),
        ]);

        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("10 assignments will be made.", html);
        Assert.Contains("Gets amina, erik, olena, hiroshi", html);
        Assert.Contains("lucia: skipped, likely conflict (nationality)", html);
        Assert.Contains("Gets lucia, olena; still short of 1: not enough reviewers free of conflicts", html);
        Assert.Contains("erik: skipped, conflict declared", html);
        Assert.Contains("amina: skipped, likely conflict (nationality)", html);
        Assert.Contains("Skipped: not open for review", html);
        Assert.Contains("Make 10 assignments", html);
        await using (var db = App.NewDbContext()) Assert.Equal(1, await db.ReviewAssignments.CountAsync());   // Hiroshi's, by hand

        var confirmed = await manager.PostAsync(Page(call.Id) + "?handler=Confirm", new FormUrlEncodedContent(HiddenFieldsOf(html)
            .Where(f => f.Key != "ApplicationIds").Concat(ConfirmIds(html))));

        Assert.Equal(Page(call.Id), LocationOf(confirmed));
        var after = WebUtility.HtmlDecode(await manager.GetStringAsync(Page(call.Id)));
        Assert.Contains("10 assignments made; 1 application could not get enough reviewers free of conflicts.", after);
        Assert.Matches(new Regex("<th scope=\"row\">hiroshi</th>\\s*<td>Trustee\\s*<br /><span class=\"muted\">Asia-Pacific States</span>\\s*</td>\\s*<td class=\"num\">3</td>"), after);
        await using var check = App.NewDbContext();
        var assignments = await check.ReviewAssignments.ToListAsync();
        Assert.Equal(4, assignments.Count(a => a.ApplicationId == casa));
        Assert.Equal(3, assignments.Count(a => a.ApplicationId == sahel));
        Assert.Equal(4, assignments.Count(a => a.ApplicationId == nairobi));
        Assert.DoesNotContain(assignments, a => a.ApplicationId == unscreened);
        Assert.DoesNotContain(assignments, a => a.ApplicationId == sahel && (a.ReviewerUserId == Of(board, "SE").Id || a.ReviewerUserId == Of(board, "SN").Id));
        Assert.DoesNotContain(assignments, a => a.ApplicationId == casa && a.ReviewerUserId == Of(board, "CO").Id);
        var loads = board.Select(t => assignments.Count(a => a.ReviewerUserId == t.Id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"uneven loads {string.Join(",", loads)}");
        Assert.Equal(10, await check.AuditEntries.CountAsync(e => e.Action == nameof(AssignReviewersInBulk) && e.EntityType == nameof(ReviewAssignment)));
        Assert.All(await check.Applications.Where(a => a.Id != unscreened).ToListAsync(), a => Assert.Equal(ApplicationStatus.UnderReview, a.Status));
    }

    /// <summary>The confirmation form's ids (the page's form below repeats them as checkboxes, not hidden fields).</summary>
    private static IEnumerable<KeyValuePair<string, string>> ConfirmIds(string html) =>
        Regex.Matches(html, "<input type=\"hidden\" name=\"ApplicationIds\" value=\"([^\"]+)\"").Select(m => new KeyValuePair<string, string>("ApplicationIds", m.Groups[1].Value));

    [Fact]
    public async Task Preview_NothingTicked_OrTooManyReviewers_IsRefused_AndAssignsNothing()
    {
        var call = await OpenCall();
        await FullBoard();
        var casa = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var manager = await SignedIn(await Manager());

        var nothing = await PostPageForm(manager, Page(call.Id), "Preview", [new("ReviewersPerApplication", "2")]);
        var tooMany = await PostPageForm(manager, Page(call.Id), "Preview", [new("ApplicationIds", casa.ToString()), new("ReviewersPerApplication", "9")]);
        var hostile = await manager.PostAsync(Page(call.Id) + "?handler=Confirm", new FormUrlEncodedContent(
            (await PageForm(manager, Page(call.Id), "Preview", [new("ApplicationIds", casa.ToString()), new("ReviewersPerApplication", "-1")])).Fields));

        await AssertRefusedWith(nothing, "Tick at least one application.");
        var html = await AssertRefusedWith(tooMany, "Choose between 2 and 5 reviewers per application.");
        Assert.Contains($"value=\"{casa}\" checked=\"checked\"", html);
        await AssertRefusedWith(hostile, "Choose between 2 and 5 reviewers per application.");
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.ReviewAssignments.CountAsync());
    }

    [Fact]
    public async Task WorkloadPage_InSpanish_CountsWhatIsStillToAssessInEveryCall()
    {
        var first = await OpenCall();
        var second = await OpenCall();
        var board = await FullBoard();
        var hiroshi = Of(board, "JP");
        await Send(new AssignReviewer.Command(await EligibleApplication(first.Id, "Casa Esperanza", "CO"), hiroshi.Id));
        await Send(new AssignReviewer.Command(await EligibleApplication(second.Id, "Femmes Sahel", "SN"), hiroshi.Id));
        var manager = await SignedIn(await Manager());

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync(Page(first.Id) + "?culture=es"));

        Assert.Contains("Carga de los evaluadores", html);
        Assert.Matches(new Regex("<th scope=\"row\">hiroshi</th>\\s*<td>[^<]+<br /><span class=\"muted\">Grupo de Estados de Asia y el Pacífico</span>\\s*</td>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">2</td>"), html);
        Assert.DoesNotContain("Check what will happen", html);
    }
}
