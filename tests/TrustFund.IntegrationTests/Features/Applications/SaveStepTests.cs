using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

/// <summary>
/// Saving a step, as lean as the deadline rush needs it (a save no longer loads the whole draft first, the autosave
/// answers in JSON whatever happens) and still checked, version-checked and audited.
/// </summary>
public sealed class SaveStepTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task Autosave_WithAStaleVersion_Answers409WithTheConflictMessage_AndKeepsTheFirstSave()
    {
        var (id, _, client) = await SignedInWithADraft();
        var page = await client.GetStringAsync($"/apply/{id}/project");
        var staleVersion = System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostForm(client, $"/apply/{id}/project", new() { ["Project.Title"] = "First", ["go"] = "next" })).StatusCode);

        var response = await PostForm(client, $"/apply/{id}/project?handler=Autosave",
            new() { ["Version"] = staleVersion, ["Project.Title"] = "Second" }, pageUrl: $"/apply/{id}/project");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Someone else saved this record", json.RootElement.GetProperty("conflict").GetString());
        await using var db = App.NewDbContext();
        Assert.Equal("First", (await db.Applications.SingleAsync()).Project.Title);
    }

    [Fact]
    public async Task ProjectAutosaves_AreAuditedAsChangedWithTheirHash_NeverWithTheirText()
    {
        var (id, _, client) = await SignedInWithADraft();
        var first = await PostForm(client, $"/apply/{id}/project?handler=Autosave", new()
        {
            ["Project.Title"] = "Safe houses in Tumaco",
            ["Project.Context"] = "Last year Ana Lucía Pérez, 15, was recruited through a dating app.",
        }, pageUrl: $"/apply/{id}/project");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The name was a mistake: the next autosave (with the version the first one answered, as the page's script sends it) removes it.
        var version = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("version").ToString();
        Assert.Equal(HttpStatusCode.OK, (await PostForm(client, $"/apply/{id}/project?handler=Autosave", new()
        {
            ["Version"] = version, ["Project.Title"] = "Safe houses in Tumaco",
            ["Project.Context"] = "Last year a girl of 15 was recruited through a dating app.",
        }, pageUrl: $"/apply/{id}/project")).StatusCode);

        await using var db = App.NewDbContext();
        Assert.Equal("Last year a girl of 15 was recruited through a dating app.", (await db.Applications.SingleAsync()).Project.Context);
        var trail = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(GrantApplication) && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        var all = string.Join("\n", trail.Select(e => e.Changes));
        Assert.DoesNotContain("Ana Lucía", all);
        Assert.DoesNotContain("dating app", all);
        Assert.DoesNotContain("Tumaco", all);
        var saves = trail.Where(e => e.Change == "Modified" && e.Changes.Contains("\"Project\"")).ToList();
        Assert.Equal(2, saves.Count);
        var hashes = System.Text.RegularExpressions.Regex.Matches(saves[1].Changes, "sha256:[0-9a-f]{64}").Select(m => m.Value).ToList();
        Assert.Equal(2, hashes.Count); // before and after
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.Contains(hashes[0], saves[0].Changes); // the first save's new version is the second save's old one
    }

    [Fact]
    public async Task Autosave_RefusedByValidation_Answers422InJson_InTheReadersLanguage_AndSavesNothing()
    {
        var (id, _, client) = await SignedInWithADraft();
        await client.GetAsync("/?culture=es");

        var response = await PostForm(client, $"/apply/{id}/project?handler=Autosave",
            new() { ["Project.Title"] = "Refugio", ["Project.StartDate"] = "2027-03-01", ["Project.EndDate"] = "2027-01-01" },
            pageUrl: $"/apply/{id}/project");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var expected = TrustFund.Web.Localization.JsonStringLocalizer.Catalogue("es")["The project must end after it starts."];
        Assert.Equal(expected, json.GetProperty("problem").GetString());
        Assert.Equal(expected, json.GetProperty("errors").GetProperty("Project.EndDate")[0].GetString());
        await using var db = App.NewDbContext();
        Assert.True(string.IsNullOrEmpty((await db.Applications.SingleAsync()).Project.Title), "nothing was saved");
    }

    [Fact]
    public async Task ProjectStep_RefusedByValidation_ShowsTheFormAgainWithTheErrorAndWhatWasTyped()
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/project", new()
        {
            ["Project.Title"] = "Typed but refused", ["Project.StartDate"] = "2027-03-01", ["Project.EndDate"] = "2027-01-01", ["go"] = "next",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The project must end after it starts.", html);
        Assert.Contains("value=\"Typed but refused\"", html);
        Assert.Contains("<option value=\"CO\"", html); // the country list is there again
        await using var db = App.NewDbContext();
        Assert.True(string.IsNullOrEmpty((await db.Applications.SingleAsync()).Project.Title), "nothing was saved");
    }

    [Fact]
    public async Task UploadWithoutAFile_ShowsTheAttachmentsPageWithTheMessage()
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/attachments?handler=Upload", new() { ["UploadType"] = "RegistrationCertificate" },
            pageUrl: $"/apply/{id}/attachments");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a file to attach.", html);
        Assert.Contains("Required, not attached yet", html);
    }

    [Fact]
    public async Task Autosave_IsAuditedAsSaveDraft_WithOnlyTheChangedStep()
    {
        var (id, user, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/project?handler=Autosave",
            new() { ["Project.Title"] = "Shelter in Cali" }, pageUrl: $"/apply/{id}/project");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = App.NewDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "SaveDraft");
        Assert.Equal(nameof(GrantApplication), entry.EntityType);
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.Equal("Modified", entry.Change);
        Assert.Equal(user.Email, entry.UserName);
        var changed = JsonDocument.Parse(entry.Changes).RootElement;
        // The project's texts are recorded as changed, by their hash (ProjectAutosaves_AreAuditedAsChangedWithTheirHash_...).
        Assert.StartsWith("sha256:", changed.GetProperty("Project")[1].GetString());
        Assert.False(changed.TryGetProperty("Budget", out _));
        Assert.False(changed.TryGetProperty("Organisation", out _));
    }

    [Fact]
    public async Task Submit_AnIncompleteDraft_ShowsTheReviewPageWithTheProblems_AndNothingIsSubmitted()
    {
        var (id, _, client) = await SignedInWithADraft();

        var response = await PostForm(client, $"/apply/{id}/review?handler=Submit", [], pageUrl: $"/apply/{id}/review");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Before you can submit", html);
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync();
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.ReferenceNumber);
    }
}
