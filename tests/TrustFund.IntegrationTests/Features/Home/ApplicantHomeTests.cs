using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Home;

public sealed class ApplicantHomeTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task ApplicantHome_ShowsItsOwnDraftsReportsMessagesAndDecisions_NotAnotherOrganisations()
    {
        var manager = await Manager();
        await Fund(200_000m);
        var grant = await SignedAgreement(manager, 40_000m);
        var interim = (await Reports(grant)).Where(r => r.IsInterim).OrderBy(r => r.Kind).ToList();
        // A month before the interim reports fall due; a new call is open.
        App.Clock.SetUtcNow(new DateTimeOffset(interim[0].DueOn.AddDays(-30).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var call = await OpenCall();
        ApplicationUser grantee;
        string grantReference;
        await using (var db = App.NewDbContext())
        {
            var agreement = await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Id == grant);
            grantReference = agreement.ReferenceNumber;
            grantee = await db.Users.AsNoTracking().SingleAsync(u => u.OrganisationId == agreement.OrganisationId);
        }
        var draft = await SendAs(grantee, new StartApplication.Command(call.Id));
        var refused = await CompleteDraft(grantee, (await OpenCall()).Id);
        await SendAs(grantee, new SubmitApplication.Command(refused));
        await Send(new DecideEligibility.Command(refused, false, "Not registered in the country of implementation."));
        var (_, other) = await Ngo("Other Shelter", "SN", "other@ngo.test");
        var othersDraft = await SendAs(other, new StartApplication.Command(call.Id));

        var client = await SignedIn(grantee);
        var html = await HomePage.Get(client);

        Assert.Equal(1, HomePage.Count(html, "applicant-drafts"));
        Assert.Contains($"href=\"/apply/{draft}\"", HomePage.List(html, "applicant-drafts"));
        Assert.DoesNotContain(othersDraft.ToString(), html);
        Assert.Equal(interim.Count, HomePage.Count(html, "applicant-reports"));
        Assert.All(interim, r => Assert.Contains($"href=\"/apply/reports/{r.Id}\"", HomePage.List(html, "applicant-reports")));
        Assert.Contains($"Grant {grantReference}: interim narrative report", HomePage.List(html, "applicant-reports"));
        Assert.Equal(1, HomePage.Count(html, "applicant-decisions"));
        Assert.Contains($"href=\"/apply/{refused}/view\"", HomePage.List(html, "applicant-decisions"));
        Assert.Contains("Ineligible", HomePage.List(html, "applicant-decisions"));
        await using (var db = App.NewDbContext())
            Assert.Equal(await db.Notifications.CountAsync(n => n.UserId == grantee.Id && n.ReadAt == null), HomePage.Count(html, "applicant-messages"));
        Assert.True(HomePage.Count(html, "applicant-messages") > 0, "the grantee was told of the signed agreement");
        Assert.Contains("href=\"/notifications\"", html);
        Assert.DoesNotContain("id=\"home-fund\"", html);

        // The other organisation sees its own draft only, and nothing of the grantee's.
        var theirs = await HomePage.Get(await SignedIn(other), "es");
        Assert.Equal(1, HomePage.Count(theirs, "applicant-drafts"));
        Assert.Contains($"href=\"/apply/{othersDraft}\"", theirs);
        Assert.DoesNotContain(draft.ToString(), theirs);
        Assert.Equal(0, HomePage.Count(theirs, "applicant-reports"));
        Assert.Contains("Borradores por terminar", theirs);
        Assert.Contains("Los informes de sus subvenciones que vencen", theirs);
        Assert.DoesNotContain("Drafts to finish", theirs);
    }

    [Fact]
    public async Task SignIn_WithoutReturnUrl_LandsOnTheHome_AndWithOne_OnThatPage()
    {
        var (_, user) = await Ngo();
        var client = NewClient();
        var response = await PostForm(client, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal("/home", LocationOf(response));
        var html = await HomePage.Get(client);
        Assert.Contains("href=\"/home\"", html);
        Assert.Contains("Applications you have started in open calls will appear here, with their deadlines.", html);

        var again = NewClient();
        response = await PostForm(again, "/account/login?returnUrl=%2Fapply", new() { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal("/apply", LocationOf(response));
    }
}
