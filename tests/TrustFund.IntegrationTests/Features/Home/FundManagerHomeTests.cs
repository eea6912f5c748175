using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Home;

public sealed class FundManagerHomeTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task FundManagerHome_ListsEachKindOfWork_WithCountsAndLinks_OldestFirst()
    {
        var manager = await Manager();
        await Fund(500_000m);
        var call = await OpenCall();
        var older = await Submitted(call.Id, "Older Shelter", "older@ngo.test");
        App.Clock.SetUtcNow(App.Clock.GetUtcNow().AddHours(2));
        var newer = await Submitted(call.Id, "Newer Shelter", "newer@ngo.test");
        // Published twenty days ago for thirty: ten days left.
        var closing = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow().AddDays(-20), "Emergency window closing soon")));
        await Send(new PublishCall.Command(closing.Id));
        var shortlisted = await Decided(call.Id, "Shortlisted Shelter", "short@ngo.test", recommend: false);
        var recommended = await Decided(call.Id, "Recommended Shelter", "recommended@ngo.test", recommend: true);
        var approved = await ApprovedApplication(30_000m, "SN");
        var draftAgreement = await Agreement(30_000m, "TH");
        var signed = await SignedAgreement(manager, 30_000m, "UA");
        var narrative = (await Reports(signed)).First(r => r.Kind == GrantReportKind.InterimNarrative);
        await SubmitReport(narrative.Id);

        var client = await SignedIn(manager);
        var html = await HomePage.Get(client);

        Assert.Equal(2, HomePage.Count(html, "fund-screen"));
        HomePage.InOrder(HomePage.List(html, "fund-screen"), $"/fund/applications/{older}", $"/fund/applications/{newer}");
        Assert.Equal(1, HomePage.Count(html, "fund-closing"));
        Assert.Contains($"href=\"/fund/calls/{closing.Id}/applications\"", HomePage.List(html, "fund-closing"));
        Assert.Contains("Emergency window closing soon", html);
        Assert.Equal(1, HomePage.Count(html, "fund-sessions"));
        Assert.Contains($"href=\"/fund/calls/{call.Id}/sessions\"", HomePage.List(html, "fund-sessions"));
        Assert.Equal(1, HomePage.Count(html, "fund-awards"));
        Assert.Contains($"href=\"/fund/applications/{recommended}/award\"", HomePage.List(html, "fund-awards"));
        Assert.Equal(1, HomePage.Count(html, "fund-draw-up"));
        Assert.Equal(1, HomePage.Count(html, "fund-sign"));
        Assert.Contains($"href=\"/fund/grants/{draftAgreement}\"", HomePage.List(html, "fund-sign"));
        Assert.Equal(1, HomePage.Count(html, "fund-reports"));
        Assert.Contains($"href=\"/fund/grants/reports/{narrative.Id}\"", HomePage.List(html, "fund-reports"));
        Assert.Equal(0, HomePage.Count(html, "fund-overdue"));
        Assert.Contains("Grantee reports past their due date will appear here.", html);
        Assert.Equal(0, HomePage.Count(html, "fund-mail"));
        // The links lead somewhere this person may go.
        foreach (var link in new[] { $"/fund/applications/{older}", $"/fund/calls/{call.Id}/sessions", $"/fund/applications/{recommended}/award",
                     $"/fund/grants/{draftAgreement}", $"/fund/grants/reports/{narrative.Id}" })
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        // Only the secretariat's section: this person holds no other role.
        Assert.DoesNotContain("id=\"home-trustee\"", html);
        Assert.DoesNotContain("id=\"home-applicant\"", html);
        Assert.DoesNotContain(approved.ToString(), HomePage.List(html, "fund-screen"));

        // The day after the interim reports fall due, the financial one not handed in is overdue; the narrative one waits for review.
        App.Clock.SetUtcNow(new DateTimeOffset(narrative.DueOn.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await Send(new MarkOverdueGrantReports.Command());
        html = await HomePage.Get(await SignedIn(manager), "fr");   // months later: the first sign-in has expired
        Assert.Equal(1, HomePage.Count(html, "fund-overdue"));
        Assert.Equal(1, HomePage.Count(html, "fund-reports"));
        Assert.Contains("Rapports en retard", html);
        Assert.Contains("Demandes à examiner", html);
        Assert.DoesNotContain("Applications to screen", html);
    }

    private async Task<Guid> Submitted(Guid callId, string name, string email)
    {
        var (_, user) = await Ngo(name, "CO", email);
        var id = await CompleteDraft(user, callId);
        await SendAs(user, new SubmitApplication.Command(id));
        return id;
    }

    /// <summary>Shortlisted (waiting for a session) or recommended by the board (waiting for the award decision).</summary>
    private async Task<Guid> Decided(Guid callId, string name, string email, bool recommend)
    {
        var id = await Submitted(callId, name, email);
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        var now = App.Clock.GetUtcNow();
        application.DecideEligibility(true, "Meets the criteria.", now, "secretariat");
        application.StartReview(now, "secretariat");
        application.Shortlist(now, "board");
        if (recommend) application.Recommend(now, "board");
        await db.SaveChangesAsync();
        return id;
    }
}
