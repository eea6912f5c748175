using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>Bulk screening through its page: choose, check what will happen, confirm; each application decided, told and audited on its own.</summary>
public sealed class ScreenApplicationsTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private async Task<Guid> Submitted(Guid callId, string name, string country)
    {
        var (_, user) = await Ngo(name, country, $"{name.Replace(" ", "").ToLowerInvariant()}@ngo.test");
        var id = await CompleteDraft(user, callId);
        await SendAs(user, new SubmitApplication.Command(id));
        return id;
    }

    private async Task<HttpClient> Manager() =>
        await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

    private static string Page(Guid callId) => $"/fund/calls/{callId}/applications/screen";

    /// <summary>Posts the confirmation form of a preview page as the browser would: its hidden fields, to its handler.</summary>
    private static async Task<HttpResponseMessage> Confirm(HttpClient client, Guid callId, string previewHtml) =>
        await client.PostAsync(Page(callId) + "?handler=Confirm", new FormUrlEncodedContent(HiddenFieldsOf(previewHtml)));

    [Fact]
    public async Task ScreenSeveral_PreviewChangesNothing_ConfirmDecidesEach_SkipsOneScreenedMeanwhile_TellsAndAuditsEach()
    {
        var call = await OpenCall();
        var casa = await Submitted(call.Id, "Casa Esperanza", "CO");
        var sahel = await Submitted(call.Id, "Femmes Sahel", "SN");
        var kyiv = await Submitted(call.Id, "Kyiv Network", "UA");
        var manager = await Manager();
        var form = await manager.GetStringAsync(Page(call.Id));
        Assert.Contains("Kyiv Network", form);
        // A colleague decides on the Ukrainian application on its own page after this form was loaded.
        await Send(new DecideEligibility.Command(kyiv, false, "Registered last month."));

        var preview = await PostPageForm(manager, Page(call.Id), "Preview",
        [
            new($"Choices[{casa}]", "Eligible"), new($"Choices[{sahel}]", "Ineligible"), new($"Choices[{kyiv}]", "Eligible"),
            new("EligibleMessage", "Your application goes to the board."), new("IneligibleReason", "No bank account in the organisation's name."),
        ]);

        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Check before screening", html);
        Assert.Contains("1 application will be marked eligible; 1 application will be marked ineligible; 1 application will be skipped.", html);
        Assert.Contains("Skipped: already screened (Ineligible)", html);
        Assert.Contains("Screen 2 applications", html);
        await using (var db = App.NewDbContext())
            Assert.Equal(2, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Submitted));

        var confirmed = await Confirm(manager, call.Id, html);

        Assert.Equal($"/fund/calls/{call.Id}/applications", LocationOf(confirmed));
        Assert.Contains("2 applications screened; 1 was skipped.", WebUtility.HtmlDecode(await manager.GetStringAsync(LocationOf(confirmed))));
        await using var check = App.NewDbContext();
        var applications = await check.Applications.ToDictionaryAsync(a => a.Id);
        Assert.Equal(ApplicationStatus.Eligible, applications[casa].Status);
        Assert.Equal("Your application goes to the board.", applications[casa].EligibilityReason);
        Assert.Equal(ApplicationStatus.Ineligible, applications[sahel].Status);
        Assert.Equal("No bank account in the organisation's name.", applications[sahel].EligibilityReason);
        Assert.Equal("Registered last month.", applications[kyiv].EligibilityReason);
        var audited = await check.AuditEntries.Where(e => e.Action == nameof(ScreenApplications) && e.EntityType == nameof(GrantApplication))
            .Select(e => e.EntityId).ToListAsync();
        Assert.Equal(new[] { casa.ToString(), sahel.ToString() }.Order(), audited.Order());
        var mails = await check.OutboxEmails.Select(m => m.Subject).ToListAsync();
        Assert.Contains($"Your application {applications[casa].ReferenceNumber} is eligible", mails);
        Assert.Contains($"Your application {applications[sahel].ReferenceNumber} is not eligible", mails);
        Assert.Single(mails, s => s.StartsWith($"Your application {applications[kyiv].ReferenceNumber}"));
    }

    [Fact]
    public async Task Preview_IneligibleWithoutAReason_OrNothingChosen_IsRefused_AndDecidesNothing()
    {
        var call = await OpenCall();
        var casa = await Submitted(call.Id, "Casa Esperanza", "CO");
        var manager = await Manager();

        var noReason = await PostPageForm(manager, Page(call.Id), "Preview", [new($"Choices[{casa}]", "Ineligible"), new("IneligibleReason", "   ")]);
        var nothing = await PostPageForm(manager, Page(call.Id), "Preview", [new($"Choices[{casa}]", "Later")]);
        var html = await AssertRefusedWith(noReason, "Give the reason the ineligible applicants will read.");
        Assert.DoesNotContain("Check before screening", html);
        Assert.Contains($"name=\"Choices[{casa}]\" value=\"Ineligible\" checked=\"checked\"", html);
        await AssertRefusedWith(nothing, "Choose eligible or ineligible for at least one application.");
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task Confirm_PostedWithoutAPreview_StillKeepsTheRules_AndSkipsAnotherCallsApplication()
    {
        var call = await OpenCall();
        var other = await OpenCall();
        var casa = await Submitted(call.Id, "Casa Esperanza", "CO");
        var elsewhere = await Submitted(other.Id, "Femmes Sahel", "SN");
        var manager = await Manager();

        var refused = await PostPageForm(manager, Page(call.Id), "Preview", [new($"Choices[{casa}]", "Eligible")]);
        await AssertRefusedWith(refused, "Write the message the eligible applicants will read.");
        var (action, fields) = await PageForm(manager, Page(call.Id), "Preview",
            [new($"Choices[{casa}]", "Eligible"), new($"Choices[{elsewhere}]", "Ineligible"), new("EligibleMessage", "Welcome."), new("IneligibleReason", "No.")]);
        var confirmed = await manager.PostAsync(action.Replace("handler=Preview", "handler=Confirm"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("1 application screened; 1 was skipped.", WebUtility.HtmlDecode(await manager.GetStringAsync(LocationOf(confirmed))));
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Eligible, (await db.Applications.SingleAsync(a => a.Id == casa)).Status);
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == elsewhere)).Status);
    }

    [Fact]
    public async Task ScreenPage_IsTheSecretariats_AnApplicantIsTurnedAway()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        await SendAs(user, new SubmitApplication.Command(id));
        var applicant = await SignedIn(user);

        var page = await applicant.GetAsync(Page(call.Id));
        await Assert.ThrowsAsync<TrustFund.Application.Authorization.ForbiddenException>(() =>
            SendAs(user, new ScreenApplications.Command(call.Id, [new(id, true)], "Self-approved.", "")));

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task ScreenPage_InFrench_ShowsTheWaitingApplicationsAndTheirChecks()
    {
        var call = await OpenCall();
        await Submitted(call.Id, "Casa Esperanza", "CO");
        var manager = await Manager();

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync(Page(call.Id) + "?culture=fr"));

        Assert.Contains("Casa Esperanza", html);
        Assert.DoesNotContain("Check what will happen", html);
        Assert.DoesNotContain("Reason for the ineligible applicants", html);
        Assert.Contains("Vérifier ce qui va se passer", html);
    }
}
