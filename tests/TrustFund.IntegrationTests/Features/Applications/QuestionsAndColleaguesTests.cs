using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Organisations;
using TrustFund.Application.Features.Questions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class QuestionsAndColleaguesTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task AQuestion_AnsweredAndPublished_AppearsOnTheCallPage_WithoutTheAskersName()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var client = await SignedIn(ngo);
        var asked = await PostForm(client, $"/calls/{call.Slug}?handler=Ask", new() { ["Question"] = "Can we include rent for the shelter?" }, pageUrl: $"/calls/{call.Slug}");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.DoesNotContain("Can we include rent", await NewClient().GetStringAsync($"/calls/{call.Slug}"));

        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        var list = await manager.GetStringAsync($"/fund/calls/{call.Id}/questions");
        Assert.Contains("Casa Esperanza", list); // the secretariat sees who asked
        await using var db = App.NewDbContext();
        var question = await db.ClarificationQuestions.SingleAsync();
        var answered = await PostForm(manager, $"/fund/calls/{call.Id}/questions", new()
        {
            ["questionId"] = question.Id.ToString(), ["question"] = "Can rent for a shelter be included?",
            ["answer"] = "Yes, as direct assistance to victims.", ["publish"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var publicPage = await NewClient().GetStringAsync($"/calls/{call.Slug}");
        Assert.Contains("Can rent for a shelter be included?", publicPage);
        Assert.Contains("Yes, as direct assistance to victims.", publicPage);
        Assert.DoesNotContain("Casa Esperanza", publicPage);
    }

    [Fact]
    public async Task Questions_AfterTheQuestionDeadline_AreRefused()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        await using var db = App.NewDbContext();
        App.Clock.SetUtcNow((await db.Calls.SingleAsync()).QuestionDeadline);

        var error = await Assert.ThrowsAsync<DomainException>(() => SendAs(ngo, new AskQuestion.Command(call.Id, "Too late?")));

        Assert.Equal("Questions about this call are closed.", error.Message);
    }

    [Fact]
    public async Task CallLifecycle_MovesFromClosedToReviewDecidedAndArchived_InOrder()
    {
        var call = await OpenCall();
        await using (var db = App.NewDbContext()) App.Clock.SetUtcNow((await db.Calls.SingleAsync()).Deadline);
        await Send(new CloseDueCalls.Command());
        await Assert.ThrowsAsync<DomainException>(() => Send(new MoveCallAlong.Command(call.Id, MoveCallAlong.Step.Archive)));

        await Send(new MoveCallAlong.Command(call.Id, MoveCallAlong.Step.StartReview));
        await Send(new MoveCallAlong.Command(call.Id, MoveCallAlong.Step.MarkDecided));
        await Send(new MoveCallAlong.Command(call.Id, MoveCallAlong.Step.Archive));

        await using var after = App.NewDbContext();
        Assert.Equal(CallStatus.Archived, (await after.Calls.SingleAsync()).Status);
    }

    [Fact]
    public async Task OrganisationAdmin_InvitesAColleague_WhoSeesTheSameApplications()
    {
        var call = await OpenCall();
        var (organisation, _) = await Ngo();
        var admin = await CreateUser("admin@esperanza.org", [Roles.Applicant], twoFactor: false, organisationId: organisation.Id);
        await using (var db = App.NewDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == admin.Id)).IsOrganisationAdmin = true;
            await db.SaveChangesAsync();
        }
        var draft = await SendAs(admin, new TrustFund.Application.Features.Applications.StartApplication.Command(call.Id));

        var id = await SendAs(admin, new InviteColleague.Command("pedro@esperanza.org", "Pedro", "es"));

        await using var after = App.NewDbContext();
        var pedro = await after.Users.SingleAsync(u => u.Id == id);
        Assert.Equal(organisation.Id, pedro.OrganisationId);
        Assert.False(pedro.IsOrganisationAdmin);
        // An invitation in Pedro's language, saying who invited him to which organisation, with the link to set his password.
        var invitation = Assert.Single(await after.OutboxEmails.Where(e => e.To == "pedro@esperanza.org").ToListAsync());
        Assert.Equal("admin le invita a TrustFund en nombre de Casa Esperanza", invitation.Subject);
        Assert.Contains("Estimado/a Pedro:", invitation.TextBody);
        Assert.Contains("https://trustfund.test/account/reset-password?email=pedro%40esperanza.org&code=", invitation.TextBody); // from App:PublicBaseUrl, never the request
        Assert.DoesNotContain("ignore", invitation.TextBody);
        var mine = await QueryAs(pedro, new TrustFund.Application.Features.Applications.ListMyApplications.Query());
        Assert.Equal(draft, Assert.Single(mine).Id);
    }

    [Fact]
    public async Task AMemberWhoIsNotTheAdministrator_CannotInvite()
    {
        var (_, member) = await Ngo();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            SendAs(member, new InviteColleague.Command("x@esperanza.org", "X", "en")));

        Assert.Equal("Only your organisation's administrator can invite colleagues.", error.Message);
    }
}
