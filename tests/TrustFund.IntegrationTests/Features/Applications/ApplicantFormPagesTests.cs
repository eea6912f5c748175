using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>
/// The applicant's pages on FormPage, each form posted through its page: accepted, and refused with that form's own
/// message only, what was typed kept, nothing 5xx.
/// </summary>
public sealed class ApplicantFormPagesTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task ColleaguesPage_TheAdministratorInvitesThroughThePage_TheColleagueGetsAnAccountInTheChosenLanguage()
    {
        var (organisation, _) = await Ngo();
        var admin = await OrganisationAdmin(organisation.Id);
        var client = await SignedIn(admin);

        var response = await PostPageForm(client, "/apply/colleagues", null,
            [new("DisplayName", "Pedro"), new("Email", " pedro@esperanza.org "), new("Language", "es")]);

        Assert.Equal("/apply/colleagues", LocationOf(response));
        var page = await client.GetStringAsync("/apply/colleagues");
        Assert.Contains("pedro@esperanza.org", page);
        await using var db = App.NewDbContext();
        var pedro = await db.Users.SingleAsync(u => u.Email == "pedro@esperanza.org");
        Assert.Equal(("es", organisation.Id), (pedro.PreferredLanguage, pedro.OrganisationId));
    }

    [Fact]
    public async Task ColleaguesPage_AnInvitationWithoutAName_OrToAnAddressTaken_IsRefusedWithItsMessage_KeepingWhatWasTyped()
    {
        var (organisation, member) = await Ngo();
        var client = await SignedIn(await OrganisationAdmin(organisation.Id));

        var noName = await PostPageForm(client, "/apply/colleagues?culture=fr", null,
            [new("DisplayName", ""), new("Email", "new@esperanza.org"), new("Language", "fr")]);
        var html = await AssertRefusedWith(noName, "Saisissez le nom de la personne.");
        Assert.Contains("value=\"new@esperanza.org\"", html);
        Assert.Contains("<option value=\"fr\" lang=\"fr\" selected", html.Replace("selected=\"selected\"", "selected"));

        var taken = await PostPageForm(client, "/apply/colleagues?culture=en", null,
            [new("DisplayName", "María again"), new("Email", member.Email!), new("Language", "en")]);
        await AssertRefusedWith(taken, "An account with this e-mail address already exists.");
        await using var db = App.NewDbContext();
        Assert.Equal(2, await db.Users.CountAsync(u => u.OrganisationId == organisation.Id));
    }

    [Fact]
    public async Task ViewPage_WithdrawingFromAPageLoadedBeforeItWasWithdrawn_IsRefusedWithThatMessageOnly()
    {
        var (id, user) = await SubmittedApplication();
        var client = await SignedIn(user);
        // A second tab still showing the submitted application, its form posted after the first tab withdrew it.
        var (action, fields) = await PageForm(client, $"/apply/{id}/view", "Withdraw", [new("Reason", "Second tab")]);
        Assert.Equal($"/apply/{id}/view", LocationOf(await PostPageForm(client, $"/apply/{id}/view", "Withdraw", [new("Reason", "Funded elsewhere")])));

        var again = await client.PostAsync(action, new FormUrlEncodedContent(fields));

        await AssertRefusedWith(again, "This application can no longer be withdrawn.");
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync();
        Assert.Equal("Funded elsewhere", application.History.Last().Note);
        Assert.Single(application.History, h => h.Status == ApplicationStatus.Withdrawn);
    }

    [Fact]
    public async Task ViewPage_WithdrawingAnotherOrganisationsApplication_IsForbidden_AndChangesNothing()
    {
        var (id, _) = await SubmittedApplication();
        var (_, other) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var stranger = await SignedIn(other);
        // The stranger's own page gives a valid antiforgery token; the address is the other organisation's application.
        var (_, fields) = await PageForm(stranger, "/apply/colleagues", null, []);

        var response = await stranger.PostAsync($"/apply/{id}/view?handler=Withdraw", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task ViewPage_AWithdrawalReasonOfAPastedDocument_IsRefusedAtTheField_AndTheApplicationStays()
    {
        var (id, user) = await SubmittedApplication();
        var client = await SignedIn(user);

        var response = await PostPageForm(client, $"/apply/{id}/view", "Withdraw", [new("Reason", new string('x', 5000))]);

        await AssertRefusedWith(response, "Reason for withdrawing (optional): at most 1,000 characters.");
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task NotificationsPage_MarkAllAsRead_MarksEveryNoticeRead_AndSaysSo()
    {
        var (_, user) = await Ngo();
        await using (var db = App.NewDbContext())
            foreach (var subject in new[] { "First", "Second" })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO notifications (id, user_id, event_key, subject, body, link, created_at)
                    VALUES ({Guid.CreateVersion7()}, {user.Id}, {"test:" + subject}, {subject}, 'Body', '/apply', {App.Clock.GetUtcNow()})
                    """);
        var client = await SignedIn(user);

        var response = await PostPageForm(client, "/notifications", "Read", []);

        Assert.Equal("/notifications", LocationOf(response));
        var page = await client.GetStringAsync("/notifications");
        Assert.Contains("Your notifications are marked as read.", page);
        Assert.DoesNotContain("handler=Read", page); // nothing left to mark
        await using var after = App.NewDbContext();
        Assert.Equal(0, await after.Notifications.CountAsync(n => n.UserId == user.Id && n.ReadAt == null));
    }

    private async Task<ApplicationUser> OrganisationAdmin(Guid organisationId)
    {
        var admin = await CreateUser("admin@esperanza.org", [Roles.Applicant], twoFactor: false, organisationId: organisationId);
        await using var db = App.NewDbContext();
        (await db.Users.SingleAsync(u => u.Id == admin.Id)).IsOrganisationAdmin = true;
        await db.SaveChangesAsync();
        return admin;
    }
}
