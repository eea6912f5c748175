using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Calls;

public sealed class ManageCallsTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private async Task<HttpClient> FundManager() =>
        await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

    [Fact]
    public async Task FundManager_CreatesThenPublishesACall_WhichAppearsOnTheHomePage()
    {
        var client = await FundManager();
        var form = CallTestData.Form(App.Clock.GetUtcNow(), "Community shelters 2027");

        var created = await PostForm(client, "/fund/calls/new", CallTestData.Fields(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.DoesNotContain("Community shelters 2027", await NewClient().GetStringAsync("/"));

        var edit = LocationOf(created);
        var published = await PostForm(client, edit + "?handler=Publish", [], pageUrl: edit);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.Contains("Community shelters 2027", await NewClient().GetStringAsync("/"));
        await using var db = App.NewDbContext();
        Assert.Equal(CallStatus.Published, (await db.Calls.SingleAsync()).Status);
    }

    [Fact]
    public async Task CreateCall_WithAmountsOutsideTheWindow_ShowsErrorsNextToTheFields_AndKeepsTheInput()
    {
        var client = await FundManager();
        var fields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Too generous", FundingWindow.ShortTerm));
        fields["Form.MaxGrant"] = "50000";
        fields["Form.TitleFr"] = "Trop généreux";

        var response = await PostForm(client, "/fund/calls/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The maximum grant in window SGP1 is USD 20,000.", html);
        Assert.Contains("href=\"#Form_MaxGrant\"", html);
        Assert.Contains("value=\"Trop généreux\"", html);
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Calls.CountAsync());
    }

    /// <summary>Values a careless or hostile hand types into the call form are refused next to their box, never a 500.</summary>
    [Theory]
    [InlineData("Form.Envelope", "99999999999999999999999", "Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.")]
    [InlineData("Form.Envelope", "100000000.001", "Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.")]
    [InlineData("Form.TimeZoneId", "", "Choose a known time zone, e.g. Europe/Vienna.")]
    [InlineData("Form.TimeZoneId", "Mars/Olympus_Mons", "Choose a known time zone, e.g. Europe/Vienna.")]
    public async Task CreateCall_WithAnOutlandishValue_IsRefusedWithItsMessage(string field, string typed, string message)
    {
        var client = await FundManager();
        var fields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Outlandish"));
        fields[field] = typed;

        var response = await PostForm(client, "/fund/calls/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Calls.CountAsync());
    }

    /// <summary>The window's limits are said in the manager's language, amounts written as that language writes them.</summary>
    [Theory]
    [InlineData("fr", "La subvention maximale du guichet SGP2 est de 60\u202F000\u00A0USD.", "La subvention minimale du guichet SGP2 est de 20\u202F000\u00A0USD.",
        "Les projets du guichet SGP1 durent au plus 9 mois.")]
    [InlineData("es", "La subvención máxima de la ventanilla SGP2 es de 60.000\u00A0USD.", "La subvención mínima de la ventanilla SGP2 es de 20.000\u00A0USD.",
        "Los proyectos de la ventanilla SGP1 duran como máximo 9 meses.")]
    public async Task CreateCall_OutsideTheWindow_IsRefusedInTheManagersLanguage(string language, string maximum, string minimum, string duration)
    {
        var client = await FundManager();
        await client.GetAsync($"/?culture={language}");
        var medium = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Outside SGP2", FundingWindow.MediumTerm));
        (medium["Form.MinGrant"], medium["Form.MaxGrant"]) = ("1000", "70000");
        var shortTerm = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Outside SGP1", FundingWindow.ShortTerm));
        shortTerm["Form.MaxDurationMonths"] = "12";

        var amounts = WebUtility.HtmlDecode(await (await PostForm(client, "/fund/calls/new", medium)).Content.ReadAsStringAsync());
        var months = WebUtility.HtmlDecode(await (await PostForm(client, "/fund/calls/new", shortTerm)).Content.ReadAsStringAsync());

        Assert.Contains(maximum, amounts);
        Assert.Contains(minimum, amounts);
        Assert.Contains(duration, months);
        Assert.DoesNotContain("grant in window", amounts);
        Assert.DoesNotContain("Projects in window", months);
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.Calls.CountAsync());
    }

    [Fact]
    public async Task CreateCall_RubricWithBlankSpareRows_IsJudgedOnItsNamedRowsOnly()
    {
        var client = await FundManager();
        Dictionary<string, string> Fields(string secondWeight)
        {
            var fields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Rubric call"));
            (fields["Form.Rubric[0].Name"], fields["Form.Rubric[0].Weight"]) = ("Relevance", "60");
            (fields["Form.Rubric[1].Name"], fields["Form.Rubric[1].Weight"]) = ("Capacity", secondWeight);
            for (var i = 2; i < 8; i++) (fields[$"Form.Rubric[{i}].Name"], fields[$"Form.Rubric[{i}].Weight"]) = ("", "");   // the spare rows
            return fields;
        }

        var refused = await PostForm(client, "/fund/calls/new", Fields("30"));
        await AssertRefusedWith(refused, "The weights of the scoring rubric must sum to 100.");
        var saved = await PostForm(client, "/fund/calls/new", Fields("40"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Equal(["Relevance", "Capacity"], (await db.Calls.SingleAsync()).Rubric.Select(c => c.Name));
    }

    [Fact]
    public async Task EditCall_SecondSaveOfAStaleForm_GetsAConflictMessage_AndLosesNothing()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow(), "Original title")));
        var alice = await FundManager();
        var bob = await SignedIn(await CreateUser("bob@unodc.test", [Roles.FundManager], twoFactor: true));
        var url = $"/fund/calls/{call.Id}/edit";
        var aliceForm = await alice.GetStringAsync(url);
        var staleVersion = System.Text.RegularExpressions.Regex.Match(aliceForm, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var bobFields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Bob's title"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(bob, url, bobFields)).StatusCode);

        var aliceFields = CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow(), "Alice's title"));
        aliceFields["Version"] = staleVersion;
        var token = System.Text.RegularExpressions.Regex.Match(aliceForm, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        aliceFields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        var conflict = await alice.PostAsync(url, new FormUrlEncodedContent(aliceFields));
        var html = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else saved this record while you were editing it.", html);
        Assert.Contains("value=\"Alice&#x27;s title\"", html);
        await using var db = App.NewDbContext();
        Assert.Equal("Bob's title", (await db.Calls.SingleAsync()).Title.En);
    }

    [Fact]
    public async Task PublishCall_WithDeadlineInThePast_IsRefusedWithAClearMessage()
    {
        var form = CallTestData.Form(App.Clock.GetUtcNow());
        var call = await Send(new CreateCall.Command(form));
        App.Clock.Advance(TimeSpan.FromDays(31));
        var client = await FundManager();

        var response = await PostForm(client, "/fund/calls?handler=Publish&id=" + call.Id, [], pageUrl: "/fund/calls");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("The deadline has passed: move it into the future before publishing.", html);
    }

    [Fact]
    public async Task PublishFromTheEditPage_WithTheDeadlinePassed_IsRefusedOnThatPage_WithOnlyThatMessage_AndTheCallStaysADraft()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        App.Clock.Advance(TimeSpan.FromDays(31));
        var client = await FundManager();
        var edit = $"/fund/calls/{call.Id}/edit";

        var response = await PostForm(client, edit + "?handler=Publish&culture=fr", [], pageUrl: edit + "?culture=fr");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"fr\"", html);
        Assert.DoesNotContain("The deadline has passed", html);
        Assert.DoesNotContain("field is required", html);
        Assert.Contains("La date limite est passée", html);
        await using var db = App.NewDbContext();
        Assert.Equal(CallStatus.Draft, (await db.Calls.SingleAsync()).Status);
    }

    [Fact]
    public async Task CallManagementPages_AreClosedToAnonymousAndToApplicants()
    {
        var anonymous = await NewClient().GetAsync("/fund/calls");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", LocationOf(anonymous));

        var applicant = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));
        var refused = await applicant.GetAsync("/fund/calls/new");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", LocationOf(refused));
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        var client = await FundManager();
        var response = await client.PostAsync("/fund/calls/new", new FormUrlEncodedContent(CallTestData.Fields(CallTestData.Form(App.Clock.GetUtcNow()))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
