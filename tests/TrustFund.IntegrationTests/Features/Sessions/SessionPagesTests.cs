using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Sessions;

public sealed class SessionPagesTests(TrustFundAppFactory app) : ReviewTest(app)
{
    /// <summary>A session opened through the page with the whole board ticked present.</summary>
    private async Task<(Guid SessionId, List<ApplicationUser> Board, Guid ApplicationId, Guid CallId)> Shortlisted()
    {
        var (callId, board, id, manager) = await ReadyForASession();
        var form = new Dictionary<string, string> { ["Date"] = "2026-12-01", ["Format"] = "Remote" };
        for (var i = 0; i < board.Count; i++) form[$"Present[{i}]"] = board[i].Id.ToString();
        var created = await PostForm(manager, $"/fund/calls/{callId}/sessions", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sessionId = Guid.Parse(LocationOf(created).Split('/').Last());
        return (sessionId, board, id, callId);
    }

    /// <summary>A call with one shortlisted application, the full board appointed, and the secretariat signed in.</summary>
    private async Task<(Guid CallId, List<ApplicationUser> Board, Guid ApplicationId, HttpClient Manager)> ReadyForASession()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        await Scored(id, Of(board, "JP"));
        await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted."));
        return (call.Id, board, id, await SignedIn(await Manager()));
    }

    [Fact]
    public async Task OpenSession_TwoOfFiveTicked_RecordsExactlyThoseTwo_AndTheMinutesListOnlyThem()
    {
        var (callId, board, _, manager) = await ReadyForASession();
        var present = new[] { Of(board, "SN"), Of(board, "JP") };

        var created = await PostPageForm(manager, $"/fund/calls/{callId}/sessions", null,
            [new("Date", "2026-12-01"), new("Format", "Remote"), new("Present", present[0].Id.ToString()), new("Present", present[1].Id.ToString())]);

        var sessionId = Guid.Parse(LocationOf(created).Split('/').Last());
        await using (var db = App.NewDbContext())
            Assert.Equal(present.Select(t => t.Id).Order(), (await db.BoardSessions.SingleAsync()).PresentTrusteeIds.Order());
        var text = PdfText.AllWords(await manager.GetByteArrayAsync($"/fund/sessions/{sessionId}/minutes.pdf"));
        foreach (var trustee in board)
            Assert.Equal(present.Contains(trustee), text.Contains(trustee.DisplayName!));
    }

    [Fact]
    public async Task Shortlisting_TellsTheApplicant_WithTheSecretariatsMessage()
    {
        var (_, _, applicationId, _) = await ReadyForASession();

        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        var grantees = await db.Users.Where(u => u.OrganisationId == application.OrganisationId).Select(u => u.Email).ToListAsync();
        var mail = Assert.Single(await db.OutboxEmails.Where(e => e.Subject == $"Your application {application.ReferenceNumber} is shortlisted").ToListAsync());
        Assert.Contains(mail.To, grantees);
        Assert.Contains("Shortlisted.", mail.TextBody);
    }

    [Fact]
    public async Task CloseBallot_FromAPageLeftOpenAfterItWasClosed_IsRefusedWithThatMessage_AndTheCountStays()
    {
        var (sessionId, _, applicationId, _) = await Shortlisted();
        ApplicationUser secretariat;
        await using (var db = App.NewDbContext()) secretariat = await db.Users.SingleAsync(u => u.Email == "manager@unodc.test");
        var manager = await SignedIn(secretariat);
        var url = $"/board/sessions/{sessionId}";
        var (action, fields) = await PageForm(manager, url, "Close", []);
        Assert.Equal(url, LocationOf(await manager.PostAsync(action, new FormUrlEncodedContent(fields))));
        DateTimeOffset? closedAt;
        await using (var db = App.NewDbContext()) closedAt = (await db.SessionBallots.SingleAsync(b => b.ApplicationId == applicationId)).ClosedAt;

        fields.RemoveAll(f => f.Key == "__IdempotencyKey");   // a second click in another tab: a new post
        var again = await manager.PostAsync(action, new FormUrlEncodedContent(fields));

        await AssertRefusedWith(again, "The ballot on this application is closed.");
        await using var after = App.NewDbContext();
        Assert.Equal(closedAt, (await after.SessionBallots.SingleAsync(b => b.ApplicationId == applicationId)).ClosedAt);
    }

