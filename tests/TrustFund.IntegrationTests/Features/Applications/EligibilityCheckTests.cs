using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>
/// The eligibility questions before a draft is started (/apply/start/{call}): every "yes" starts the draft and opens its
/// task list; a "no" stops it with the rule that applies, and nothing is written.
/// </summary>
public sealed class EligibilityCheckTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    public static List<KeyValuePair<string, string>> Answers(string? no = null, string? unanswered = null) =>
        new[] { "NonProfitRegisteredInCountry", "RegisteredLongEnough", "AssistsVictimsLongEnough", "BankAccountInOrganisationName",
                "HasPseaMeasures", "DirectlyResponsible" }
            .Where(q => q != unanswered)
            .Select(q => new KeyValuePair<string, string>(q, q == no ? "false" : "true")).ToList();

    [Fact]
    public async Task StartPage_EveryAnswerYes_StartsTheDraft_AndOpensItsTaskList()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var client = await SignedIn(user);
        var home = await client.GetStringAsync("/apply");
        Assert.Contains($"href=\"/apply/start/{call.Id}\"", home);

        var response = await PostPageForm(client, $"/apply/start/{call.Id}", null, Answers());

        await using var db = App.NewDbContext();
        var draft = await db.Applications.SingleAsync();
        Assert.Equal($"/apply/{draft.Id}", LocationOf(response));
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Contains("Application incomplete", await client.GetStringAsync(LocationOf(response)));
        // The organisation now has an application to the call: the questions are not asked again.
        Assert.Equal($"/apply/{draft.Id}", LocationOf(await client.GetAsync($"/apply/start/{call.Id}")));
    }

    [Theory]
    [InlineData("NonProfitRegisteredInCountry", "The fund gives grants only to non-profit organisations registered in the country where the project takes place.")]
    [InlineData("AssistsVictimsLongEnough", "This call is open only to organisations with at least 1 year of direct assistance to victims of trafficking.")]
    [InlineData("DirectlyResponsible", "The fund gives grants only to organisations directly responsible for the project, not to intermediaries.")]
    public async Task StartPage_AnAnswerThatMakesTheOrganisationIneligible_StopsItWithTheRule_AndWritesNothing(string question, string rule)
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var client = await SignedIn(user);

        // A question left unanswered besides does not matter: the organisation cannot apply whatever it says.
        var response = await PostPageForm(client, $"/apply/start/{call.Id}", null, Answers(no: question, unanswered: "HasPseaMeasures"));

        var html = await AssertRefusedWith(response, rule);
        Assert.DoesNotContain("Say whether", html);
        Assert.Contains($"href=\"#{question}\"", html); // the summary leads to the question
        Assert.Contains($"id=\"{question}_no\" name=\"{question}\" value=\"false\" checked", html.Replace("checked=\"checked\"", "checked"));
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Applications.CountAsync());
    }

    /// <summary>
    /// The call's page and its start page count the years of assistance it asks for as the reader's language counts:
    /// "1 an" but "3 ans", "1 año" but "3 años", never "an(s)".
    /// </summary>
    [Theory]
    [InlineData("en", 1, "At least 1 year of direct assistance to victims of trafficking.", "for at least 1 year?")]
    [InlineData("en", 3, "At least 3 years of direct assistance to victims of trafficking.", "for at least 3 years?")]
    [InlineData("fr", 1, "Au moins 1 an d’assistance directe aux victimes de la traite.", "depuis au moins 1 an\u00A0?")]
    [InlineData("fr", 3, "Au moins 3 ans d’assistance directe aux victimes de la traite.", "depuis au moins 3 ans\u00A0?")]
    [InlineData("es", 1, "Al menos 1 año de asistencia directa a víctimas de la trata.", "desde hace al menos 1 año?")]
    [InlineData("es", 3, "Al menos 3 años de asistencia directa a víctimas de la trata.", "desde hace al menos 3 años?")]
    public async Task CallAndStartPages_CountTheYearsOfAssistanceAsTheLanguageDoes(string language, int years, string onTheCall, string asked)
    {
        var call = await OpenCall();
        await using (var db = App.NewDbContext())
        {
            var stored = await db.Calls.SingleAsync(c => c.Id == call.Id);
            stored.SetEligibility(stored.Eligibility with { MinYearsOfAssistance = years });
            await db.SaveChangesAsync();
        }
        var (_, user) = await Ngo();
        var client = await SignedIn(user);
        await client.GetAsync($"/?culture={language}");

        var callPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/calls/{call.Slug}"));
        var startPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/start/{call.Id}"));

        Assert.Contains(onTheCall, callPage);
        Assert.Contains(asked, startPage);
        Assert.DoesNotContain("(s)", callPage + startPage);
    }

    /// <summary>
    /// The cut-off is written out as each language writes a day: Spanish with its "de" (the message's own date format,
    /// the same in every translation, used to give "antes del 7 diciembre 2026").
    /// </summary>
    [Theory]
    [InlineData("fr", "Cet appel n’est ouvert qu’aux organisations enregistrées au moins 1 an avant le {0}.", "fr-FR", "d MMMM yyyy")]
    [InlineData("es", "Esta convocatoria solo está abierta a organizaciones registradas al menos 1 año antes del {0}.", "es-ES", "d 'de' MMMM 'de' yyyy")]
    [InlineData("en", "This call is open only to organisations registered at least 1 year before {0}.", "en-GB", "d MMMM yyyy")]
    public async Task StartPage_RegisteredTooRecently_NamesTheCallsYearsAndCutOff_InTheReadersLanguage(
        string language, string rule, string culture, string dayFormat)
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var client = await SignedIn(user);
        var cutOff = (await QueryAs(user, new GetEligibilityQuestions.Query(call.Id))).RegistrationCutOff;

        var response = await PostPageForm(client, $"/apply/start/{call.Id}?culture={language}", null, Answers(no: "RegisteredLongEnough"));

        var day = cutOff.ToString(dayFormat, System.Globalization.CultureInfo.GetCultureInfo(culture));
        await AssertRefusedWith(response, string.Format(rule, day));
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Applications.CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("maybe")]
    [InlineData("<script>alert(1)</script>")]
    public async Task StartPage_AQuestionLeftUnansweredOrAnsweredWithNonsense_IsAskedAgain_AndNothingIsWritten(string? value)
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var client = await SignedIn(user);
        var answers = Answers(unanswered: "HasPseaMeasures");
        if (value is not null) answers.Add(new("HasPseaMeasures", value));

        var response = await PostPageForm(client, $"/apply/start/{call.Id}", null, answers);

        var html = await AssertRefusedWith(response, "Say whether your organisation has measures against sexual exploitation and abuse.");
        Assert.Contains("href=\"#HasPseaMeasures\"", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Applications.CountAsync());
    }

    [Fact]
    public async Task StartPage_ForACallNotPublished_IsNotFound()
    {
        var draftCall = await Send(new TrustFund.Application.Features.Calls.CreateCall.Command(
            TrustFund.IntegrationTests.Features.Calls.CallTestData.Form(App.Clock.GetUtcNow())));
        var (_, user) = await Ngo();
        var client = await SignedIn(user);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/apply/start/{draftCall.Id}")).StatusCode);
    }
}
