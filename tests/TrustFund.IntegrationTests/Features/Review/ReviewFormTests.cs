using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

/// <summary>
/// The secretariat's review forms posted through their pages as a careless or hostile officer would: each valid post has
/// its effect, each refused one shows the same page (200) with that form's own message and what was typed, and changes
/// nothing. Reviewers by hand and automatically, the selection decision and reopening, the award and the declined award,
/// and a reviewer's declared affiliations.
/// </summary>
public sealed class ReviewFormTests(TrustFundAppFactory app) : ReviewTest(app)
{
    /// <summary>An application scored (complete) by the Japanese trustee, and the manager signed in.</summary>
    private async Task<(Guid Application, Guid CallId, List<TrustFund.Application.Identity.ApplicationUser> Board, HttpClient Manager)> AScoredApplication()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        await Scored(id, Of(board, "JP"));
        return (id, call.Id, board, await SignedIn(await Manager()));
    }

    private async Task<ApplicationStatus> StatusOf(Guid application)
    {
        await using var db = App.NewDbContext();
        return (await db.Applications.SingleAsync(a => a.Id == application)).Status;
    }

    [Fact]
    public async Task AssignPage_ByHand_AssignsTheChosenReviewer_AndTheApplicationGoesUnderReview()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var manager = await SignedIn(await Manager());
        var url = $"/fund/calls/{call.Id}/review";

        var response = await PostPageForm(manager, url, "Hand", [new("ReviewerUserId", Of(board, "JP").Id.ToString())], containing: id.ToString());

        Assert.Equal(url, LocationOf(response));
        await using var db = App.NewDbContext();
        Assert.Equal(Of(board, "JP").Id, (await db.ReviewAssignments.SingleAsync()).ReviewerUserId);
        Assert.Equal(ApplicationStatus.UnderReview, await StatusOf(id));
    }

    [Fact]
    public async Task AssignPage_ByHand_TheSameReviewerTwice_OrSomeoneWhoIsNoReviewer_IsRefusedNextToItsRow_AndAnUnknownApplicationIsNotFound()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var hiroshi = Of(board, "JP").Id.ToString();
        var manager = await SignedIn(await Manager());
        var url = $"/fund/calls/{call.Id}/review";
        var (action, fields) = await PageForm(manager, url, "Hand", [new("ReviewerUserId", hiroshi)], containing: id.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(action, new FormUrlEncodedContent(fields))).StatusCode);

        // The same form again (a second tab), then an account that holds no reviewer role, then an application nobody has.
        var again = await PostPageForm(manager, url, "Hand", [new("ReviewerUserId", hiroshi)], containing: id.ToString());
        var html = await AssertRefusedWith(again, "This reviewer is already assigned to this application.");
        var stranger = await CreateUser("stranger@unodc.test");
        await AssertRefusedWith(await PostPageForm(manager, url, "Hand", [new("ReviewerUserId", stranger.Id.ToString())], containing: id.ToString()),
            "Choose a serving trustee or a technical reviewer of the secretariat.");
        var unknown = await PostPageForm(manager, url, "Hand", [new("ApplicationId", Guid.NewGuid().ToString()), new("ReviewerUserId", hiroshi)], containing: id.ToString());

        // Said in the row of the application it is about, not only at the top of the page.
        var row = html[html.IndexOf($"/fund/applications/{id}\"", StringComparison.Ordinal)..];
        Assert.Contains("<p class=\"field-error\">This reviewer is already assigned to this application.</p>", row);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.ReviewAssignments.CountAsync());
    }

    [Fact]
    public async Task AssignPage_AShortlistedApplication_OffersNoAssignButton_AndAPostByHandIsRefused()
    {
        var (id, callId, board, manager) = await AScoredApplication();
        await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted for the board."));
        var url = $"/fund/calls/{callId}/review";
        var token = HiddenFieldsOf(WebUtility.HtmlDecode(await manager.GetStringAsync(url))).First(f => f.Key == "__RequestVerificationToken");

        var page = await manager.GetStringAsync(url);
        var posted = await manager.PostAsync(url + "?handler=Hand", new FormUrlEncodedContent(
            [token, new("ApplicationId", id.ToString()), new("ReviewerUserId", Of(board, "SE").Id.ToString())]));

        Assert.DoesNotContain($"value=\"{id}\"", page); // no "assign by hand" form for it
        await AssertRefusedWith(posted, "Only an eligible application can be assigned for review.");
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.ReviewAssignments.CountAsync());
    }

    [Theory]
    [InlineData("1", "Give between two and five reviewers per application.")]
    [InlineData("1000", "Give between two and five reviewers per application.")]
    [InlineData("-7", "Give between two and five reviewers per application.")]
    [InlineData("abc", "Reviewers per application: “abc” is not a valid value.")]
    [InlineData("99999999999999999999", "Reviewers per application: “99999999999999999999” is not a valid value.")]
    public async Task AssignPage_Automatically_ACountOutsideTwoToFive_OrNotANumber_IsRefused_AsTyped_AndAssignsNobody(string typed, string message)
    {
        var call = await OpenCall();
        await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var manager = await SignedIn(await Manager());

        var response = await PostPageForm(manager, $"/fund/calls/{call.Id}/review", "Auto", [new("ReviewersPerApplication", typed)]);

        var html = await AssertRefusedWith(response, message);
        Assert.Contains($"value=\"{typed}\"", html);
        Assert.Contains("href=\"#ReviewersPerApplication\"", html); // the summary leads to the box
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.ReviewAssignments.CountAsync());
        Assert.Equal(ApplicationStatus.Eligible, await StatusOf(id));
    }

    [Fact]
    public async Task AssignPage_Automatically_RefusedInFrench_NamesTheBoxByItsFrenchLabel()
    {
        var call = await OpenCall();
        await FullBoard();
        await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var manager = await SignedIn(await Manager());
        await manager.GetAsync("/?culture=fr");

        var response = await PostPageForm(manager, $"/fund/calls/{call.Id}/review", "Auto", [new("ReviewersPerApplication", "beaucoup")]);

        await AssertRefusedWith(response, "Évaluateurs par demande\u00A0: «\u00A0beaucoup\u00A0» n’est pas une valeur valide.");
    }

    [Fact]
    public async Task SelectionPage_WithoutAMessage_IsRefused_KeepingTheChoice_AndAnUnreadableChoiceIsRefusedToo()
    {
        var (id, _, _, manager) = await AScoredApplication();
        var url = $"/fund/applications/{id}/selection";

        var empty = await PostPageForm(manager, url, "Decide", [new("Selection", "ReserveList"), new("Message", "   ")]);
        var hostile = await PostPageForm(manager, url, "Decide", [new("Selection", "99"), new("Message", "<script>alert(1)</script>")]);

        var html = await AssertRefusedWith(empty, "Write the message the applicant will read.");
        Assert.Matches("value=\"ReserveList\" checked", html.Replace("checked=\"checked\"", "checked"));
        await AssertRefusedWith(hostile, "“99” is not a valid value.");
        var raw = await hostile.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", raw);
        Assert.Contains("&lt;script&gt;alert(1)", raw); // shown as typed, as text
        Assert.Equal(ApplicationStatus.UnderReview, await StatusOf(id));
    }

    [Fact]
    public async Task SelectionPage_ReopensAnAssessmentWithItsReason_AndWithoutAReasonIsRefused()
    {
        var (id, _, _, manager) = await AScoredApplication();
        var url = $"/fund/applications/{id}/selection";
        Guid assessment;
        await using (var db = App.NewDbContext()) assessment = (await db.Assessments.SingleAsync()).Id;

        var refused = await PostPageForm(manager, url, "Reopen", [new("AssessmentId", assessment.ToString()), new("Reason", "")]);
        await AssertRefusedWith(refused, "Give the reason for reopening the assessment.");
        await using (var db = App.NewDbContext()) Assert.True((await db.Assessments.SingleAsync()).IsCompleted);
        var unknown = await PostPageForm(manager, url, "Reopen", [new("AssessmentId", Guid.NewGuid().ToString()), new("Reason", "Scores typed in the wrong rows.")]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var reopened = await PostPageForm(manager, url, "Reopen", [new("AssessmentId", assessment.ToString()), new("Reason", "Scores typed in the wrong rows.")]);

        Assert.Equal(url, LocationOf(reopened));
        await using var after = App.NewDbContext();
        var reopenedAssessment = await after.Assessments.SingleAsync();
        Assert.False(reopenedAssessment.IsCompleted);
        Assert.Equal("Scores typed in the wrong rows.", Assert.Single(reopenedAssessment.Reopenings).Reason);
    }

    [Fact]
    public async Task AwardPage_ApprovingWhatTheBoardDidNotRecommend_NeedsAJustification_AndAnAmountWithinTheRequest()
    {
        var (id, _, _, manager) = await AScoredApplication();
        await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted for the board."));
        var url = $"/fund/applications/{id}/award";

        var noJustification = await PostPageForm(manager, url, "Decide", [new("Approve", "true"), new("Amount", "38500.50"), new("Justification", "")]);
        var html = await AssertRefusedWith(noJustification, "Approving an application the board did not recommend needs a written justification.");
        Assert.Contains("value=\"38500.50\"", html); // the amount as typed, not the amount requested
        foreach (var amount in new[] { "40000.01", "-1", "0", "79228162514264337593543950335" })
            await AssertRefusedWith(await PostPageForm(manager, url, "Decide", [new("Approve", "true"), new("Amount", amount), new("Justification", "The board ran out of time.")]),
                "The approved amount must be above zero and at most the amount requested.");
        var notANumber = await PostPageForm(manager, url, "Decide", [new("Approve", "true"), new("Amount", "forty thousand"), new("Justification", "The board ran out of time.")]);
        Assert.Contains("The board ran out of time.", await AssertRefusedWith(notANumber, "Approved amount (USD): “forty thousand” is not a valid value."));
        await AssertRefusedWith(await PostPageForm(manager, url, "Decide", [new("Approve", "true"), new("Amount", "30000"), new("Justification", new string('j', 4001))]),
            "Justification (required when departing from the board's recommendation): at most 4,000 characters.");
        Assert.Equal(ApplicationStatus.Shortlisted, await StatusOf(id));

        var approved = await PostPageForm(manager, url, "Decide", [new("Approve", "true"), new("Amount", "30000"), new("Justification", "The board ran out of time; the secretariat confirms.")]);

        Assert.Equal(url, LocationOf(approved));
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal((ApplicationStatus.Approved, 30_000m), (application.Status, application.ApprovedAmount));
        Assert.Equal(30_000m, (await db.GrantAgreements.SingleAsync(g => g.ApplicationId == id)).Amount);
    }

    [Fact]
    public async Task AwardPage_TheOrganisationDeclined_IsRecordedWithItsReason_AndWithoutAReasonIsRefusedInTheReadersLanguage()
    {
        var (id, _, _, manager) = await AScoredApplication();
        await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted for the board."));
        await Send(new DecideAward.Command(id, true, 40_000m, "The board ran out of time; the secretariat confirms."));
        var url = $"/fund/applications/{id}/award";
        await manager.GetAsync("/?culture=es");

        var refused = await PostPageForm(manager, url, "Decline", [new("Reason", " ")]);
        await AssertRefusedWith(refused, "Indique por qué la organización renunció a la subvención.");
        Assert.Equal(ApplicationStatus.Approved, await StatusOf(id));

        var declined = await PostPageForm(manager, url, "Decline", [new("Reason", "The NGO closed its shelter.")]);

        Assert.Equal(url, LocationOf(declined));
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal("The NGO closed its shelter.", application.History[^1].Note);
        Assert.False(await db.GrantAgreements.AnyAsync(g => g.ApplicationId == id)); // the draft agreement went with the award
    }

    [Fact]
    public async Task AffiliationsPage_WithoutADescription_OrTooLong_IsRefusedAsTyped_AndAnUnknownOrganisationIsNotFound()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var erik = await SignedIn(Of(board, "SE"));
        Guid organisation;
        await using (var db = App.NewDbContext()) organisation = (await db.Organisations.SingleAsync()).Id;

        await AssertRefusedWith(await PostPageForm(erik, "/review/affiliations", null, [new("OrganisationId", organisation.ToString()), new("Description", "")]),
            "Describe the tie with the organisation.");
        var tooLong = await PostPageForm(erik, "/review/affiliations", null, [new("OrganisationId", organisation.ToString()), new("Description", new string('t', 1001))]);
        Assert.Contains(new string('t', 1001), await AssertRefusedWith(tooLong, "Your tie with the organisation: at most 1,000 characters."));
        var unknown = await PostPageForm(erik, "/review/affiliations", null, [new("OrganisationId", Guid.NewGuid().ToString()), new("Description", "Adviser.")]);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var after = App.NewDbContext();
        Assert.Equal(0, await after.DeclaredAffiliations.CountAsync());
    }
}
