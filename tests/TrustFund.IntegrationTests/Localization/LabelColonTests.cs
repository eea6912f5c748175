using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Localization;

/// <summary>
/// "Label: value" lines read as the reader's language sets a colon: French "Date limite : …" with a no-break space,
/// English and Spanish "Deadline: …". The views used to glue a colon to the translated label ("Date limite:").
/// </summary>
public sealed partial class LabelColonTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Theory]
    [InlineData("fr", "Date limite\u00A0:")]
    [InlineData("es", "Fecha límite:")]
    [InlineData("en", "Deadline:")]
    public async Task TheDeadline_OnTheTaskListAndEachStep_IsLabelledAsTheLanguageSetsAColon(string language, string label)
    {
        var (id, _, client) = await SignedInWithADraft();
        await client.GetAsync($"/?culture={language}");

        foreach (var page in new[] { $"/apply/{id}", $"/apply/{id}/project", $"/apply/{id}/budget" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));

            Assert.Contains(label + " ", html);
            if (language == "fr") AssertNoColonGluedToAWord(html, page);
        }
    }

    [Theory]
    [InlineData("fr", "Échéance\u00A0:", "Statut\u00A0:", "fr-FR", "d MMMM yyyy")]
    [InlineData("es", "Vencimiento:", "Estado:", "es-ES", "d 'de' MMMM 'de' yyyy")]
    [InlineData("en", "Due:", "Status:", "en-GB", "d MMMM yyyy")]
    public async Task AReport_ForTheGranteeAndForStaff_LabelsItsDueDateAndStatusAsTheLanguageSetsAColon(string language, string due, string status,
        string culture, string dayFormat)
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager, 40_000);
        var report = (await Reports(grantId)).First(r => r.Kind == GrantReportKind.InterimNarrative);
        await using var db = App.NewDbContext();
        var grantee = await SignedIn(await db.Users.AsNoTracking().SingleAsync(u => u.Email == "ngo1@example.org"));
        var staff = await SignedIn(manager);

        foreach (var (client, page) in new[] { (grantee, $"/apply/reports/{report.Id}"), (staff, $"/fund/grants/reports/{report.Id}") })
        {
            await client.GetAsync($"/?culture={language}");
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));

            Assert.Contains(due + " ", html);
            Assert.Contains(status + " ", html);
            if (language == "fr") AssertNoColonGluedToAWord(html, page);
        }

        // The grantee reads the day in words, on the report and in the list of reports due (staff keep 2027-06-16, as
        // in the finance tables they sort and compare).
        var dueOn = report.DueOn.ToString(dayFormat, System.Globalization.CultureInfo.GetCultureInfo(culture));
        Assert.Contains(due + " " + dueOn, WebUtility.HtmlDecode(await grantee.GetStringAsync($"/apply/reports/{report.Id}")));
        Assert.Contains($"<td>{dueOn}</td>", WebUtility.HtmlDecode(await grantee.GetStringAsync("/apply")));
    }

    /// <summary>What a French reader sees (text outside tags, scripts and styles) has no "mot:" — times (10:30) and addresses (https://) excepted.</summary>
    private static void AssertNoColonGluedToAWord(string html, string page)
    {
        var text = Tag().Replace(ScriptOrStyle().Replace(html, " "), " ");
        var glued = GluedColon().Matches(text).Select(m => m.Value).ToList();
        Assert.True(glued.Count == 0, $"{page} glues a colon to a word: {string.Join(" | ", glued)}");
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\S{0,20}\p{L}:(?=\s|$)")]
    private static partial Regex GluedColon();
}
