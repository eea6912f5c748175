using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Notifications;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Notifications;

/// <summary>Notices are written wholly in their reader's language: no English report kinds in a French subject, no group codes.</summary>
public sealed class NotificationLanguageTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task AReportReminder_ToAFrenchGrantee_NamesTheReportInFrench_WithAnUnambiguousDate()
    {
        await Fund(100_000);
        var grant = await SignedAgreement(await Manager(), 40_000);
        var report = (await Reports(grant)).Where(r => r.Kind == GrantReportKind.InterimNarrative).OrderBy(r => r.DueOn).First();
        await using (var db = App.NewDbContext())
            await db.Users.Where(u => u.Email == "ngo1@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "fr"));
        App.Clock.SetUtcNow(new DateTimeOffset(report.DueOn.AddDays(-7).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

        await Send(new KeepReportDeadlines.Command());

        await using var after = App.NewDbContext();
        var reminder = (await after.OutboxEmails.Where(e => e.To == "ngo1@example.org").ToListAsync()).Single(e => e.Subject.Contains("narratif"));
        var longDate = report.DueOn.ToDateTime(TimeOnly.MinValue).ToString("D", System.Globalization.CultureInfo.GetCultureInfo("fr"));
        Assert.Equal($"Rapport attendu le {longDate} : rapport narratif intermédiaire", reminder.Subject);
        Assert.DoesNotContain("report", reminder.TextBody.Replace("rapport", ""));
    }
}
