using System.Net;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class GranteeReportTests(TrustFundAppFactory app) : GrantTest(app)
{
    /// <summary>A signed 40 000 grant, its first NGO's user (ngo1@example.org) and the manager who signed it.</summary>
    private async Task<(Guid GrantId, ApplicationUser Ngo, ApplicationUser Manager)> Grant()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        await using var db = App.NewDbContext();
        var ngo = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "ngo1@example.org");
        return (grantId, ngo, manager);
    }

    private async Task<GrantReport> Report(Guid grantId, GrantReportKind kind) => (await Reports(grantId)).Single(r => r.Kind == kind);

    private async Task<string> AFormOfExploitation()
    {
        await using var db = App.NewDbContext();
        return await db.FormsOfExploitation.OrderBy(f => f.SortOrder).Select(f => f.Code).FirstAsync();
    }

    /// <summary>A consistent narrative report: 8 victims in every breakdown.</summary>
    private async Task<Dictionary<string, string>> ConsistentNarrative() => new()
    {
        ["BySex[Female]"] = "5", ["BySex[Male]"] = "3",
        ["ByAgeGroup[Child]"] = "2", ["ByAgeGroup[Adult]"] = "6",
        ["ByNationality[0].Code"] = "CO", ["ByNationality[0].Number"] = "6", ["ByNationality[1].Code"] = "VE", ["ByNationality[1].Number"] = "2",
        [$"ByForm[{await AFormOfExploitation()}]"] = "8",
        ["Activities"] = "Shelter for eight survivors, as planned.", ["Challenges"] = "Late referrals.",
        ["CaseStories[0]"] = "A young woman rebuilt her life after leaving the shelter.",
    };

    [Fact]
    public async Task SubmitGrantReport_TotalsDisagree_RefusedWithMessagesNamingTheBreakdowns()
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimNarrative);
        var client = await SignedIn(ngo);
        var fields = await ConsistentNarrative();
        fields["ByAgeGroup[Adult]"] = "5"; // 7 by age group against 8 by sex
        fields[fields.Keys.Single(k => k.StartsWith("ByForm["))] = "6";

        var response = await PostForm(client, $"/apply/reports/{report.Id}?handler=Submit", fields, $"/apply/reports/{report.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The total by age group (7) differs from the total by sex (8).", html);
        Assert.Contains("The total by form of exploitation (6) differs from the total by sex (8).", html);
        Assert.DoesNotContain("The total by nationality", html);
        var stored = await Report(grantId, GrantReportKind.InterimNarrative);
        Assert.Equal(GrantReportStatus.Scheduled, stored.Status);
        Assert.Equal(7, stored.Narrative!.ByAgeGroup.Sum(c => c.Number)); // the draft is kept as typed
    }

    [Fact]
    public async Task SubmitGrantReport_VarianceAboveFifteenPercentWithoutExplanation_Refused()
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimFinancial);
        var budget = (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget;
        var lines = budget.Select((l, i) => new ExpenditureLine("", "", 0, i == 0 ? decimal.Round(l.Amount * 1.2m, 2) : l.Amount, null)).ToList();
        await SendAs(ngo, new SaveGrantReportDraft.Command(report.Id, null, null, new FinancialReport(lines)));

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAs(ngo, new SubmitGrantReport.Command(report.Id)));

        var failure = Assert.Single(refused.Errors);
        Assert.Equal("Lines[0].Explanation", failure.PropertyName);
        Assert.Equal("Explain the variance above 15% on this budget line.", failure.ErrorMessage);
        Assert.Equal(GrantReportStatus.Scheduled, (await Report(grantId, GrantReportKind.InterimFinancial)).Status);

        lines[0] = lines[0] with { Explanation = "More survivors referred than planned." };
        await SendAs(ngo, new SaveGrantReportDraft.Command(report.Id, null, null, new FinancialReport(lines)));
        await SendAs(ngo, new SubmitGrantReport.Command(report.Id));
        var submitted = await Report(grantId, GrantReportKind.InterimFinancial);
        Assert.Equal(GrantReportStatus.Submitted, submitted.Status);
        Assert.Equal(budget[0].Amount, submitted.Financial!.Lines[0].Budget); // the budget comes from the agreement
    }

    [Fact]
    public async Task FinancialReportForm_ShowsAVariance_OnlyOnLinesWithASpentAmount()
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimFinancial);
        var budget = (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget;
        var client = await SignedIn(ngo);
        var url = $"/apply/reports/{report.Id}";

        var fresh = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.DoesNotContain("-100", fresh); // nothing typed yet is no "-100 %" alarm on every line
        Assert.Equal(budget.Count, Regex.Count(fresh, "<span class=\"muted\" aria-label=\"Not yet entered\">—</span>"));

        // The first line's amount saved (the form's own save): its variance shows.
        var html = await client.GetStringAsync(url);
        var saved = await client.PostAsync(url, new FormUrlEncodedContent(HiddenFieldsOf(html).Concat(
            [new($"Lines[0].Spent", decimal.Round(budget[0].Amount / 2, 2).ToString(System.Globalization.CultureInfo.InvariantCulture))])));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("(-50%)", after);
    }

    [Fact]
    public async Task FinancialDraft_LineLeftEmpty_StaysEmptyAfterSaveAndReload()
    {
        var (grantId, ngo, manager) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimFinancial);
        var budget = (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget;
        Assert.True(budget.Count >= 2, "the agreement has several budget lines");
        var client = await SignedIn(ngo);
        var url = $"/apply/reports/{report.Id}";

        var saved = await PostPageForm(client, url, null, Lines(budget, emptyLine: budget.Count - 1));

        Assert.Equal(url, LocationOf(saved));
        var stored = (await Report(grantId, GrantReportKind.InterimFinancial)).Financial!;
        Assert.Null(stored.Lines[^1].Spent); // not a 0 the grantee never typed
        Assert.Equal(budget[0].Amount, stored.Lines[0].Spent);
        Assert.Equal(budget.Take(budget.Count - 1).Sum(l => l.Amount), stored.SpentTotal); // totals count typed amounts only
        var reloaded = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains($"name=\"Lines[{budget.Count - 1}].Spent\" value=\"\"", reloaded);
        Assert.Equal(1, Regex.Count(reloaded, "<span class=\"muted\" aria-label=\"Not yet entered\">—</span>"));
        Assert.DoesNotContain("-100", reloaded);
        // The secretariat, opening the draft, sees the line as not entered too (spent and variance), not as nothing spent.
        var secretariat = WebUtility.HtmlDecode(await (await SignedIn(manager)).GetStringAsync($"/fund/grants/reports/{report.Id}"));
        Assert.Equal(2, Regex.Count(secretariat, "<span class=\"muted\" aria-label=\"Not yet entered\">—</span>"));
        Assert.DoesNotContain("-100", secretariat);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task SubmitFinancialReport_WithALineLeftEmpty_IsRefusedNamingTheLine_AndAcceptedWithZero(string language)
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimFinancial);
        var budget = (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget;
        var client = await SignedIn(ngo);
        await client.GetAsync($"/?culture={language}");
        var url = $"/apply/reports/{report.Id}";
        var empty = budget.Count - 1;
        string T(string english) => TrustFund.Web.Localization.JsonStringLocalizer.Catalogue(language).GetValueOrDefault(english, english);

        var refused = await PostPageForm(client, url, "Submit", Lines(budget, emptyLine: empty));

        var html = await AssertRefusedWith(refused, string.Format(System.Globalization.CultureInfo.InvariantCulture,
            T("{0}{1}: type the amount spent on this budget line, 0 if nothing was spent."), T(budget[empty].Category),
            budget[empty].Description.Length > 0 ? " · " + budget[empty].Description : ""));
        Assert.Equal(GrantReportStatus.Scheduled, (await Report(grantId, GrantReportKind.InterimFinancial)).Status);
        Assert.Contains($"href=\"#Lines_{empty}__Spent\"", html); // the summary's message leads to the empty box
        Assert.Contains($"id=\"Lines_{empty}__Spent\"", html);
        // A 0 typed on the same line (nothing spent, explained as a 100% variance needs) is accepted.
        var zero = Lines(budget, emptyLine: empty).Where(f => f.Key != $"Lines[{empty}].Spent")
            .Append(new($"Lines[{empty}].Spent", "0")).Append(new($"Lines[{empty}].Explanation", "Travel postponed to the next period."));
        var accepted = await client.PostAsync(url + "?handler=Submit", new FormUrlEncodedContent(HiddenFieldsOf(html).Concat(zero)));
        Assert.Equal(url, LocationOf(accepted));
        var submitted = await Report(grantId, GrantReportKind.InterimFinancial);
        Assert.Equal(GrantReportStatus.Submitted, submitted.Status);
        Assert.Equal(0m, submitted.Financial!.Lines[empty].Spent);
    }

    [Fact]
    public async Task FinancialDraft_StoredBeforeEmptyLinesWereKept_StillOpens_WithItsZerosAsZeros()
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimFinancial);
        var budget = (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget;
        // The jsonb the report held when Spent could not be empty: every line a number, 0 where nothing was typed.
        var old = System.Text.Json.JsonSerializer.Serialize(new
        {
            Lines = budget.Select(l => new { l.Category, l.Description, Budget = l.Amount, Spent = 0m, Explanation = (string?)null,
                Variance = -l.Amount, VarianceShare = -1m, NeedsExplanation = true }),
        });
        await using (var db = App.NewDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE grant_reports SET financial = {old}::jsonb WHERE id = {report.Id}");

        var html = WebUtility.HtmlDecode(await (await SignedIn(ngo)).GetStringAsync($"/apply/reports/{report.Id}"));

        Assert.Contains("name=\"Lines[0].Spent\" value=\"0", html);
        Assert.DoesNotContain("aria-label=\"Not yet entered\"", html); // a stored 0 is an amount, not an empty line
        Assert.All((await Report(grantId, GrantReportKind.InterimFinancial)).Financial!.Lines, l => Assert.Equal(0m, l.Spent));
    }

    /// <summary>The financial form's fields: every line spent as budgeted, except <paramref name="emptyLine"/>, posted empty.</summary>
    private static List<KeyValuePair<string, string>> Lines(IReadOnlyList<GrantBudgetLine> budget, int emptyLine) =>
        budget.Select((l, i) => new KeyValuePair<string, string>($"Lines[{i}].Spent",
            i == emptyLine ? "" : l.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public async Task FinancialReportForm_VarianceRefused_ShowsOnlyThatMessage_ThenCorrectedAndSubmittedAgain()
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimFinancial);
        var budget = (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget;
        var client = await SignedIn(ngo);
        var url = $"/apply/reports/{report.Id}";
        List<KeyValuePair<string, string>> Lines(string? explanation) => budget.SelectMany((l, i) => new KeyValuePair<string, string>[]
        {
            new($"Lines[{i}].Spent", (i == 0 ? decimal.Round(l.Amount * 1.2m, 2) : l.Amount).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new($"Lines[{i}].Explanation", i == 0 ? explanation ?? "" : ""),
        }).ToList();

        var refused = await PostPageForm(client, url, "Submit", Lines(null));

        var html = await AssertRefusedWith(refused, "Explain the variance above 15% on this budget line.");
        Assert.DoesNotContain("not valid for Value", html);
        // Corrected on the page as shown again (its hidden version is the one the refused submission's save produced).
        var corrected = await client.PostAsync(url + "?handler=Submit", new FormUrlEncodedContent(
            HiddenFieldsOf(html).Concat(Lines("More survivors referred than planned."))));
        Assert.Equal(url, LocationOf(corrected));
        Assert.Equal(GrantReportStatus.Submitted, (await Report(grantId, GrantReportKind.InterimFinancial)).Status);
    }

    [Fact]
    public async Task GranteeReports_SubmitSendBackResubmitAccept_ReleasesTheNextInstalment()
    {
        var (grantId, ngo, manager) = await Grant();
        await Pay((await Payments(grantId))[0].Id, await Certifier(), await Approver());
        var narrative = await Report(grantId, GrantReportKind.InterimNarrative);
        var financial = await Report(grantId, GrantReportKind.InterimFinancial);
        var ngoClient = await SignedIn(ngo);
        Assert.Contains($"/apply/reports/{narrative.Id}", await ngoClient.GetStringAsync("/apply"));
        // The annual report counts each grant's latest accepted report, so the form asks for cumulative counts.
        Assert.Contains("Count everyone the project has assisted since the grant began",
            await ngoClient.GetStringAsync($"/apply/reports/{narrative.Id}"));

        var submitted = await PostForm(ngoClient, $"/apply/reports/{narrative.Id}?handler=Submit", await ConsistentNarrative(), $"/apply/reports/{narrative.Id}");
        Assert.Equal($"/apply/reports/{narrative.Id}", LocationOf(submitted));
        var budget = (await Query(new GetGrantAgreement.Query(grantId))).Grant.Budget;
        await SendAs(ngo, new SaveGrantReportDraft.Command(financial.Id, null, null,
            new FinancialReport(budget.Select(l => new ExpenditureLine("", "", 0, l.Amount, null)).ToList())));
        await SendAs(ngo, new SubmitGrantReport.Command(financial.Id));

        var managerClient = await SignedIn(manager);
        var reportUrl = $"/fund/grants/reports/{narrative.Id}";
        Assert.Contains("Shelter for eight survivors", await managerClient.GetStringAsync(reportUrl));
        var sentBack = await PostForm(managerClient, reportUrl + "?handler=SendBack", new() { ["Comment"] = "Add the activities of March." }, reportUrl);
        Assert.Equal($"/fund/grants/{grantId}", LocationOf(sentBack));
        Assert.Equal(GrantReportStatus.SentBack, (await Report(grantId, GrantReportKind.InterimNarrative)).Status);
        Assert.Contains("Add the activities of March.", await ngoClient.GetStringAsync($"/apply/reports/{narrative.Id}"));
        await using (var mail = App.NewDbContext())
            Assert.Contains(await mail.OutboxEmails.ToListAsync(), e => e.Subject.StartsWith("Report sent back") && e.TextBody.Contains("Add the activities of March."));

        var fields = await ConsistentNarrative();
        fields["Activities"] = "Shelter for eight survivors; in March, two trainings for police.";
        var resubmitted = await PostForm(ngoClient, $"/apply/reports/{narrative.Id}?handler=Submit", fields, $"/apply/reports/{narrative.Id}");
        Assert.Equal($"/apply/reports/{narrative.Id}", LocationOf(resubmitted));
        Assert.Single(await Payments(grantId)); // nothing released before acceptance

        foreach (var id in new[] { narrative.Id, financial.Id })
        {
            var url = $"/fund/grants/reports/{id}";
            var accepted = await PostForm(managerClient, url + "?handler=Accept", new(), url);
            Assert.Equal($"/fund/grants/{grantId}", LocationOf(accepted));
        }

        Assert.All(await Reports(grantId), r => Assert.Equal(r.IsInterim ? GrantReportStatus.Accepted : GrantReportStatus.Scheduled, r.Status));
        var payments = await Payments(grantId);
        Assert.Equal(2, payments.Count);
        Assert.Equal(2, payments[1].InstalmentNumber);
    }

    [Fact]
    public async Task AcceptGrantReport_TellsTheGranteeOnceInTheirLanguage_AndNamesTheInstalmentItReleased()
    {
        var (grantId, ngo, manager) = await Grant();
        var grant = (await Query(new GetGrantAgreement.Query(grantId))).Grant;
        await using (var db = App.NewDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == ngo.Id)).PreferredLanguage = "fr";
            await db.SaveChangesAsync();
        }
        var colleague = await CreateUser("colleague@example.org", [Roles.Applicant], twoFactor: false, organisationId: grant.OrganisationId);
        var narrative = await Report(grantId, GrantReportKind.InterimNarrative);
        var financial = await Report(grantId, GrantReportKind.InterimFinancial);
        await SubmitReport(narrative.Id);
        await SubmitReport(financial.Id);

        await SendAs(manager, new AcceptGrantReport.Command(narrative.Id));
        await Assert.ThrowsAsync<DomainException>(() => SendAs(manager, new AcceptGrantReport.Command(narrative.Id))); // a second click
        await SendAs(manager, new AcceptGrantReport.Command(financial.Id));

        await using var after = App.NewDbContext();
        var notices = await after.Notifications.AsNoTracking().Where(n => n.EventKey.StartsWith("report-accepted:")).ToListAsync();
        var mails = await after.OutboxEmails.AsNoTracking().Where(e => e.DeduplicationKey!.StartsWith("report-accepted:")).ToListAsync();
        Assert.Equal(4, notices.Count); // two reports, two people, once each
        Assert.Equal(4, mails.Count);

        var french = notices.Single(n => n.UserId == ngo.Id && n.EventKey == $"report-accepted:{narrative.Id}");
        Assert.Equal($"Rapport accepté\u00A0: {grant.ReferenceNumber}", french.In("fr").Subject);
        Assert.Contains("rapport narratif intermédiaire", french.In("fr").Body);
        Assert.DoesNotContain("versement", french.In("fr").Body); // the narrative alone releases nothing
        Assert.Equal($"/apply/reports/{narrative.Id}", french.Link);
        var frenchRelease = mails.Single(e => e.To == ngo.Email && e.DeduplicationKey == $"report-accepted:{financial.Id}:{ngo.Id}");
        Assert.Contains("le versement 2 (", frenchRelease.TextBody);
        Assert.Contains("est désormais une demande de paiement", frenchRelease.TextBody);

        var english = notices.Single(n => n.UserId == colleague.Id && n.EventKey == $"report-accepted:{financial.Id}");
        Assert.Equal($"Report accepted: {grant.ReferenceNumber}", english.In("en").Subject);
        Assert.Contains("instalment 2 (USD 20,000.00) is now a payment request", english.In("en").Body);
        Assert.Equal(2, (await Payments(grantId)).Count);
    }

    [Fact]
    public async Task NarrativeAutosaves_AreAuditedAsChangedWithTheirHash_NeverWithTheirText()
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimNarrative);
        var client = await SignedIn(ngo);
        var fields = await ConsistentNarrative();
        fields["CaseStories[0]"] = "Ana Lucía Pérez, 15, from Tumaco, was recruited through a dating app.";
        var first = await PostForm(client, $"/apply/reports/{report.Id}?handler=Autosave", fields, $"/apply/reports/{report.Id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The name was a mistake: the grantee anonymises the story, and the next autosave (carrying the version the
        // first one answered, as the page's script does) replaces it.
        fields["Version"] = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("version").ToString();
        fields["CaseStories[0]"] = "A girl of 15 was recruited through a dating app.";
        Assert.Equal(HttpStatusCode.OK, (await PostForm(client, $"/apply/reports/{report.Id}?handler=Autosave", fields, $"/apply/reports/{report.Id}")).StatusCode);

        await using var db = App.NewDbContext();
        var trail = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(GrantReport) && e.EntityId == report.Id.ToString()).OrderBy(e => e.Id).ToListAsync();
        var saves = trail.Where(e => e.Change == "Modified" && e.Changes.Contains("\"Narrative\"")).ToList();
        Assert.Equal(2, saves.Count);
        var all = string.Join("\n", trail.Select(e => e.Changes));
        Assert.DoesNotContain("Ana Lucía", all);
        Assert.DoesNotContain("Tumaco", all);
        Assert.DoesNotContain("dating app", all);
        Assert.DoesNotContain("Shelter for eight survivors", all);
        var hashes = System.Text.RegularExpressions.Regex.Matches(saves[1].Changes, "sha256:[0-9a-f]{64}").Select(m => m.Value).ToList();
        Assert.Equal(2, hashes.Count); // before and after
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.Contains(hashes[0], saves[0].Changes); // the first save's new version is the second save's old one
    }

    [Fact]
    public async Task GranteeReportForm_Autosave_StoresTheDraftAndAnswersTheNewVersion()
    {
        var (grantId, ngo, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimNarrative);
        var client = await SignedIn(ngo);
        var fields = await ConsistentNarrative();

        var response = await PostForm(client, $"/apply/reports/{report.Id}?handler=Autosave", fields, $"/apply/reports/{report.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"version\":", await response.Content.ReadAsStringAsync());
        var stored = await Report(grantId, GrantReportKind.InterimNarrative);
        Assert.Equal(GrantReportStatus.Scheduled, stored.Status);
        Assert.Equal(["CO", "VE"], stored.Narrative!.ByNationality.Select(c => c.Code));
        Assert.Equal("Shelter for eight survivors, as planned.", stored.Narrative.Activities);
        Assert.Single(stored.Narrative.CaseStories);
    }

    [Fact]
    public async Task GranteeReport_AnotherOrganisation_IsForbidden()
    {
        var (grantId, _, _) = await Grant();
        var report = await Report(grantId, GrantReportKind.InterimNarrative);
        var (_, stranger) = await Ngo("Another NGO", "PE", "someone@another.org");

        var page = await (await SignedIn(stranger)).GetAsync($"/apply/reports/{report.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        await Assert.ThrowsAsync<TrustFund.Application.Authorization.ForbiddenException>(() => SendAs(stranger, new SubmitGrantReport.Command(report.Id)));
        Assert.DoesNotContain(report.Id.ToString(), await (await SignedIn(stranger)).GetStringAsync("/apply"));
    }
}
