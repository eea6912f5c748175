using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Sessions;

/// <summary>A shortlist moved onto a coming session's agenda through its page: check what will happen, confirm.</summary>
public sealed class PlaceOnAgendaTests(TrustFundAppFactory app) : ReviewTest(app)
{
    private static string Page(Guid callId) => $"/fund/calls/{callId}/agenda";

    /// <summary>Four applications under review, scored by Hiroshi (the higher the index, the higher the score).</summary>
    private async Task<(Guid CallId, List<Guid> Ids)> Scored()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var hiroshi = Of(board, "JP");
        var ids = new List<Guid>();
        foreach (var (name, country, score) in new[] { ("Casa Esperanza", "CO", 3), ("Femmes Sahel", "SN", 4), ("Kyiv Network", "UA", 5), ("Rio Aid", "BR", 2) })
        {
            var id = await EligibleApplication(call.Id, name, country);
            await Send(new AssignReviewer.Command(id, hiroshi.Id));
            await SendAs(hiroshi, new DeclareConflict.Command(id, false, null));
            await SendAs(hiroshi, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, score, null)).ToList(), true));
            ids.Add(id);
        }
        return (call.Id, ids);
    }

    [Fact]
    public async Task PutOnAgenda_ShortlistsAndPlacesInRankingOrder_SkipsOneAlreadyOnAnAgenda_TellsAndAuditsEach()
    {
        var (callId, ids) = await Scored();
        var (casa, sahel, kyiv, rio) = (ids[0], ids[1], ids[2], ids[3]);
        await Send(new DecideSelection.Command(casa, Selection.Shortlist, "Shortlisted."));
        await Send(new DecideSelection.Command(sahel, Selection.ReserveList, "Reserve."));
        await Send(new DecideSelection.Command(rio, Selection.NotSelected, "Not this time."));
        await Send(new DecideSelection.Command(rio, Selection.Shortlist, "After all."));
        var trustees = (await Query(new ListBoardSessions.Query(callId))).ServingTrustees.Select(t => t.UserId).ToList();
        var session = await Send(new CreateBoardSession.Command(callId, new DateOnly(2026, 12, 1), SessionFormat.Remote, trustees));
        // Rio is on the session's agenda already (item 2, after Casa); Kyiv and Sahel are not shortlisted yet.
        var manager = await SignedIn(await Manager());

        var preview = await PostPageForm(manager, Page(callId), "Preview",
        [
            new("SessionId", session.ToString()), new("ApplicationIds", sahel.ToString()), new("ApplicationIds", kyiv.ToString()),
            new("ApplicationIds", rio.ToString()), new("Message", "Your application goes to the board on 1 December."),
        ]);

        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Session of 1 December 2026: 2 applications will be put on its agenda, in ranking order.", html);
        var kyivRow = html.IndexOf("Shortlisted (the applicant is told) and put on the agenda at item 3", StringComparison.Ordinal);
        var sahelRow = html.IndexOf("Shortlisted (the applicant is told) and put on the agenda at item 4", StringComparison.Ordinal);
        Assert.True(kyivRow > 0 && sahelRow > kyivRow, "Kyiv (ranked first) before Sahel");
        Assert.Contains("Skipped: already on the agenda of the session of 1 December 2026", html);
        await using (var db = App.NewDbContext()) Assert.Equal(2, await db.SessionBallots.CountAsync());

        var fields = HiddenFieldsOf(html).Where(f => f.Key != "ApplicationIds")
            .Concat(Regex.Matches(html, "<input type=\"hidden\" name=\"ApplicationIds\" value=\"([^\"]+)\"").Select(m => new KeyValuePair<string, string>("ApplicationIds", m.Groups[1].Value)));
        var confirmed = await manager.PostAsync(Page(callId) + "?handler=Confirm", new FormUrlEncodedContent(fields));

        Assert.Equal($"/board/sessions/{session}", LocationOf(confirmed));
        await using var check = App.NewDbContext();
        var ballots = await check.SessionBallots.Where(b => b.SessionId == session).OrderBy(b => b.Position).Select(b => b.ApplicationId).ToListAsync();
        Assert.Equal(new[] { casa, rio, kyiv, sahel }, ballots);
        var statuses = await check.Applications.ToDictionaryAsync(a => a.Id, a => a.Status);
        Assert.Equal(ApplicationStatus.Shortlisted, statuses[kyiv]);
        Assert.Equal(ApplicationStatus.Shortlisted, statuses[sahel]);
        var references = await check.Applications.ToDictionaryAsync(a => a.Id, a => a.ReferenceNumber);
        var mails = await check.OutboxEmails.Where(m => m.Subject.EndsWith("is shortlisted")).ToListAsync();
        Assert.Single(mails, m => m.Subject.Contains(references[kyiv]!) && m.TextBody.Contains("goes to the board on 1 December"));
        Assert.Single(mails, m => m.Subject.Contains(references[rio]!));   // told once, when shortlisted before, not again
        var audited = await check.AuditEntries.Where(e => e.Action == nameof(PlaceOnAgenda)).Select(e => e.EntityType).ToListAsync();
        Assert.Equal(2, audited.Count(t => t == nameof(GrantApplication)));
        Assert.Equal(2, audited.Count(t => t == nameof(SessionBallot)));
    }

    [Fact]
    public async Task PutOnAgenda_WithoutAMessageForThoseShortlistedNow_OrOnAPastSession_IsRefused_AndChangesNothing()
    {
        var (callId, ids) = await Scored();
        var trustees = (await Query(new ListBoardSessions.Query(callId))).ServingTrustees.Select(t => t.UserId).ToList();
        await Send(new DecideSelection.Command(ids[0], Selection.Shortlist, "Shortlisted."));
        var past = await Send(new CreateBoardSession.Command(callId, new DateOnly(2026, 11, 2), SessionFormat.Remote, trustees));
        await Send(new DecideSelection.Command(ids[2], Selection.Shortlist, "Shortlisted."));
        var coming = await Send(new CreateBoardSession.Command(callId, new DateOnly(2026, 12, 1), SessionFormat.Remote, trustees));
        var manager = await SignedIn(await Manager());

        var noMessage = await PostPageForm(manager, Page(callId), "Preview", [new("SessionId", coming.ToString()), new("ApplicationIds", ids[1].ToString())]);
        var pastSession = await PostPageForm(manager, Page(callId), "Preview",
            [new("SessionId", past.ToString()), new("ApplicationIds", ids[1].ToString()), new("Message", "Shortlisted.")]);
        var nothing = await PostPageForm(manager, Page(callId), "Preview", [new("SessionId", coming.ToString())]);

        var html = await AssertRefusedWith(noMessage, "Write the message the applicants shortlisted now will read.");
        Assert.Contains("href=\"#Message\"", html);
        Assert.DoesNotContain($"<option value=\"{past}\"", html);
        await AssertRefusedWith(pastSession, "This session has taken place: choose a coming one, or open a new session.");
        await AssertRefusedWith(nothing, "Tick at least one application.");
        // The confirm step posted by hand without a message (no preview before it) keeps the same rule.
        var confirmedWithoutMessage = await manager.PostAsync(Page(callId) + "?handler=Confirm", new FormUrlEncodedContent(
            (await PageForm(manager, Page(callId), "Preview", [new("SessionId", coming.ToString()), new("ApplicationIds", ids[1].ToString())])).Fields));
        await AssertRefusedWith(confirmedWithoutMessage, "Write the message the applicants shortlisted now will read.");
        await using var db = App.NewDbContext();
        Assert.Equal(1, await db.SessionBallots.CountAsync(b => b.SessionId == coming));
        Assert.Equal(ApplicationStatus.UnderReview, (await db.Applications.SingleAsync(a => a.Id == ids[1])).Status);
    }
}
