using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// People read reference data by its names in their language, not by the codes the data keeps: the filter of a call's
/// applications offered "GRULAC", "ASIA_PACIFIC" to English readers, and the application's summary (the secretariat's
/// page, the NGO's copy) showed "CO" and "SEXUAL_EXPLOITATION".
/// </summary>
public sealed partial class ReferenceCodeNameTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private static readonly string[] Codes = ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG"];

    /// <summary>The French names of reference data elide with ’ as the catalogue does: a page read "Groupe des États d'Afrique" beside "l’accord".</summary>
    [Fact]
    public async Task ReferenceData_InFrench_ElidesWithTheTypographicApostrophe()
    {
        await using var db = App.NewDbContext();
        var names = (await db.RegionalGroups.AsNoTracking().Select(g => g.Name).ToListAsync())
            .Concat(await db.Countries.AsNoTracking().Select(c => c.Name).ToListAsync())
            .Concat(await db.FormsOfExploitation.AsNoTracking().Select(f => f.Name).ToListAsync())
            .Concat(await db.AssistanceTypes.AsNoTracking().Select(a => a.Name).ToListAsync())
            .Select(n => n.Fr ?? "").ToList();

        Assert.Contains("Groupe des États d\u2019Afrique", names);
        Assert.Contains("Côte d\u2019Ivoire", names);
        Assert.DoesNotContain(names, n => n.Contains('\''));
    }

    [Theory]
    [InlineData("en", "Latin American and Caribbean States", "African States")]
    [InlineData("fr", "Groupe des États d’Amérique latine et des Caraïbes", "Groupe des États d’Afrique")]
    [InlineData("es", "Grupo de Estados de América Latina y el Caribe", "Grupo de Estados de África")]
    public async Task ACallsApplications_FilterByRegionalGroup_NamesEachGroup_AndStillFiltersByItsCode(string language, string latinAmerica, string africa)
    {
        var call = await OpenCall();
        var (_, colombia) = await Ngo();
        var (_, senegal) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        await SendAs(colombia, new SubmitApplication.Command(await CompleteDraft(colombia, call.Id)));
        await SendAs(senegal, new SubmitApplication.Command(await CompleteDraft(senegal, call.Id)));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        await manager.GetAsync($"/?culture={language}");

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync($"/fund/calls/{call.Id}/applications?regionalGroup=GRULAC"));

        Assert.Matches($"<option value=\"GRULAC\" selected(=\"selected\")?>{Regex.Escape(latinAmerica)}</option>", html);
        Assert.Contains($"<option value=\"AFRICAN\">{africa}</option>", html);
        var shown = Tag().Replace(html, " ");
        Assert.DoesNotContain(Codes, code => shown.Contains(code, StringComparison.Ordinal));
        Assert.Contains("Casa Esperanza", html);
        Assert.DoesNotContain("Sahel Solidarité", html);
    }

    [Theory]
    [InlineData("en", "Colombia", "Sexual exploitation", "Forced labour", "en-GB", "d MMMM yyyy")]
    [InlineData("fr", "Colombie", "Exploitation sexuelle", "Travail forcé", "fr-FR", "d MMMM yyyy")]
    [InlineData("es", "Colombia", "Explotación sexual", "Trabajo forzoso", "es-ES", "d 'de' MMMM 'de' yyyy")]
    public async Task TheApplicationSummary_ForTheSecretariatAndTheNgo_NamesItsCountryAndFormsOfExploitation_AndWritesOutItsPeriod(
        string language, string country, string sexualExploitation, string forcedLabour, string culture, string dayFormat)
    {
        var (id, ngo) = await SubmittedApplication();
        ProjectSection project;
        await using (var db = App.NewDbContext())
            project = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.Project).SingleAsync();
        string Day(DateOnly? day) => day!.Value.ToString(dayFormat, System.Globalization.CultureInfo.GetCultureInfo(culture));
        var applicant = await SignedIn(ngo);
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        foreach (var (client, page) in new[] { (manager, $"/fund/applications/{id}"), (applicant, $"/apply/{id}/view") })
        {
            await client.GetAsync($"/?culture={language}");
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));

            Assert.Contains($"Casa Esperanza ({country})</dd>", html);
            Assert.Contains($"<dd>{country}</dd>", html); // where the project takes place
            Assert.Contains($"<td>{sexualExploitation}</td>", html);
            Assert.Contains($"<td>{forcedLabour}</td>", html);
            // The day in words, never a numeric date whose order (03/04 or 04/03) depends on the reader's country.
            Assert.Contains($"<dd>{Day(project.StartDate)} – {Day(project.EndDate)}</dd>", html);
            var shown = Tag().Replace(html, " ");
            Assert.DoesNotContain("SEXUAL_EXPLOITATION", shown);
            Assert.DoesNotContain("FORCED_LABOUR", shown);
            Assert.DoesNotContain("(CO)", shown);
        }
    }

    /// <summary>The secretariat's automatic checks name the countries and write the cut-off day as the page's language does.</summary>
    [Theory]
    [InlineData("en", "Registered in Colombia; project in Colombia.", "before {0};", "en-GB", "d MMMM yyyy")]
    [InlineData("fr", "Pays d’enregistrement\u00A0: Colombie\u00A0; pays du projet\u00A0: Colombie.", "avant le {0}\u00A0;", "fr-FR", "d MMMM yyyy")]
    [InlineData("es", "Registrada en Colombia; proyecto en Colombia.", "antes del {0};", "es-ES", "d 'de' MMMM 'de' yyyy")]
    public async Task TheAutomaticChecks_NameTheCountries_AndWriteOutTheCutOffDay(string language, string countries, string cutOff, string culture, string dayFormat)
    {
        var (id, _) = await SubmittedApplication();
        DateOnly day;
        await using (var db = App.NewDbContext())
        {
            var callId = await db.Applications.Where(a => a.Id == id).Select(a => a.CallId).SingleAsync();
            day = (await db.Calls.SingleAsync(c => c.Id == callId)).RegistrationCutOff;
        }
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        await manager.GetAsync($"/?culture={language}");

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync($"/fund/applications/{id}"));

        Assert.Contains(countries, html);
        Assert.Contains(string.Format(cutOff, day.ToString(dayFormat, System.Globalization.CultureInfo.GetCultureInfo(culture))), html);
        Assert.DoesNotContain(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html);
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
