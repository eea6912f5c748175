using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class SecretariatTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task ApplicationsList_FiltersByRegionalGroupAndAmount_SortsAndDownloadsCsv()
    {
        var call = await OpenCall();
        var (_, colombia) = await Ngo();
        var (_, senegal) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        await SendAs(colombia, new SubmitApplication.Command(await CompleteDraft(colombia, call.Id, 30_000m)));
        await SendAs(senegal, new SubmitApplication.Command(await CompleteDraft(senegal, call.Id, 50_000m)));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var african = await manager.GetStringAsync($"/fund/calls/{call.Id}/applications?regionalGroup=AFRICAN");
        Assert.Contains("Sahel Solidarité", african);
        Assert.DoesNotContain("Casa Esperanza", african);

        var large = await manager.GetStringAsync($"/fund/calls/{call.Id}/applications?minAmount=40000");
        Assert.Contains("Sahel Solidarité", large);
        Assert.DoesNotContain("Casa Esperanza", large);

        var byAmount = await manager.GetStringAsync($"/fund/calls/{call.Id}/applications?sort=amount&desc=true");
        Assert.True(byAmount.IndexOf("Sahel Solidarité", StringComparison.Ordinal) < byAmount.IndexOf("Casa Esperanza", StringComparison.Ordinal));

        var download = await manager.GetAsync($"/fund/calls/{call.Id}/applications?sort=amount&handler=Csv");
        // Named for the app's day (the test clock), never the machine's.
        Assert.Equal($"applications-{FundingWindow.MediumTerm}-{App.Clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv", download.Content.Headers.ContentDisposition?.FileName);
        var csv = await download.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("reference,organisation,country", lines[0]);
        Assert.Contains("\"Casa Esperanza\",CO,GRULAC", lines[1]);
        Assert.Contains("50000.00", lines[2]);
    }

    [Fact]
    public async Task EligibilityDecision_IsShownToTheApplicant_WithItsReason()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(id));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var response = await PostForm(manager, $"/fund/applications/{id}", new() { ["Eligible"] = "false", ["Reason"] = "Registered less than one year before the cut-off." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var applicant = await SignedIn(ngo);
        var page = await applicant.GetStringAsync($"/apply/{id}/view");
        Assert.Contains("Registered less than one year before the cut-off.", page);
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Ineligible, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task EligibilityDecision_TellsTheApplicantByNotificationAndEmail_InItsLanguage_Once()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(id));
        await using (var db = App.NewDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == ngo.Id)).PreferredLanguage = "fr";
            await db.SaveChangesAsync();
        }
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var decided = await PostPageForm(manager, $"/fund/applications/{id}", null, [new("Eligible", "false"), new("Reason", "Enregistrée trop récemment.")]);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using var after = App.NewDbContext();
        var reference = (await after.Applications.SingleAsync()).ReferenceNumber;
        var notice = Assert.Single(await after.Notifications.Where(n => n.UserId == ngo.Id).ToListAsync());
        Assert.Equal($"Votre demande {reference} n’est pas recevable", notice.In("fr").Subject);
        var mail = Assert.Single(await after.OutboxEmails.Where(e => e.Subject == $"Votre demande {reference} n’est pas recevable").ToListAsync());
        Assert.Contains("Enregistrée trop récemment.", mail.TextBody);
        Assert.Contains($"/apply/{id}/view", mail.TextBody);   // the link to the application (absolute once App:PublicBaseUrl is set)
    }

    [Fact]
    public async Task EligibilityDecision_IneligibleWithoutAReason_ShowsThePageAskingForIt()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(id));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var response = await PostPageForm(manager, $"/fund/applications/{id}", null, [new("Eligible", "false"), new("Reason", "")]);

        var html = await AssertRefusedWith(response, "Give a reason the applicant can read.");
        Assert.Matches("value=\"false\"\\s+checked", html);   // the choice made is kept
        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task EligibilityChecks_FlagAnOrganisationRegisteredTooRecently()
    {
        var call = await OpenCall();
        var (organisation, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        var current = await QueryAs(ngo, new GetApplication.Query(id));
        await SendAs(ngo, new SaveDraft.Command(id, current.Version)
        {
            Organisation = current.Application.Organisation with { RegistrationDate = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddMonths(-6) },
        });

        await SendAs(ngo, new SubmitApplication.Command(id));

        await using var db = App.NewDbContext();
        var check = (await db.Applications.SingleAsync()).EligibilityChecks.Single(c => c.Rule == "YearsRegistered");
        Assert.False(check.Passed);
        _ = organisation;
    }

    [Fact]
    public async Task Drafts_AreNotListedForTheSecretariat()
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        await CompleteDraft(ngo, call.Id);
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var page = await manager.GetStringAsync($"/fund/calls/{call.Id}/applications");

        Assert.Contains("No submitted application matches these filters.", page);
    }
}
