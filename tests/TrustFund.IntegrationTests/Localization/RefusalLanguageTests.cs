using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Localization;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// Refusals reach French and Spanish readers in their language: ASP.NET's implicit required messages and binder
/// messages are gone or translated, validators name fields by their labels, and the review and error pages translate
/// what they say. Each page is also searched for the English fragments that used to leak.
/// </summary>
public sealed class RefusalLanguageTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private static readonly string[] EnglishFragments =
        ["field is required", "The value", "is not valid", "must be", "Attach the", "The length of", "is invalid", "characters or fewer"];

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task Registration_WithEveryFieldEmpty_ShowsOneTranslatedMessagePerField_AndNoEnglish(string language)
    {
        var client = NewClient();
        await client.GetAsync($"/?culture={language}");

        var response = await PostForm(client, "/register", new()
            { ["LegalName"] = "", ["CountryIso2"] = "", ["DisplayName"] = "", ["Email"] = "", ["Password"] = "" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var catalogue = JsonStringLocalizer.Catalogue(language);
        foreach (var message in new[] { "Enter the organisation's legal name.", "Choose the country where the organisation is registered.", "Enter your name.", "Enter an e-mail address.", "Enter a password." })
            Assert.Contains(catalogue[message], html);
        Assert.Equal(5, ErrorSummaryItems(html));
        AssertNoEnglish(html, language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task ApplicationSteps_RefusedValues_AreNamedByTheirLabels_InTheReadersLanguage(string language)
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var client = await SignedIn(user);
        await client.GetAsync($"/?culture={language}");
        var catalogue = JsonStringLocalizer.Catalogue(language);

        var budget = WebUtility.HtmlDecode(await (await PostForm(client, $"/apply/{id}/budget", new()
            { ["Budget[0].Category"] = "Travel", ["Budget[0].Description"] = "Bus", ["Budget[0].Amount"] = "abc", ["go"] = "next" })).Content.ReadAsStringAsync());
        var organisation = WebUtility.HtmlDecode(await (await PostForm(client, $"/apply/{id}/organisation", new()
            { ["Organisation.YearsOfDirectAssistance"] = "six", ["go"] = "next" })).Content.ReadAsStringAsync());
        var project = WebUtility.HtmlDecode(await (await PostForm(client, $"/apply/{id}/project", new()
            { ["Project.Title"] = "Refugio", ["Project.Risks"] = "", ["Project.ImplementationCountryIso2"] = "ZZ", ["go"] = "next" })).Content.ReadAsStringAsync());

        Assert.Contains(string.Format(catalogue["{0}: “{1}” is not a valid value."], catalogue["Amount (USD)"], "abc"), budget);
        Assert.Contains(string.Format(catalogue["{0}: “{1}” is not a valid value."], catalogue["Years of direct assistance to victims of trafficking"], "six"), organisation);
        Assert.Contains(catalogue["Choose a country from the list."], project);
        Assert.DoesNotContain("Risks", ErrorSummary(project));
        foreach (var html in new[] { budget, organisation, project }) AssertNoEnglish(html, language);

        // The length rule names its field, with the bound written the reader's way.
        var legalName = WebUtility.HtmlDecode(await (await PostForm(client, $"/apply/{id}/organisation", new()
            { ["Organisation.LegalName"] = new string('x', 301), ["go"] = "next" })).Content.ReadAsStringAsync());
        Assert.Contains(string.Format(new System.Globalization.CultureInfo(language), catalogue["{0}: at most {1:N0} characters."],
            catalogue["Legal name of the organisation"], 300), legalName);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task ReviewStep_MissingDocuments_AreAskedForInTheReadersLanguage(string language)
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var client = await SignedIn(user);
        await client.GetAsync($"/?culture={language}");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/{id}/review"));

        var catalogue = JsonStringLocalizer.Catalogue(language);
        Assert.Contains(string.Format(catalogue["Attach the required document: {0}."], catalogue["RegistrationCertificate"]), html);
        AssertNoEnglish(html, language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task ARefusedSubmission_NamesTheMissingDocumentsInTheReadersLanguage(string language)
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var client = await SignedIn(user);
        await client.GetAsync($"/?culture={language}");

        var response = await PostForm(client, $"/apply/{id}/review?handler=Submit", [], pageUrl: $"/apply/{id}/review");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var summary = ErrorSummary(html);

        var catalogue = JsonStringLocalizer.Catalogue(language);
        Assert.Contains(string.Format(catalogue["Attach the required document: {0}."], catalogue["RegistrationCertificate"]), summary);
        Assert.DoesNotContain("RegistrationCertificate.", summary); // the code, where its name belongs
        AssertNoEnglish(html, language);
    }

    /// <summary>The counts of years read as the language counts them: "1 an", "6 ans", never "an(s)".</summary>
    [Theory]
    [InlineData("fr", "6 ans d’assistance directe\u00A0; au moins 1 an requis.")]
    [InlineData("es", "6 años de asistencia directa; se exige un mínimo de 1 año.")]
    public async Task EligibilityCheckDetails_ReachTheSecretariatInItsLanguage(string language, string yearsOfAssistance)
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(id));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [TrustFund.Application.Identity.Roles.FundManager], twoFactor: true));
        await manager.GetAsync($"/?culture={language}");

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync($"/fund/applications/{id}"));

        var catalogue = JsonStringLocalizer.Catalogue(language);
        Assert.Contains(yearsOfAssistance, html);
        Assert.Contains(string.Format(catalogue["UNPP ID {0}."], "CO-12345"), html);
        Assert.DoesNotContain("(s)", html);
    }

    /// <summary>
    /// Checks stored before their values were kept apart hold English sentences with the values written in: one that is
    /// a catalogue text with values is translated with them; a sentence the catalogue does not know stays as written.
    /// </summary>
    [Theory]
    [InlineData("fr", "9 ans d’assistance directe\u00A0; au moins 1 an requis.", "Enregistrée 1 année complète avant le 1 mars 2026\u00A0; au moins 2 ans requis.")]
    [InlineData("es", "9 años de asistencia directa; se exige un mínimo de 1 año.", "Registrada 1 año completo antes del 1 de marzo de 2026; se exige un mínimo de 2 años.")]
    public async Task EligibilityChecksStoredAsEnglishSentences_AreTranslatedWhereTheyMatchACatalogueText(string language, string yearsOfAssistance,
        string yearsRegistered)
    {
        var call = await OpenCall();
        var (_, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(id));
        await using (var db = App.NewDbContext())
            await db.Database.ExecuteSqlAsync($$"""
                UPDATE applications SET eligibility_checks = '[
                  {"Rule": "YearsOfDirectAssistance", "Passed": true, "Detail": "9 year(s) of direct assistance; at least 1 required."},
                  {"Rule": "YearsRegistered", "Passed": false, "Detail": "Registered 1 full year(s) before 2026-03-01; at least 2 required."},
                  {"Rule": "PseaPolicy", "Passed": true, "Detail": "Has a PSEA policy."},
                  {"Rule": "UnppPartnerId", "Passed": true, "Detail": "Confirmed by telephone with UNPP."}]'::jsonb
                WHERE id = {{id}}
                """);
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [TrustFund.Application.Identity.Roles.FundManager], twoFactor: true));
        await manager.GetAsync($"/?culture={language}");

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync($"/fund/applications/{id}"));

        var catalogue = JsonStringLocalizer.Catalogue(language);
        Assert.Contains(yearsOfAssistance, html);
        Assert.Contains(yearsRegistered, html);
        Assert.Contains(catalogue["Has a PSEA policy."], html);
        Assert.Contains("Confirmed by telephone with UNPP.", html);   // no catalogue text: shown as written
        Assert.DoesNotContain("(s)", html);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task TooManySignInAttempts_AreAnsweredInTheReadersLanguage(string language)
    {
        using var strict = App.WithWebHostBuilder(b => b.UseSetting("Security:LoginAttemptsPerMinute", "1"));
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={language}|uic={language}");

        HttpResponseMessage response;
        var attempts = 0;
        do response = await PostForm(client, "/account/login", new() { ["Email"] = "nobody@example.org", ["Password"] = "wrong-password" });
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++attempts < 5);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains(JsonStringLocalizer.Catalogue(language)["Too many attempts. Wait a minute and try again."], html);
        Assert.DoesNotContain("Too many attempts", html);
    }

    private static void AssertNoEnglish(string html, string language)
    {
        foreach (var english in EnglishFragments)
            Assert.False(html.Contains(english, StringComparison.Ordinal), $"English '{english}' on a {language} page: {ErrorSummary(html)}");
    }

    private static int ErrorSummaryItems(string html) => ErrorSummary(html).Split("<li>").Length - 1;
}
