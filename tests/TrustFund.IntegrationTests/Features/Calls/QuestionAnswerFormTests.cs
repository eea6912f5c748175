using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Questions;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Calls;

/// <summary>The secretariat's answer forms (one per question): a refused answer comes back in its own form, as typed, and nothing is published.</summary>
public sealed class QuestionAnswerFormTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task AnAnswerLeftEmpty_OrAnEditedQuestionTooLong_IsRefusedInItsOwnForm_AsTyped_AndNothingIsPublished()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        await SendAs(ngo, new AskQuestion.Command(call.Id, "Can we include rent for the shelter?"));
        await SendAs(ngo, new AskQuestion.Command(call.Id, "Is a partner's co-funding required?"));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        var url = $"/fund/calls/{call.Id}/questions";
        Guid rent;
        await using (var db = App.NewDbContext()) rent = (await db.ClarificationQuestions.SingleAsync(q => q.Question.StartsWith("Can we"))).Id;

        var empty = await PostPageForm(manager, url, null, [new("question", "Can rent be included?"), new("answer", "  "), new("publish", "true")], containing: rent.ToString());
        var html = await AssertRefusedWith(empty, "Write the answer.");
        var tooLong = await PostPageForm(manager, url, null, [new("question", new string('q', 4001)), new("answer", "Yes."), new("publish", "true")], containing: rent.ToString());
        await AssertRefusedWith(tooLong, "Question as published (remove anything that identifies the asker): at most 4,000 characters.");

        // The refused form is the rent question's, with the edit kept; the other question's form is as stored.
        Assert.Contains("Can rent be included?", html);
        Assert.Contains("Is a partner's co-funding required?", html);
        Assert.Contains("<label for=\"Answer\">", html);
        Assert.Equal(2, html.Split("Write the answer.").Length - 1); // once in the summary, once next to its form
        await using var after = App.NewDbContext();
        Assert.False(await after.ClarificationQuestions.AnyAsync(q => q.IsPublished || q.Answer != null));
    }
}
