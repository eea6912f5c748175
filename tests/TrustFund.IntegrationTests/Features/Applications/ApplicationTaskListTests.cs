using System.Net;
using System.Text.RegularExpressions;
using TrustFund.Application.Features.Applications;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>
/// The draft's task list (/apply/{id}) tells the applicant where each section stands, from what submission would still
/// refuse; the check-your-answers step links every answer to its field on its step.
/// </summary>
public sealed partial class ApplicationTaskListTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task TaskList_OfAFreshDraft_HasTheProfileComplete_TheRestNotStarted_AndTheCheckNotYetPossible()
    {
        var (id, _, client) = await SignedInWithADraft();

        var html = await client.GetStringAsync($"/apply/{id}");

        Assert.Equal("Complete", Status(html, "organisation"));
        foreach (var step in new[] { "project", "beneficiaries", "budget", "declaration", "attachments" })
            Assert.Equal("Not started", Status(html, step));
        Assert.Equal("Cannot start yet", Status(html, "review"));
        Assert.DoesNotContain($"href=\"/apply/{id}/review\"", html); // nothing to check yet
        Assert.Contains($"href=\"/apply/{id}/project\"", html);
        Assert.Contains("You have completed 1 of 6 sections.", html);
    }

    [Fact]
    public async Task TaskList_ASectionStartedButNotFinished_IsInProgress_WithHowManyThingsItLacks()
    {
        var (id, user, client) = await SignedInWithADraft();
        var current = await QueryAs(user, new GetApplication.Query(id));
        await SendAs(user, new SaveDraft.Command(id, current.Version)
        {
            Project = current.Application.Project with { Title = "Safe shelter in Cali" },
            Budget = [new BudgetLine(BudgetCategory.DirectAssistance, "Shelter", 30_000m)],
        });
        // A save through the project step's page, as the person does it, moves the section on as well.
        await PostForm(client, $"/apply/{id}/declaration", new() { ["Declaration.SignatoryName"] = "María Gómez", ["go"] = "next" });

        var html = await client.GetStringAsync($"/apply/{id}");

        Assert.Equal("In progress", Status(html, "project"));
        Assert.Contains("4 things still missing", Item(html, "project")); // objectives, activities, work plan, dates
        Assert.Equal("Complete", Status(html, "budget"));
        Assert.Equal("In progress", Status(html, "declaration")); // signed by name, the declaration not yet accepted
        Assert.Equal("Not started", Status(html, "beneficiaries"));
        Assert.Equal("Cannot start yet", Status(html, "review"));
    }

    [Fact]
    public async Task TaskList_OfACompleteDraft_HasEverySectionComplete_AndLeadsToTheCheck_InSpanish()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        var client = await SignedIn(user);

        var html = await client.GetStringAsync($"/apply/{id}?culture=es");

        foreach (var step in ApplicationTaskList.Sections) Assert.Equal("Completada", Status(html, step));
        Assert.Equal("Sin empezar", Status(html, "review")); // the check can start now
        Assert.Contains($"href=\"/apply/{id}/review\"", html);
        Assert.Contains("Su solicitud está lista para revisarla y presentarla.", html);
    }

    [Fact]
    public async Task TaskList_OfASubmittedApplication_LeadsToItsPage_AndIsForbiddenToAnotherOrganisation()
    {
        var (id, user) = await SubmittedApplication();
        var (_, other) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");

        Assert.Equal($"/apply/{id}/view", LocationOf(await (await SignedIn(user)).GetAsync($"/apply/{id}")));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedIn(other)).GetAsync($"/apply/{id}")).StatusCode);
    }

    /// <summary>Every "Change" link of the check-your-answers step leads to its step, and to a field that is on that step.</summary>
    [Fact]
    public async Task CheckAnswers_ShowsEveryAnswer_AndEachChangeLinkLeadsToItsFieldOnItsStep()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await CompleteDraft(user, call.Id);
        var client = await SignedIn(user);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/{id}/review"));

        Assert.Contains("Safe shelter and legal aid in Cali", html);
        Assert.Contains("Colombia", html); // countries by name, not code
        Assert.Contains("USD 40,000", html);
        Assert.Contains("52", html); // people to assist
        var links = ChangeLink().Matches(html).Select(m => (Step: m.Groups[1].Value, Field: m.Groups[2].Value, Label: m.Groups[3].Value.Trim())).ToList();
        Assert.True(links.Count >= 25, $"only {links.Count} change links");
        Assert.Contains(links, l => l is { Step: "project", Field: "Project_Title", Label: "Project title" });
        Assert.Contains(links, l => l is { Step: "declaration", Field: "Declaration_SignatoryName" });
        foreach (var step in links.Select(l => l.Step).Distinct())
        {
            var page = await client.GetStringAsync($"/apply/{id}/{step}");
            foreach (var link in links.Where(l => l.Step == step && l.Field.Length > 0))
                Assert.True(page.Contains($"id=\"{link.Field}\""), $"/apply/{id}/{step} has no field #{link.Field} ({link.Label})");
        }
        Assert.Contains("<button type=\"submit\">Submit the application</button>", html);
    }

    [Fact]
    public async Task CheckAnswers_OfAnIncompleteDraft_SaysWhatIsMissing_AndAnswersNotGiven()
    {
        var (id, _, client) = await SignedInWithADraft();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/{id}/review?culture=fr"));

        Assert.Contains("Non renseigné", html);
        Assert.Contains(">Modifier<span class=\"visually-hidden\"> Titre du projet</span>", html);
        Assert.Contains("<button type=\"submit\" disabled=\"disabled\">", html); // nothing to submit yet
    }

    private static string Item(string html, string step) =>
        Regex.Match(html, $"<li data-task=\"{step}\">(.*?)</li>", RegexOptions.Singleline).Groups[1].Value;

    private static string Status(string html, string step) =>
        WebUtility.HtmlDecode(Regex.Match(Item(html, step), "<span class=\"task-status[^\"]*\" id=\"status-[a-z]+\">([^<]*)</span>").Groups[1].Value);

    [GeneratedRegex("<a href=\"/apply/[0-9a-f-]+/([a-z]+)(?:#([A-Za-z_]+))?\">Change<span class=\"visually-hidden\">([^<]*)</span></a>")]
    private static partial Regex ChangeLink();
}
