using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Infrastructure.Seeding;
using TrustFund.IntegrationTests.OpenData;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Seeding;

/// <summary>
/// The demo speaks to each person in their language: names are plain names (a role or group in English after a name
/// would show as is on French and Spanish pages), and what the secretariat wrote to an NGO is in that NGO's language.
/// </summary>
public sealed class DemoSeedLanguageTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task DemoSeed_TrusteeNames_CarryNoRoleOrGroupSuffix()
    {
        await DemoFund.SeedAsync(App);

        await using var db = App.NewDbContext();
        var trusteeIds = await db.TrusteeAppointments.Select(a => a.TrusteeUserId).Distinct().ToListAsync();
        var names = await db.Users.Where(u => trusteeIds.Contains(u.Id)).Select(u => u.DisplayName).ToListAsync();
        Assert.Equal(5, names.Count);
        Assert.All(names, name => Assert.DoesNotMatch(@"[()]|Trustee|States", name));

        // The board page, in French, names the trustee and gives her group from the appointment, in French.
        var client = await SignedInDemo("fundmanager@trustfund.test");
        var board = WebUtility.HtmlDecode(await client.GetStringAsync("/board?culture=fr"));
        Assert.Contains("Amina Diallo", board);
        Assert.Contains("États d’Afrique", board);
        Assert.DoesNotContain("(Trustee", board);

        // Where the secretariat chooses reviewers, a trustee's group, which the name no longer carries, is shown from the appointment.
        var pastCall = await db.Calls.SingleAsync(c => c.Title.En == DemoFundingCycle.PastCallTitle);
        var reviewers = WebUtility.HtmlDecode(await client.GetStringAsync($"/fund/calls/{pastCall.Id}/review?culture=fr"));
        Assert.Matches("Amina Diallo</th><td>[^<]+<br /><span class=\"muted\">Groupe des États d’Afrique</span>", reviewers);
    }

    [Fact]
    public async Task DemoSeed_CallsInFrench_ElideWithTheTypographicApostrophe()
    {
        await DemoFund.SeedAsync(App);

        await using var db = App.NewDbContext();
        var calls = await db.Calls.AsNoTracking().Select(c => new { c.Title, c.Description }).ToListAsync();
        var french = calls.SelectMany(c => new[] { c.Title.Fr ?? "", c.Description.Fr ?? "" }).ToList();
        Assert.Contains("Assistance d\u2019urgence aux victimes de la traite 2027", french);
        Assert.DoesNotContain(french, text => text.Contains('\''));
    }

    [Theory]
    [InlineData("ngo.senegal@trustfund.test", "Association Solidarité Femmes Sahel",
        "Admissible\u00A0: enregistrement dans le pays de mise en œuvre", "Votre demande est présélectionnée pour la session du Conseil d’administration.")]
    [InlineData("ngo.colombia@trustfund.test", "Casa de Acogida Esperanza",
        "Admisible: registro en el país de ejecución", "Su solicitud está preseleccionada para la sesión de la Junta de Síndicos.")]
    public async Task DemoSeed_NgoOfThePastCall_ReadsItsEligibilityAndOutcomeInItsLanguage(string email, string organisation,
        string eligibility, string outcome)
    {
        await DemoFund.SeedAsync(App);
        Guid applicationId;
        await using (var db = App.NewDbContext())
        {
            var pastCall = await db.Calls.SingleAsync(c => c.Title.En == DemoFundingCycle.PastCallTitle);
            applicationId = await db.Applications.Where(a => a.Organisation.LegalName == organisation && a.CallId == pastCall.Id)
                .Select(a => a.Id).SingleAsync();
        }

        var client = await SignedInDemo(email);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/{applicationId}/view"));

        Assert.Contains(eligibility, page);
        Assert.Contains(outcome, page);
        Assert.DoesNotContain("Eligible: registered", page);
        Assert.DoesNotContain("Your application is shortlisted", page);
    }
}
