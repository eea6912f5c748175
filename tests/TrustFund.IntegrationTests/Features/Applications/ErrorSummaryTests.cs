using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>
/// The GOV.UK error summary on the applicant's forms: a refused post shows, above the form, every error as a link to
/// the field it is about, and the field is on the page under that id (a link to nowhere helps nobody).
/// </summary>
public sealed partial class ErrorSummaryTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task EveryRefusedApplicantForm_ListsEachErrorAtTheTop_AsALinkToItsField()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        await using (var db = App.NewDbContext())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsOrganisationAdmin, true));
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var client = await SignedIn(user);
        var wrong = new List<string>();
        var refusals = 0;

        foreach (var (page, field, numeric) in HostileInputPropertyTests.Fields)
        {
            foreach (var value in numeric ? new[] { "abc", "-3" } : [new string('x', 20_000)])
            {
                var fields = new Dictionary<string, string> { [field] = value, ["go"] = "next" };
                if (field.StartsWith("Form.") && field != "Form.LegalName") (fields["Form.LegalName"], fields["Form.CountryIso2"]) = ("Casa Esperanza", "CO");
                if (field.StartsWith("Budget[1]")) (fields["Budget[0].Category"], fields["Budget[0].Description"], fields["Budget[0].Amount"]) = ("Travel", "", "");
                var response = await PostForm(client, page.Replace("{id}", id.ToString()), fields);
                if (response.StatusCode != HttpStatusCode.OK) continue;
                refusals++;
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                var what = $"{field} = {value[..Math.Min(value.Length, 10)]} on {page}";
                var summary = Summary().Match(html);
                if (!summary.Success) { wrong.Add($"no error summary for {what}"); continue; }
                var targets = Link().Matches(summary.Value).Select(m => m.Groups[1].Value).ToList();
                if (targets.Count == 0) wrong.Add($"no link to a field for {what}: {summary.Value}");
                foreach (var target in targets)
                {
                    var at = html.IndexOf($"id=\"{target}\"", StringComparison.Ordinal);
                    if (at < 0) wrong.Add($"#{target} is on no element of the page, for {what}");
                    else if (at < summary.Index) wrong.Add($"the summary is below #{target}, for {what}");
                }
            }
        }

        Assert.True(refusals > 20, $"only {refusals} refusals: the test is not looking at refused pages");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Distinct()));
    }

    [Fact]
    public async Task RefusedStep_InFrench_HasTheSummaryInFrench_FocusedByTheScriptFile()
    {
        var (id, _, client) = await SignedInWithADraft();
        await client.GetAsync("/?culture=fr");

        var response = await PostForm(client, $"/apply/{id}/project", new()
        {
            ["Project.Title"] = "Refusé", ["Project.StartDate"] = "2027-03-01", ["Project.EndDate"] = "2027-01-01", ["go"] = "next",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var summary = Summary().Match(html);
        Assert.True(summary.Success, "no error summary");
        Assert.Contains("Il y a un problème", summary.Value);
        Assert.Contains("href=\"#Project_EndDate\"", summary.Value);
        Assert.Contains("tabindex=\"-1\"", summary.Value);
        Assert.Contains("data-focus", summary.Value);
        // Focus comes from the site's script file (the content security policy forbids inline script).
        Assert.Contains("src=\"/js/site.js", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task ReviewStep_LinksEachMissingAnswer_ToItsFieldOnItsStep()
    {
        var (id, _, client) = await SignedInWithADraft();

        var review = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/{id}/review"));

        Assert.Contains($"href=\"/apply/{id}/project#Project_Title\"", review);
        Assert.Contains($"href=\"/apply/{id}/declaration#Declaration_Accepted\"", review);
        Assert.Contains($"href=\"/apply/{id}/budget\"", review);
        Assert.Contains("id=\"Project_Title\"", await client.GetStringAsync($"/apply/{id}/project"));
        Assert.Contains("id=\"Declaration_Accepted\"", await client.GetStringAsync($"/apply/{id}/declaration"));
    }

    [GeneratedRegex("<div class=\"error-summary\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex Link();
}
