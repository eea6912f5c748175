using System.Globalization;
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
    public async Task TwoSessionsComing_OneMessagePerPerson_CountingNothingTheyAreRecusedFrom()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var (japan, sweden) = (Of(board, "JP"), Of(board, "SE"));
        var toAssess = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var recusedAssessment = await EligibleApplication(call.Id, "Tokyo Shelter", "JP");
        foreach (var id in new[] { toAssess, recusedAssessment }) await Send(new AssignReviewer.Command(id, japan.Id));
        await SendAs(japan, new DeclareConflict.Command(toAssess, false, null));
        await SendAs(japan, new DeclareConflict.Command(recusedAssessment, true, "I chair its board."));
        var sessionDay = new DateOnly(2027, 3, 10);
        // Two sessions a day apart, each with one shortlisted application on its agenda; Hiroshi is recused from the second's.
        var onAgenda = new List<Guid>();
        foreach (var (name, day) in new[] { ("Sahel Solidarite", sessionDay), ("Kyiv Network", sessionDay.AddDays(1)) })
        {
            var id = await EligibleApplication(call.Id, name, name.StartsWith("Sahel") ? "SN" : "UA");
            await Send(new AssignReviewer.Command(id, sweden.Id));
            await SendAs(sweden, new DeclareConflict.Command(id, false, null));
            await SendAs(sweden, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 4, null)).ToList(), true));
            await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted."));
            await Send(new CreateBoardSession.Command(call.Id, day, SessionFormat.Remote, [japan.Id]));
            onAgenda.Add(id);
        }
        await SendAs(japan, new DeclareConflict.Command(onAgenda[1], true, "A former colleague directs it."));

        App.Clock.SetUtcNow(ViennaMorning(sessionDay.AddDays(-2)));
        var sent = await Send(new RemindReviewersAndVoters.Command());

        await using var db = App.NewDbContext();
        var subject = Assert.Single(await db.Notifications.Where(n => n.UserId == japan.Id).ToListAsync()).In("en").Subject;
        Assert.EndsWith(": 1 assessment not yet completed, 1 ballot awaiting your vote", subject);
        // The body as each reader's language counts: one assessment and one ballot, two days ahead.
        var reminder = Assert.Single(await db.Notifications.Where(n => n.UserId == japan.Id).ToListAsync());
        var meets = sessionDay.ToDateTime(TimeOnly.MinValue);
        Assert.Equal(string.Format(CultureInfo.GetCultureInfo("en-GB"),
            "The board meets on {0:d}, in 2 days. You have 1 assessment not yet completed and 1 ballot awaiting your vote.", meets), reminder.In("en").Body);
        Assert.Equal(string.Format(CultureInfo.GetCultureInfo("fr-FR"),
            "Le Conseil se réunit le {0:d}, dans 2 jours. Vous avez 1 évaluation non terminée et 1 scrutin en attente de votre vote.", meets), reminder.In("fr").Body);
        Assert.Equal(string.Format(CultureInfo.GetCultureInfo("es-ES"),
            "La Junta se reúne el {0:d}, dentro de 2 días. Tiene 1 evaluación sin completar y 1 votación pendiente de su voto.", meets), reminder.In("es").Body);
        Assert.Equal(1, sent);   // Erik completed everything and sits on no session: nothing for him
    }

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
        Assert.Equal(1, await Send(new RemindReviewersAndVoters.Command())); // one message: one open assessment, one ballot awaiting a vote
        Assert.Equal(0, await Send(new RemindReviewersAndVoters.Command()));
        App.Clock.SetUtcNow(ViennaMorning(sessionDay.AddDays(-1)));
        Assert.Equal(1, await Send(new RemindReviewersAndVoters.Command()));
        App.Clock.SetUtcNow(ViennaMorning(sessionDay));
        Assert.Equal(0, await Send(new RemindReviewersAndVoters.Command())); // the session is held today: too late to remind
        App.Clock.SetUtcNow(ViennaMorning(sessionDay.AddDays(1)));
        Assert.Equal(0, await Send(new RemindReviewersAndVoters.Command())); // the session is over

        await using var db = App.NewDbContext();
        var subjects = (await db.Notifications.Where(n => n.UserId == japan.Id).ToListAsync()).Select(n => n.In("en").Subject).ToList();
        Assert.Equal(2, subjects.Count(s => s.EndsWith(": 1 assessment not yet completed, 1 ballot awaiting your vote")));
        Assert.Equal(2, subjects.Count);
        _ = session;
    }
}
