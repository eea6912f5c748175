using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Messaging;
using TrustFund.Application.Reports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Messaging;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Notifications;

/// <summary>Notices are written wholly in their reader's language: no English report kinds in a French subject, no group codes.</summary>
public sealed class NotificationLanguageTests(TrustFundAppFactory app) : GrantTest(app)
{
    private static string LongDate(DateOnly date, string language) => date.ToString("D", DocumentLanguages.Culture(language));

    [Fact]
    public async Task AReportReminder_ToAFrenchGrantee_NamesTheReportInFrench_WithAnUnambiguousDate()
    {
        await Fund(100_000);
        var grant = await SignedAgreement(await Manager(), 40_000);
        var report = (await Reports(grant)).Where(r => r.Kind == GrantReportKind.InterimNarrative).OrderBy(r => r.DueOn).First();
        await DueAlone(report); // the report's own notice (several due together make one notice listing them: ReportDeadlineDigestTests)
        await using (var db = App.NewDbContext())
            await db.Users.Where(u => u.Email == "ngo1@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "fr"));
        App.Clock.SetUtcNow(new DateTimeOffset(report.DueOn.AddDays(-7).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

        await Send(new KeepReportDeadlines.Command());

        // As the grantee receives it: a sweep's notice is rendered when the outbox sends it.
        var reminder = (await App.SendOutboxAsync()).Where(m => m.To == "ngo1@example.org").Single(m => m.Subject.Contains("narratif"));
        Assert.Equal($"Rapport attendu le {LongDate(report.DueOn, "fr")}\u00A0: rapport narratif intermédiaire", reminder.Subject);
        Assert.DoesNotContain("report", reminder.TextBody.Replace("rapport", ""));
    }

    /// <summary>
    /// A notification keeps what it says as catalogue keys and arguments: the grantee who switches to French, then
    /// Spanish, at /account/language reads the notices sent while they read English in the new language, date and
    /// amount included. One stored before notifications kept keys is shown as it was written.
    /// </summary>
    [Fact]
    public async Task StoredNotifications_AreShownInTheLanguageTheReaderChoosesAfterwards()
    {
        await Fund(100_000);
        var grant = await SignedAgreement(await Manager(), 40_000);   // "Grant agreement … signed", sent while the grantee reads English
        var report = (await Reports(grant)).Where(r => r.Kind == GrantReportKind.InterimNarrative).OrderBy(r => r.DueOn).First();
        await DueAlone(report); // the report's own notice (several due together make one notice listing them: ReportDeadlineDigestTests)
        App.Clock.SetUtcNow(new DateTimeOffset(report.DueOn.AddDays(-7).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await Send(new KeepReportDeadlines.Command());
        await using var db = App.NewDbContext();
        var ngo = await db.Users.SingleAsync(u => u.Email == "ngo1@example.org");
        var reference = (await db.GrantAgreements.SingleAsync(g => g.Id == grant)).ReferenceNumber;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, user_id, event_key, subject, body, link, created_at)
            VALUES ({Guid.CreateVersion7()}, {ngo.Id}, 'before-keys', 'Written before keys', 'Kept as it was written.', '/apply', {App.Clock.GetUtcNow().AddDays(-400)})
            """);
        var client = await SignedIn(ngo);

        var english = await Notifications(client);
        Assert.Contains($"Report due on {LongDate(report.DueOn, "en")}: interim narrative report", english);
        Assert.Contains($"Grant agreement {reference} signed", english);
        Assert.Contains("for USD 40,000.00.", english);

        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, "/account/language", new() { ["Language"] = "fr" })).StatusCode);
        var french = await Notifications(client);
        Assert.Contains($"Rapport attendu le {LongDate(report.DueOn, "fr")}\u00A0: rapport narratif intermédiaire", french);
        Assert.Contains($"Accord de subvention {reference} signé", french);
        Assert.Contains("pour 40\u202F000,00\u00A0USD.", french);   // the figure grouped as French groups it, then the code
        Assert.Contains("Written before keys", french);
        Assert.DoesNotContain("Report due", french);
        Assert.DoesNotContain("interim narrative", french);

        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, "/account/language", new() { ["Language"] = "es" })).StatusCode);
        var spanish = await Notifications(client);
        Assert.Contains($"Informe previsto para el {LongDate(report.DueOn, "es")}: informe narrativo intermedio", spanish);
        Assert.Contains($"Acuerdo de subvención {reference} firmado", spanish);
        Assert.Contains("por 40.000,00\u00A0USD.", spanish);
        Assert.DoesNotContain("Rapport", spanish);
        Assert.DoesNotContain("Report due", spanish);
    }

    /// <summary>
    /// A notice stored before its wording changed still names its old text (RetiredNoticeTexts): a fund manager reading
    /// French sees the escalations and board reminders raised before counts followed the language in French, not English.
    /// </summary>
    [Fact]
    public async Task NoticesStoredBeforeTheirWordingChanged_StillReadInTheReadersLanguage()
    {
        var manager = await Manager("reader@unodc.test");
        var due = new DateOnly(2026, 10, 30);
        await using (var db = App.NewDbContext())
        {
            db.Notifications.Add(new Notification(manager.Id, "report-escalated:before", "Report {3} days overdue: {2} ({4})",
                "The {0} of grant {2} ({4}) was due on {1:D} and is {3} days overdue.",
                NoticeArguments.Serialise([new CatalogueWord("interim narrative report"), due, "UNVTF-G-2026-0001", 31, "Shelter Sahel"]),
                "/fund/grants", App.Clock.GetUtcNow().AddDays(-40)));
            db.Notifications.Add(new Notification(manager.Id, "board-reminder:before", "Before the board meets on {0:d}: {1} assessment(s) to complete, {2} ballot(s) awaiting your vote",
                "The board meets on {0:d}, in {3} day(s). You have {1} assessment(s) not yet completed and {2} ballot(s) awaiting your vote.",
                NoticeArguments.Serialise([new DateTime(2026, 11, 20), 2, 1, 3]), "/review", App.Clock.GetUtcNow().AddDays(-20)));
            await db.SaveChangesAsync();
        }
        var client = await SignedIn(manager);

        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, "/account/language", new() { ["Language"] = "fr" })).StatusCode);
        var french = await Notifications(client);
        Assert.Contains("Rapport en retard de 31 jours\u00A0: UNVTF-G-2026-0001 (Shelter Sahel)", french);
        Assert.Contains($"Le rapport narratif intermédiaire de la subvention UNVTF-G-2026-0001 (Shelter Sahel) était attendu le {LongDate(due, "fr")} et a 31 jours de retard.", french);
        Assert.Contains("2 évaluation(s) à terminer, 1 scrutin(s) en attente de votre vote", french);
        Assert.DoesNotContain("days overdue", french);
        Assert.DoesNotContain("assessment", french);

        Assert.Equal(HttpStatusCode.Redirect, (await PostForm(client, "/account/language", new() { ["Language"] = "es" })).StatusCode);
        var spanish = await Notifications(client);
        Assert.Contains("Informe con 31 días de atraso: UNVTF-G-2026-0001 (Shelter Sahel)", spanish);
        Assert.DoesNotContain("days overdue", spanish);
    }

    private static async Task<string> Notifications(HttpClient client) => WebUtility.HtmlDecode(await client.GetStringAsync("/notifications"));
}
