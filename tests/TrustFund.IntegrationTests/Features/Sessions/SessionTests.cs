using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Sessions;

public sealed class SessionTests(TrustFundAppFactory app) : ReviewTest(app)
{
    /// <summary>Shortlists each application after two trustees scored it, and opens a session with the whole board present.</summary>
    internal async Task<(Guid SessionId, List<ApplicationUser> Board, List<Guid> Applications, Guid CallId)> SessionWith(params (string Name, string Country, int Score)[] applicants)
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var ids = new List<Guid>();
        foreach (var (name, country, score) in applicants)
        {
            var id = await EligibleApplication(call.Id, name, country);
            foreach (var reviewer in new[] { Of(board, "JP"), Of(board, "SE") })
            {
                await Send(new AssignReviewer.Command(id, reviewer.Id));
                await SendAs(reviewer, new DeclareConflict.Command(id, false, null));
                await SendAs(reviewer, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, score, null)).ToList(), true));
            }
            await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted for the board."));
            ids.Add(id);
        }
        var sessionId = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 1), SessionFormat.Remote, board.Select(t => t.Id).ToList()));
        return (sessionId, board, ids, call.Id);
    }

    internal async Task<Guid> BallotOf(Guid sessionId, Guid applicationId)
    {
        await using var db = App.NewDbContext();
        return (await db.SessionBallots.SingleAsync(b => b.SessionId == sessionId && b.ApplicationId == applicationId)).Id;
    }

    private async Task Cleared(ApplicationUser trustee, Guid applicationId) => await SendAs(trustee, new DeclareConflict.Command(applicationId, false, null));

    [Fact]
    public async Task BoardSession_AgendaInRankOrder_WithRunningTotalAndRegionalCoverageWarning()
    {
        var (sessionId, board, ids, callId) = await SessionWith(("Casa Esperanza", "CO", 3), ("Sahel Solidarite", "SN", 5));
        await EligibleApplication(callId, "Kyiv Shelter", "UA"); // eligible but not proposed: Eastern European group gets no award

        var pack = await QueryAs(Of(board, "JP"), new GetBoardSession.Query(sessionId));

        Assert.Equal([ids[1], ids[0]], pack.Agenda.Select(a => a.ApplicationId));
        Assert.Equal([1, 2], pack.Agenda.Select(a => a.Rank ?? 0));
        Assert.Equal([40_000m, 80_000m], pack.Agenda.Select(a => a.RunningTotal));
        Assert.True(pack.Coverage.Single(c => c.Code == "EASTERN_EUROPEAN").Warning);
        Assert.False(pack.Coverage.Single(c => c.Code == "AFRICAN").Warning);
        Assert.False(pack.Coverage.Single(c => c.Code == "ASIA_PACIFIC").Warning);
    }

    [Fact]
    public async Task CastVote_TwoTrusteesAtTheSameMoment_BothCount()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        var voters = new[] { Of(board, "SN"), Of(board, "UA"), Of(board, "JP"), Of(board, "SE") };
        foreach (var t in voters) await Cleared(t, ids[0]);

        for (var round = 0; round < 3; round++)
            await Task.WhenAll(voters.Select(t => SendAs(t, new CastVote.Command(ballot, round % 2 == 0 ? VoteChoice.Approve : VoteChoice.Reject))));
        // The same choice again changes nothing and adds no row.
        await Task.WhenAll(voters.Select(t => SendAs(t, new CastVote.Command(ballot, VoteChoice.Approve))));

        await using var db = App.NewDbContext();
        var votes = await db.BoardVotes.Where(v => v.BallotId == ballot).ToListAsync();
        Assert.Equal(12, votes.Count);
        Assert.All(voters, t => Assert.Equal(1, votes.Count(v => v.TrusteeUserId == t.Id && !v.IsChange)));
        var result = await Send(new CloseBallot.Command(ballot));
        Assert.Equal(4, result.Approvals);
    }

    [Fact]
    public async Task CreateBoardSession_ApplicationsAllOnAnOpenBallot_IsRefused_NoSecondBallotOnThem()
    {
        var (sessionId, board, ids, callId) = await SessionWith(("Casa Esperanza", "CO", 4));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Send(new CreateBoardSession.Command(callId, new DateOnly(2026, 12, 2), SessionFormat.Remote, board.Select(t => t.Id).ToList())));

        Assert.Equal("Every shortlisted application is already on the agenda of an open session: close its ballots first.", refused.Template);
        await using var db = App.NewDbContext();
        Assert.Single(await db.SessionBallots.Where(b => b.ApplicationId == ids[0]).ToListAsync());
    }

    [Fact]
    public async Task CloseBallot_ApplicationDecidedMeanwhile_StillCloses_WithItsCount()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        var voters = new[] { Of(board, "SN"), Of(board, "UA"), Of(board, "JP") };
        foreach (var t in voters) await Cleared(t, ids[0]);
        foreach (var t in voters) await SendAs(t, new CastVote.Command(ballot, VoteChoice.Approve));
        await using (var db = App.NewDbContext())
        {
            // Decided elsewhere (as an award through an older session's ballot was, before one open ballot per application).
            var application = await db.Applications.SingleAsync(a => a.Id == ids[0]);
            application.Recommend(App.Clock.GetUtcNow(), "board");
            application.Approve(40_000m, null, App.Clock.GetUtcNow(), "manager");
            await db.SaveChangesAsync();
        }

        var result = await Send(new CloseBallot.Command(ballot));

        Assert.Equal((BallotOutcome.Recommended, 3), (result.Outcome, result.Approvals));
        await using var after = App.NewDbContext();
        Assert.True((await after.SessionBallots.SingleAsync(b => b.Id == ballot)).IsClosed);
        Assert.Equal(ApplicationStatus.Approved, (await after.Applications.SingleAsync(a => a.Id == ids[0])).Status);
    }

    [Fact]
    public async Task BoardMinutes_OpenBallot_PrintTheVotesCastSoFar()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        foreach (var t in new[] { Of(board, "SN"), Of(board, "UA") })
        {
            await Cleared(t, ids[0]);
            await SendAs(t, new CastVote.Command(ballot, VoteChoice.Approve));
        }
        var manager = await SignedIn(await Manager());

        var text = PdfText.WithoutSpaces(await manager.GetByteArrayAsync($"/fund/sessions/{sessionId}/minutes.pdf"));
        Assert.Contains("Ballotopen", text);
        Assert.Contains("2/0/0", text);
    }

    [Fact]
    public async Task BoardMinutes_ListTheDecisionAndEveryVoteWithItsTime_AndDownloadTheSameTwice()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        var voters = new[] { Of(board, "SN"), Of(board, "UA"), Of(board, "JP") };
        foreach (var t in voters) await Cleared(t, ids[0]);
        foreach (var t in voters) await SendAs(t, new CastVote.Command(ballot, VoteChoice.Approve));
        await SendAs(voters[0], new CastVote.Command(ballot, VoteChoice.Abstain));
        await Send(new CloseBallot.Command(ballot));
        var manager = await SignedIn(await Manager());

        var first = await manager.GetByteArrayAsync($"/fund/sessions/{sessionId}/minutes.pdf");
        var second = await manager.GetByteArrayAsync($"/fund/sessions/{sessionId}/minutes.pdf");

        Assert.Equal(first, second);
        var text = PdfText.WithoutSpaces(first);
        Assert.Contains("CasaEsperanza", text);
        Assert.Contains("Recommended", text);
        Assert.Contains("2/0/1", text); // for / against / abstain: one approver changed to abstain
        Assert.Contains("Abstention(changed)", text); // the minutes record the vote as a noun, not the button's verb
        Assert.Contains($"Page1of{PdfText.AllPageWords(first).Count}", text);
        // A French-speaking reader downloads them in French.
        var frenchPdf = await manager.GetByteArrayAsync($"/fund/sessions/{sessionId}/minutes.pdf?culture=fr");
        var frenchText = PdfText.WithoutSpaces(frenchPdf);
        Assert.Contains("Procès-verbalduConseild’administration", frenchText);
        Assert.Contains("Abstention(modifié)", frenchText);
        Assert.Contains($"Page1sur{PdfText.AllPageWords(frenchPdf).Count}", frenchText);
        var trustee = await SignedIn(Of(board, "JP"));
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await trustee.GetAsync($"/fund/sessions/{sessionId}/minutes.pdf")).StatusCode);
    }

    [Fact]
    public async Task CastVote_ChangingAVote_IsRecordedAsAChange_AndTheLatestCounts()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        var amina = Of(board, "SN");
        await Cleared(amina, ids[0]);

        await SendAs(amina, new CastVote.Command(ballot, VoteChoice.Reject));
        App.Clock.SetUtcNow(App.Clock.GetUtcNow().AddMinutes(5));
        await SendAs(amina, new CastVote.Command(ballot, VoteChoice.Approve));

        await using var db = App.NewDbContext();
        var votes = await db.BoardVotes.OrderBy(v => v.CastAt).ToListAsync();
        Assert.Equal([(VoteChoice.Reject, false), (VoteChoice.Approve, true)], votes.Select(v => (v.Choice, v.IsChange)));
        Assert.Equal(TimeSpan.FromMinutes(5), votes[1].CastAt - votes[0].CastAt);
    }

    [Fact]
    public async Task CastVote_ConflictedOrUndeclaredTrustee_IsRefused_AndLeftOutOfTheCount()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        var lucia = Of(board, "CO");
        await SendAs(lucia, new DeclareConflict.Command(ids[0], true, "Same country, I know the director."));

        // The recused trustee is refused by the request's declaration (not recused); the one who never declared, by the ballot's rule.
        await Assert.ThrowsAsync<TrustFund.Application.Authorization.ForbiddenException>(() => SendAs(lucia, new CastVote.Command(ballot, VoteChoice.Approve)));
        var undeclared = await Assert.ThrowsAsync<DomainException>(() => SendAs(Of(board, "UA"), new CastVote.Command(ballot, VoteChoice.Approve)));
        var pack = await QueryAs(lucia, new GetBoardSession.Query(sessionId));

        Assert.Equal("Declare whether you have a conflict of interest on this application first.", undeclared.Message);
        Assert.True(pack.Agenda[0].ViewerRecused);
        Assert.Null(pack.Agenda[0].AverageScore);
        await using var db = App.NewDbContext();
        Assert.Empty(await db.BoardVotes.ToListAsync());
        var result = await Send(new CloseBallot.Command(ballot));
        Assert.Equal(4, result.Eligible);
    }

    [Fact]
    public async Task CloseBallot_MajorityApproves_RecordsTheResultRecommends_AndRefusesLaterVotes()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        foreach (var (nationality, choice) in new[] { ("SN", VoteChoice.Approve), ("JP", VoteChoice.Approve), ("SE", VoteChoice.Reject), ("UA", VoteChoice.Abstain) })
        {
            await Cleared(Of(board, nationality), ids[0]);
            await SendAs(Of(board, nationality), new CastVote.Command(ballot, choice));
        }

        var result = await Send(new CloseBallot.Command(ballot));
        var late = await Assert.ThrowsAsync<DomainException>(() => SendAs(Of(board, "SN"), new CastVote.Command(ballot, VoteChoice.Reject)));

        Assert.Equal(BallotOutcome.Recommended, result.Outcome);
        Assert.False(result.IsConsensus);
        Assert.Equal("The ballot on this application is closed.", late.Message);
        await using var db = App.NewDbContext();
        var stored = await db.SessionBallots.SingleAsync();
        Assert.Equal((BallotOutcome.Recommended, 2, 1, 1, 5), (stored.Outcome!.Value, stored.Approvals, stored.Rejections, stored.Abstentions, stored.Eligible));
        Assert.Equal(ApplicationStatus.Recommended, (await db.Applications.SingleAsync()).Status);
        var pack = await QueryAs(Of(board, "JP"), new GetBoardSession.Query(sessionId));
        Assert.Equal(4, pack.Agenda[0].Votes.Count);
    }

    [Fact]
    public async Task CloseBallot_RecusalsLeaveFewerThanThree_NoQuorumAndNotRecommended()
    {
        var (sessionId, board, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        foreach (var n in new[] { "SN", "UA", "CO" }) await SendAs(Of(board, n), new DeclareConflict.Command(ids[0], true, "Conflict noted."));
        await Cleared(Of(board, "JP"), ids[0]);
        await SendAs(Of(board, "JP"), new CastVote.Command(ballot, VoteChoice.Approve));

        var result = await Send(new CloseBallot.Command(ballot));

        Assert.Equal(BallotOutcome.NoQuorum, result.Outcome);
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Shortlisted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task DecideAward_ApproveRecommendation_ThenNgoDeclines_ProposesTheBestReserveApplication()
    {
        var (sessionId, board, ids, callId) = await SessionWith(("Casa Esperanza", "CO", 4));
        var ballot = await BallotOf(sessionId, ids[0]);
        foreach (var n in new[] { "SN", "JP", "SE" })
        {
            await Cleared(Of(board, n), ids[0]);
            await SendAs(Of(board, n), new CastVote.Command(ballot, VoteChoice.Approve));
        }
        await Send(new CloseBallot.Command(ballot));
        var weaker = await EligibleApplication(callId, "Weaker Ngo", "KE");
        var stronger = await EligibleApplication(callId, "Stronger Ngo", "IN");
        foreach (var (id, score) in new[] { (weaker, 2), (stronger, 5) })
        {
            await Send(new AssignReviewer.Command(id, Of(board, "SE").Id));
            await Cleared(Of(board, "SE"), id);
            await SendAs(Of(board, "SE"), new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, score, null)).ToList(), true));
            await Send(new DecideSelection.Command(id, Selection.ReserveList, "You are on the reserve list."));
        }

        await Send(new DecideAward.Command(ids[0], true, 35_000m, null));
        await using (var pending = App.NewDbContext())
        {
            // Approval draws up the agreement at once, waiting to be completed and signed.
            var agreement = await pending.GrantAgreements.SingleAsync(g => g.ApplicationId == ids[0]);
            Assert.Equal(TrustFund.Domain.Grants.GrantStatus.Draft, agreement.Status);
            Assert.Equal(35_000m, agreement.Amount);
            // The applicant is told of the award by e-mail (and notification), once.
            var reference = (await pending.Applications.SingleAsync(a => a.Id == ids[0])).ReferenceNumber;
            Assert.Single(await pending.OutboxEmails.Where(e => e.Subject == $"Your application {reference} is approved").ToListAsync());
        }
        var declined = await Send(new DeclineAward.Command(ids[0], "The NGO closed its shelter."));

        Assert.Equal(stronger, declined.ProposedApplicationId);
        await using var db = App.NewDbContext();
        var awarded = await db.Applications.SingleAsync(a => a.Id == ids[0]);
        Assert.Equal(ApplicationStatus.Withdrawn, awarded.Status);
        Assert.Equal(35_000m, awarded.ApprovedAmount);
        Assert.False(await db.GrantAgreements.AnyAsync(g => g.ApplicationId == ids[0])); // the draft agreement went with it
    }

    [Fact]
    public async Task DecideAward_ApprovingAgainstTheBoardWithoutJustification_IsRefused()
    {
        var (_, _, ids, _) = await SessionWith(("Casa Esperanza", "CO", 4));

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new DecideAward.Command(ids[0], true, 30_000m, null)));

        Assert.Equal("Approving an application the board did not recommend needs a written justification.", error.Message);
    }
}
