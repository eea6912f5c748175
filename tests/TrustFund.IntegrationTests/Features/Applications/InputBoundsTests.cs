using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>
/// Odd values posted to the applicant's forms: each is refused at its field with a message in the page's language,
/// nothing is zeroed or dropped, and no page of the draft breaks.
/// </summary>
public sealed class InputBoundsTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task BeneficiariesStep_Int32MaxInTwoCells_IsRefusedAtTheCells_AndEveryPageOfTheDraftStillOpens()
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/beneficiaries", new()
        {
            ["B.SEXUAL_EXPLOITATION.Female.Adult"] = "2147483647", ["B.FORCED_LABOUR.Male.Child"] = "2147483647",
            ["B.FORCED_LABOUR.Female.Child"] = "12", ["go"] = "next",
        });
        var html = await Html(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sexual exploitation, Women: enter a whole number of people from 0 to 1,000,000.", html);
        Assert.Contains("Forced labour, Boys: enter a whole number of people from 0 to 1,000,000.", html);
        Assert.Contains("value=\"2147483647\"", html); // what was typed is shown again, to correct
        Assert.Empty((await Draft()).Beneficiaries);
        await AssertEveryPageOpens(client, id);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("99999999999")]
    [InlineData("1000001")]
    [InlineData("abc")]
    [InlineData("2.5")]
    public async Task BeneficiariesStep_ACountOutsideZeroToAMillion_IsRefused_NeverDropped(string typed)
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/beneficiaries",
            new() { ["B.SEXUAL_EXPLOITATION.Female.Adult"] = typed, ["B.FORCED_LABOUR.Female.Child"] = "12", ["go"] = "next" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sexual exploitation, Women: enter a whole number of people from 0 to 1,000,000.", await Html(response));
        Assert.Empty((await Draft()).Beneficiaries);
    }

    [Fact]
    public async Task BeneficiariesStep_AnUnknownFormOfExploitation_IsRefused()
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/beneficiaries", new() { ["B.NOT_A_FORM.Female.Adult"] = "4", ["go"] = "next" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a form of exploitation from the list.", await Html(response));
        Assert.Empty((await Draft()).Beneficiaries);
    }

    [Fact]
    public async Task ADraftWithCountsStoredBeyondTheBounds_StillOpensEverywhere_SoItsOwnerCanCorrectIt()
    {
        var (id, _, client) = await SignedInWithADraft();
        await using (var db = App.NewDbContext())
            await db.Database.ExecuteSqlRawAsync("update applications set beneficiaries = {0}::jsonb where id = {1}",
                """[{"Sex":"Female","AgeGroup":"Adult","FormOfExploitationCode":"SEXUAL_EXPLOITATION","Count":2147483647},{"Sex":"Male","AgeGroup":"Adult","FormOfExploitationCode":"FORCED_LABOUR","Count":2147483647}]""",
                id);
        Assert.Equal(2L * int.MaxValue, (await Draft()).PeopleToAssist);

        await AssertEveryPageOpens(client, id);
        Assert.Contains("4,294,967,294", await Html(await client.GetAsync($"/apply/{id}/review")));
        // Not summary.pdf yet: the PDF renderer (being rebuilt as components) adds the counts up as int.

        // The owner corrects it on the beneficiaries step.
        var corrected = await PostForm(client, $"/apply/{id}/beneficiaries",
            new() { ["B.SEXUAL_EXPLOITATION.Female.Adult"] = "40", ["B.FORCED_LABOUR.Male.Adult"] = "", ["go"] = "next" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(40, (await Draft()).PeopleToAssist);
    }

    [Theory]
    [InlineData("/apply/organisation", "Form.CountryIso2")]
    [InlineData("/apply/{id}/organisation", "Organisation.CountryIso2")]
    [InlineData("/apply/{id}/project", "Project.ImplementationCountryIso2")]
    public async Task AnUnknownCountryCode_IsRefusedAtItsField_NeverStoredNorA500(string page, string field)
    {
        var (id, user, client) = await SignedInWithADraft();
        await MakeAdmin(user);
        var url = page.Replace("{id}", id.ToString());
        var fields = new Dictionary<string, string> { [field] = "ZZ", ["go"] = "next" };
        if (field.StartsWith("Form.")) fields["Form.LegalName"] = "Casa Esperanza";

        var response = await PostForm(client, url, fields);
        var html = await Html(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a country from the list.", html);
        await using var db = App.NewDbContext();
        Assert.Equal("CO", (await db.Organisations.SingleAsync()).CountryIso2);
        var draft = await db.Applications.SingleAsync();
        Assert.Equal("CO", draft.Organisation.CountryIso2);
        Assert.NotEqual("ZZ", draft.Project.ImplementationCountryIso2);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("1e30")]
    [InlineData("1.000,50")]
    public async Task BudgetStep_AnAmountThatCannotBeRead_IsRefusedNamingTheField_NeverZeroed(string typed)
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/budget", new()
        {
            ["Budget[0].Category"] = "DirectAssistance", ["Budget[0].Description"] = "Shelter", ["Budget[0].Amount"] = typed, ["go"] = "next",
        });
        var html = await Html(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Amount (USD): “{typed}” is not a valid value.", html);
        Assert.Contains($"value=\"{typed}\"", html);
        Assert.Empty((await Draft()).Budget);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("-10")]
    [InlineData("10.005")]
    public async Task BudgetStep_AnAmountOutOfBounds_IsRefused(string typed)
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/budget", new()
        {
            ["Budget[0].Category"] = "DirectAssistance", ["Budget[0].Description"] = "Shelter", ["Budget[0].Amount"] = typed, ["go"] = "next",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.", await Html(response));
        Assert.Empty((await Draft()).Budget);
    }

    [Fact]
    public async Task BudgetStep_AnUnknownCategory_IsRefusedNamingTheField()
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/budget", new()
        {
            ["Budget[0].Category"] = "Yachts", ["Budget[0].Description"] = "Boat", ["Budget[0].Amount"] = "1000", ["go"] = "next",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Category: “Yachts” is not a valid value.", await Html(response));
        Assert.Empty((await Draft()).Budget);
    }

    [Fact]
    public async Task BudgetStep_FiveHundredLines_AreRefusedWithAMessage_NotABare400()
    {
        var (id, _, client) = await SignedInWithADraft();
        var fields = new Dictionary<string, string> { ["go"] = "next" };
        for (var i = 0; i < 500; i++)
        {
            fields[$"Budget[{i}].Category"] = "Activities";
            fields[$"Budget[{i}].Description"] = $"Line {i}";
            fields[$"Budget[{i}].Amount"] = "10";
        }

        var response = await PostForm(client, $"/apply/{id}/budget", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A budget has at most 100 lines.", await Html(response));
        Assert.Empty((await Draft()).Budget);
    }

    [Fact]
    public async Task BudgetStep_ATotalAboveTheCallsCeiling_IsSaidOnTheBudgetStepAtOnce()
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/budget", new()
        {
            ["Budget[0].Category"] = "DirectAssistance", ["Budget[0].Description"] = "Shelter", ["Budget[0].Amount"] = "90000", ["go"] = "next",
        });

        // Saved, but the person stays on the budget step, which says what the review step would refuse.
        Assert.Equal($"/apply/{id}/budget", LocationOf(response));
        Assert.Equal(90_000m, (await Draft()).RequestedAmount);
        var html = await Html(await client.GetAsync($"/apply/{id}/budget"));
        Assert.Contains("The total requested, USD 90,000.00, must lie between USD 20,000.00 and USD 60,000.00.", html);
        Assert.Contains("data-min=\"20000.00\" data-max=\"60000.00\"", html); // and the page's script warns as the person types
    }

    [Theory]
    [InlineData("Form.YearsOfDirectAssistance", "abc", "Years of direct assistance to victims of trafficking: “abc” is not a valid value.")]
    [InlineData("Form.YearsOfDirectAssistance", "", "Enter a value.")]
    [InlineData("Form.RegistrationDate", "2015-13-45", "Date of registration: “2015-13-45” is not a valid value.")]
    [InlineData("Form.RegistrationDate", "0001-01-01", "Enter a date between 1 January 1900 and 31 December 2100.")]
    [InlineData("Form.RegistrationDate", "9999-12-31", "Enter a date between 1 January 1900 and 31 December 2100.")]
    public async Task OrganisationProfile_AValueThatCannotBeReadOrIsOutOfItsWindow_IsRefused_NeverDropped(string field, string typed, string message)
    {
        var (_, user, client) = await SignedInWithADraft();
        await MakeAdmin(user);

        var response = await PostForm(client, "/apply/organisation", new()
        {
            ["Form.LegalName"] = "Casa Esperanza renamed", ["Form.CountryIso2"] = "CO", ["Form.YearsOfDirectAssistance"] = "6", [field] = typed,
        });
        var html = await Html(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.DoesNotContain("field is required", html);
        await using var db = App.NewDbContext();
        var organisation = await db.Organisations.SingleAsync();
        Assert.Equal("Casa Esperanza", organisation.LegalName); // nothing saved
        Assert.Equal(6, organisation.Profile.YearsOfDirectAssistance);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task ProjectStep_AYearOutsideTheWindow_IsRefused(string typed)
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/project", new() { ["Project.Title"] = "Shelter", ["Project.StartDate"] = typed, ["go"] = "next" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date between 1 January 1900 and 31 December 2100.", await Html(response));
        Assert.Null((await Draft()).Project.StartDate);
    }

    [Fact]
    public async Task Submit_AfterTheDeadline_SaysWhatHappened_AndOffersNoSubmitButton()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        await using (var db = App.NewDbContext()) App.Clock.SetUtcNow((await db.Calls.SingleAsync()).Deadline.AddMinutes(1));
        var client = await SignedIn(user); // after moving the clock, or the sign-in would have expired

        var response = await PostForm(client, $"/apply/{id}/review?handler=Submit", [], pageUrl: $"/apply/{id}/review");
        var html = await Html(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The deadline for this call passed on", html);
        Assert.Contains("The deadline for this call has passed; your draft is kept.", html);
        Assert.DoesNotContain("Your application is complete", html);
        Assert.Contains("<button type=\"submit\" disabled=\"disabled\">Submit the application</button>", html);
        Assert.Equal(ApplicationStatus.Draft, (await Draft()).Status);
    }

    [Fact]
    public async Task ReviewStep_OfAnIncompleteDraft_ShowsSubmitDisabled_AndADisabledButtonLooksDisabled()
    {
        var (id, _, client) = await SignedInWithADraft();

        var html = await Html(await client.GetAsync($"/apply/{id}/review"));
        var css = await client.GetStringAsync("/css/site.css");

        Assert.Contains("<button type=\"submit\" disabled=\"disabled\">Submit the application</button>", html);
        Assert.Contains("button:disabled", css);
    }

    private async Task AssertEveryPageOpens(HttpClient client, Guid id)
    {
        foreach (var step in TrustFund.Web.Areas.Apply.Pages.StepModel.Steps)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/apply/{id}/{step}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/apply/{id}/view")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/apply")).StatusCode);
    }

    private async Task MakeAdmin(ApplicationUser user)
    {
        await using var db = App.NewDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsOrganisationAdmin, true));
    }

    private async Task<GrantApplication> Draft()
    {
        await using var db = App.NewDbContext();
        return await db.Applications.AsNoTracking().SingleAsync();
    }

    private static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