    [Fact]
    public async Task OpenSession_NobodyTicked_IsRefusedAskingWhoWasPresent()
    {
        var (callId, _, _, manager) = await ReadyForASession();

        var refused = await PostPageForm(manager, $"/fund/calls/{callId}/sessions", null, [new("Date", "2026-12-01"), new("Format", "Remote")]);

        var html = await AssertRefusedWith(refused, "Tick the trustees present at the session.");
        Assert.Matches("value=\"Remote\"\\s+checked", html);   // the format chosen is kept
        await using var db = App.NewDbContext();
        Assert.False(await db.BoardSessions.AnyAsync());
    }

    [Fact]
    public async Task Vote_SentAgainWithItsKey_AtOnceOrAfterAChange_IsCountedOnce_AndNeverUndoesTheChange()
    {
        var (sessionId, board, id, _) = await Shortlisted();
        var amina = Of(board, "SN");
        await SendAs(amina, new DeclareConflict.Command(id, false, null));
        var client = await SignedIn(amina);
        var url = $"/board/sessions/{sessionId}";
        var (action, reject) = await PageForm(client, url, "Vote", [new("Choice", "Reject")]);
        var sendReject = () => client.PostAsync(action, new FormUrlEncodedContent(reject));

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => sendReject()));
        App.Clock.SetUtcNow(App.Clock.GetUtcNow().AddMinutes(5));
        var approve = await PostPageForm(client, url, "Vote", [new("Choice", "Approve")]);
        // The first form's answer was lost and the browser sends it again, after the trustee changed her vote.
        var late = await sendReject();

        Assert.All(answers.Append(approve).Append(late), a => Assert.Equal(url, LocationOf(a)));
        await using var db = App.NewDbContext();
        var votes = await db.BoardVotes.OrderBy(v => v.CastAt).ToListAsync();
        Assert.Equal([(VoteChoice.Reject, false), (VoteChoice.Approve, true)], votes.Select(v => (v.Choice, v.IsChange)));
    }

    [Fact]
    public async Task SessionPages_TrusteesVote_ConflictedTrusteeIsRefused_ManagerClosesAndApproves()
    {
        var (sessionId, board, id, callId) = await Shortlisted();
        await using (var db = App.NewDbContext())
            Assert.Equal(5, (await db.BoardSessions.SingleAsync()).PresentTrusteeIds.Count);
        var url = $"/board/sessions/{sessionId}";
        Guid ballot;
        await using (var db = App.NewDbContext()) ballot = (await db.SessionBallots.SingleAsync()).Id;

        foreach (var n in new[] { "SN", "JP", "SE" })
        {
            await SendAs(Of(board, n), new DeclareConflict.Command(id, false, null));
            var trustee = await SignedIn(Of(board, n));
            var voted = await PostForm(trustee, url + "?handler=Vote", new() { ["BallotId"] = ballot.ToString(), ["Choice"] = "Approve" }, url);
            Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        }
        var lucia = Of(board, "CO");
        await SendAs(lucia, new DeclareConflict.Command(id, true, "Same country, I know the director."));
        var luciaClient = await SignedIn(lucia);
        var luciaPage = await luciaClient.GetStringAsync(url);
        var refused = await PostForm(luciaClient, url + "?handler=Vote", new() { ["BallotId"] = ballot.ToString(), ["Choice"] = "Reject" }, url);

        Assert.Contains("You are recused on this application.", luciaPage);
        Assert.DoesNotContain("4.00", luciaPage);
        // The page offers a recused trustee no vote; a post anyway (a stale tab, a crafted form) is refused by the request's
        // declaration (not recused) with the 403 page.
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var trusteeClose = await PostForm(await SignedIn(Of(board, "SN")), url + "?handler=Close", new() { ["BallotId"] = ballot.ToString() }, url);
        Assert.NotEqual(url, LocationOf(trusteeClose)); // sent to "access denied", not back to the session
        await using (var db = App.NewDbContext()) Assert.Null((await db.SessionBallots.SingleAsync()).ClosedAt);
        var manager = await SignedIn(await CreateUser("second.manager@unodc.test", [Roles.FundManager], twoFactor: true));
        Assert.DoesNotContain("No proposed award for a group with eligible applications", await manager.GetStringAsync(url));
        await EligibleApplication(callId, "Sahel Solidarite", "SN"); // eligible, not on the agenda: the African group gets no award
        var pack = await manager.GetStringAsync(url);
        Assert.Contains("4.00", pack);
        Assert.Contains("No proposed award for a group with eligible applications", pack);
        var closed = await PostForm(manager, url + "?handler=Close", new() { ["BallotId"] = ballot.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var approved = await PostForm(manager, $"/fund/applications/{id}/award?handler=Decide",
            new() { ["Approve"] = "true", ["Amount"] = "38000" }, $"/fund/applications/{id}/award");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        await using var check = App.NewDbContext();
        var application = await check.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(38_000m, application.ApprovedAmount);
        Assert.Equal(3, await check.BoardVotes.CountAsync());
        Assert.DoesNotContain(await check.BoardVotes.ToListAsync(), v => v.TrusteeUserId == lucia.Id);
    }

    /// <summary>
    /// The secretariat takes an application off a session's vote with a reason: refused without one, then the ballot
    /// ends uncounted (no recommendation), takes no more votes, is audited with its reason, the minutes say withdrawn
    /// with the votes cast so far, and the application may go on another session's agenda.
    /// </summary>
    [Fact]
    public async Task WithdrawBallot_WithAReason_EndsItUncounted_Audited_AndTheMinutesSayWithdrawn()
    {
        var (sessionId, board, id, callId) = await Shortlisted();
        var url = $"/board/sessions/{sessionId}";
        Guid ballot;
        await using (var db = App.NewDbContext()) ballot = (await db.SessionBallots.SingleAsync()).Id;
        var amina = Of(board, "SN");
        await SendAs(amina, new DeclareConflict.Command(id, false, null));
        await SendAs(amina, new CastVote.Command(ballot, VoteChoice.Approve));
        var manager = await SignedIn(await CreateUser("second.manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var noReason = await PostPageForm(manager, url, "Withdraw", [new("Reason", "  ")], containing: ballot.ToString());
        await AssertRefusedWith(noReason, "Give the reason for withdrawing the ballot.");
        await using (var db = App.NewDbContext()) Assert.Null((await db.SessionBallots.SingleAsync()).ClosedAt);

        var withdrawn = await PostPageForm(manager, url, "Withdraw", [new("Reason", "The organisation withdrew its application.")], containing: ballot.ToString());

        Assert.Equal(url, LocationOf(withdrawn));
        await using (var db = App.NewDbContext())
        {
            var stored = await db.SessionBallots.SingleAsync();
            Assert.Equal(("The organisation withdrew its application.", (BallotOutcome?)null), (stored.WithdrawalReason, stored.Outcome));
            Assert.NotNull(stored.ClosedAt);
            Assert.Equal(ApplicationStatus.Shortlisted, (await db.Applications.SingleAsync(a => a.Id == id)).Status);
            Assert.Contains(await db.AuditEntries.Where(e => e.Action == "WithdrawBallot").Select(e => e.Changes).ToListAsync(),
                c => c.Contains("The organisation withdrew its application."));
        }
        Assert.Contains("Ballot withdrawn", await manager.GetStringAsync(url));
        var late = await Assert.ThrowsAsync<TrustFund.Domain.Common.DomainException>(() => SendAs(amina, new CastVote.Command(ballot, VoteChoice.Reject)));
        Assert.Equal("The ballot on this application was withdrawn.", late.Message);
        // The result column is narrow: its lines wrap and interleave with the other columns' words, so words are compared.
        var minutes = PdfText.AllWords(await manager.GetByteArrayAsync($"/fund/sessions/{sessionId}/minutes.pdf"));
        var words = minutes.Split(' ');
        Assert.Subset(words.ToHashSet(), new HashSet<string> { "withdrawn:", "organisation", "withdrew", "application." });
        Assert.DoesNotContain("Recommended", words);
        Assert.Contains("1 / 0 / 0", minutes);

        var later = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(20);
        var form = new Dictionary<string, string> { ["Date"] = later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Format"] = "Remote" };
        for (var i = 0; i < board.Count; i++) form[$"Present[{i}]"] = board[i].Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(manager, $"/fund/calls/{callId}/sessions", form)).StatusCode);
    }
}
