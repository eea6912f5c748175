using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Sessions;

public sealed class ReminderJobTests(TrustFundAppFactory app) : ReviewTest(app)
{
    private static DateTimeOffset ViennaMorning(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna")
            .GetUtcOffset(day.ToDateTime(new TimeOnly(6, 0)))).ToUniversalTime();

    [Fact]
    public async Task OpenAssessmentsAndBallots_AreRemindedThreeDaysAndOneDayBeforeTheSession_OncePerStage()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var scored = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var pending = await EligibleApplication(call.Id, "Sahel Solidarite", "SN");
        var japan = Of(board, "JP");
        foreach (var id in new[] { scored, pending })
        {
            await Send(new AssignReviewer.Command(id, japan.Id));
            await SendAs(japan, new DeclareConflict.Command(id, false, null));
        }
        await SendAs(japan, new SaveAssessment.Command(scored, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 4, null)).ToList(), true));
        await Send(new DecideSelection.Command(scored, Selection.Shortlist, "Shortlisted."));
        var sessionDay = new DateOnly(2027, 3, 10);
        var session = await Send(new CreateBoardSession.Command(call.Id, sessionDay, SessionFormat.Remote, [japan.Id]));

        App.Clock.SetUtcNow(ViennaMorning(sessionDay.AddDays(-4)));
        Assert.Equal(0, await Send(new RemindReviewersAndVoters.Command()));
        App.Clock.SetUtcNow(ViennaMorning(sessionDay.AddDays(-3)));
        Assert.Equal(2, await Send(new RemindReviewersAndVoters.Command())); // one open assessment, one ballot awaiting a vote
        Assert.Equal(0, await Send(new RemindReviewersAndVoters.Command()));
        App.Clock.SetUtcNow(ViennaMorning(sessionDay.AddDays(-1)));
        Assert.Equal(2, await Send(new RemindReviewersAndVoters.Command()));
        App.Clock.SetUtcNow(ViennaMorning(sessionDay.AddDays(1)));
        Assert.Equal(0, await Send(new RemindReviewersAndVoters.Command())); // the session is over

        await using var db = App.NewDbContext();
        var subjects = await db.Notifications.Where(n => n.UserId == japan.Id).Select(n => n.Subject).ToListAsync();
        Assert.Equal(2, subjects.Count(s => s.StartsWith("1 assessment(s) to complete")));
        Assert.Equal(2, subjects.Count(s => s.StartsWith("1 ballot(s) awaiting your vote")));
        _ = session;
    }
}
