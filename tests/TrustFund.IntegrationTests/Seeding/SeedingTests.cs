using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Journal;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure.Seeding;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Hosting;

namespace TrustFund.IntegrationTests.Seeding;

public sealed class SeedingTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ReferenceData_HoldsEveryUnStateWithItsRegionalGroup()
    {
        await using var db = App.NewDbContext();

        Assert.Equal(193, await db.Countries.CountAsync(c => c.UnStatus == Domain.ReferenceData.UnStatus.Member));
        Assert.Equal(2, await db.Countries.CountAsync(c => c.UnStatus == Domain.ReferenceData.UnStatus.Observer));
        Assert.Equal(5, await db.RegionalGroups.CountAsync());
        Assert.Null((await db.Countries.SingleAsync(c => c.Iso2 == "KI")).RegionalGroupCode);
        Assert.Equal("WEOG", (await db.Countries.SingleAsync(c => c.Iso2 == "IL")).RegionalGroupCode);
        Assert.Equal("WEOG", (await db.Countries.SingleAsync(c => c.Iso2 == "TR")).RegionalGroupCode);
        Assert.Equal("WEOG", (await db.Countries.SingleAsync(c => c.Iso2 == "US")).RegionalGroupCode);
        Assert.Equal("Côte d'Ivoire", (await db.Countries.SingleAsync(c => c.Iso2 == "CI")).Name.En);
        Assert.Equal(9, await db.FormsOfExploitation.CountAsync());
        Assert.Equal(8, await db.AssistanceTypes.CountAsync());
    }

    [Fact]
    public async Task Seeding_TwiceIncludingDemoData_ChangesNothingTheSecondTime()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);
        var before = await Snapshot();
        App.Clock.Advance(TimeSpan.FromDays(3)); // a later run must not move the demo deadlines either

        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);

        Assert.Equal(before, await Snapshot());
        await using var db = App.NewDbContext();
        Assert.Equal(3, await db.Calls.CountAsync()); // the two open calls and the past cycle's
        Assert.Equal(5, await db.TrusteeAppointments.Select(a => a.RegionalGroupCode).Distinct().CountAsync()); // one seat per group
        Assert.Equal(3, await db.ContributionReceipts.CountAsync());
        Assert.Equal(8, await db.Applications.CountAsync()); // six in the past call, a draft and a submitted one in the open calls
        Assert.Equal(3, await db.GrantAgreements.CountAsync(g => g.Status == GrantStatus.Signed));
        Assert.Equal(5, await db.Users.CountAsync(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Trustee"))));
    }

    [Fact]
    public async Task DemoCycle_Applications_AreInEveryStateOfTheCycle()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);

        await using var db = App.NewDbContext();
        var past = await db.Calls.SingleAsync(c => c.Title.En == DemoFundingCycle.PastCallTitle);
        Assert.Equal(CallStatus.Decided, past.Status);
        Assert.True(past.Deadline < App.Clock.GetUtcNow());
        var statuses = await db.Applications.Where(a => a.CallId == past.Id).Select(a => a.Status).ToListAsync();
        Assert.Equal(3, statuses.Count(s => s == ApplicationStatus.Approved));
        Assert.Equal(1, statuses.Count(s => s == ApplicationStatus.ReserveList));
        Assert.Equal(1, statuses.Count(s => s == ApplicationStatus.NotSelected));
        var ineligible = await db.Applications.SingleAsync(a => a.CallId == past.Id && a.Status == ApplicationStatus.Ineligible);
        Assert.Contains("Partner Portal", ineligible.EligibilityReason);
        Assert.Equal(4, await db.Countries.Where(c => db.Applications.Where(a => a.CallId == past.Id)
            .Select(a => a.Organisation.CountryIso2).Contains(c.Iso2)).Select(c => c.RegionalGroupCode).Distinct().CountAsync());

        // In the open calls: one draft and one submitted application.
        var open = await db.Applications.Where(a => a.CallId != past.Id).Select(a => a.Status).ToListAsync();
        Assert.Equal([ApplicationStatus.Draft, ApplicationStatus.Submitted], open.Order().ToList());
    }

    [Fact]
    public async Task DemoCycle_Review_NoTrusteeScoresOrVotesOnAnApplicationFromTheirOwnCountry()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);

        await using var db = App.NewDbContext();
        var nationality = await db.TrusteeAppointments.ToDictionaryAsync(a => a.TrusteeUserId, a => a.NationalityIso2);
        var country = await db.Applications.ToDictionaryAsync(a => a.Id, a => a.Organisation.CountryIso2);
        var assessments = await db.Assessments.ToListAsync();
        Assert.Equal(15, assessments.Count(a => a.CompletedAt is not null)); // three reviewers on each of five eligible applications
        Assert.DoesNotContain(assessments, a => nationality[a.ReviewerUserId] == country[a.ApplicationId]);
        var conflicts = await db.ConflictDeclarations.Where(d => d.HasConflict).ToListAsync();
        Assert.Equal(3, conflicts.Count); // the Colombian, Senegalese and Ukrainian trustees on their compatriots' applications
        Assert.All(conflicts, d => Assert.Equal(nationality[d.ReviewerUserId], country[d.ApplicationId]));

        var ballots = await db.SessionBallots.ToListAsync();
        Assert.Equal(3, ballots.Count);
        Assert.All(ballots, b => Assert.Equal(BallotOutcome.Recommended, b.Outcome));
        Assert.All(ballots, b => Assert.True(b.Eligible >= 3, "quorum: at least three trustees present and not recused"));
        Assert.All(ballots, b => Assert.True(b.Approvals > b.Rejections, "simple majority of the votes cast"));
        Assert.Contains(ballots, b => b.IsConsensus);
        Assert.Contains(ballots, b => !b.IsConsensus);
        var votes = await db.BoardVotes.ToListAsync();
        Assert.Equal(13, votes.Count); // 4 + 4 on the two applications with a recused trustee, 5 on the third
        Assert.DoesNotContain(votes, v => nationality[v.TrusteeUserId] == country[ballots.Single(b => b.Id == v.BallotId).ApplicationId]);
    }

    [Fact]
    public async Task DemoCycle_BoardMinutes_ListEveryVote()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);
        await using var db = App.NewDbContext();
        var session = await db.BoardSessions.SingleAsync();
        var manager = await db.Users.SingleAsync(u => u.Email == "fundmanager@trustfund.test");

        var minutes = await QueryAs(manager, new GetBoardMinutesPdf.Query(session.Id));

        var text = PdfText.WithoutSpaces(minutes.Content);
        Assert.Contains("CasadeAcogidaEsperanza", text);
        Assert.Contains("ErikLindqvist", text);
        Assert.Contains("Abstention", text);
        Assert.Contains("Against", text);
    }

    [Fact]
    public async Task DemoCycle_Money_DashboardEqualsTheJournalAndTheGrants()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);
        var dashboard = await Query(new GetFundDashboard.Query());

        await using var db = App.NewDbContext();
        decimal Journal(JournalEventType type) => db.JournalEntries.Where(j => j.EventType == type).Sum(j => j.UsdAmount);
        var signed = await db.GrantAgreements.Where(g => g.Status == GrantStatus.Signed).SumAsync(g => g.Amount);
        var disbursed = await db.GrantPayments.Where(p => p.Status == PaymentStatus.Disbursed).SumAsync(p => p.Amount);
        Assert.Equal(126_000m, signed);
        Assert.Equal(63_000m, disbursed); // the first half of each grant
        Assert.Equal(Journal(JournalEventType.ContributionReceived), dashboard.Total.Received);
        Assert.Equal(signed, dashboard.Total.Obligated);
        Assert.Equal(Journal(JournalEventType.ObligationRaised), dashboard.Total.Obligated);
        Assert.Equal(disbursed, dashboard.Total.Disbursed);
        Assert.Equal(Journal(JournalEventType.Disbursement), dashboard.Total.Disbursed);
        Assert.Equal(Journal(JournalEventType.PscCharge), dashboard.Total.Psc);
        Assert.Equal(signed - disbursed, dashboard.Total.OpenObligationsAtEnd);
        Assert.True(dashboard.Total.AvailableAtEnd > 0);
        // The second instalment of the grant whose interim reports were accepted waits for the demo officers.
        Assert.Equal(1, await db.GrantPayments.CountAsync(p => p.Status == PaymentStatus.Requested));
        Assert.Equal(15_000m, await db.EarmarkAllocations.SumAsync(a => a.UsdAmount));
    }

    [Fact]
    public async Task DemoCycle_AnnualReport_ShowsTheGrantsAndTheVictims()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);
        await using var db = App.NewDbContext();
        var year = (await db.GrantAgreements.MinAsync(g => g.SignedAt))!.Value.Year;

        var report = await IssueAnnualReport.Build(db, year, App.Clock.GetUtcNow(), "test", CancellationToken.None);

        var signedInYear = await db.GrantAgreements.CountAsync(g => g.SignedAt!.Value.Year == year);
        Assert.Equal(signedInYear, report.Grants.Count);
        Assert.Contains(report.Grants, g => g.Grantee == "Casa de Acogida Esperanza");
        Assert.NotEmpty(report.BoardSessions);
        // Victims: what the applications planned, and what the accepted interim report counts (anonymous totals only).
        Assert.True(report.Targets.Sum(t => t.Count) > 0);
        var accepted = await db.GrantReports.SingleAsync(r => r.Kind == GrantReportKind.InterimNarrative && r.Status == GrantReportStatus.Accepted);
        Assert.Equal(50, accepted.Narrative!.BySex.Sum(c => c.Number));
        Assert.Equal(50, accepted.Narrative.ByNationality.Sum(c => c.Number));
        var reportYear = await IssueAnnualReport.Build(db, accepted.DueOn.Year, App.Clock.GetUtcNow(), "test", CancellationToken.None);
        Assert.Equal((50, 1, 1), (reportYear.Victims.Total, reportYear.Victims.Grants, reportYear.Victims.Reports));
    }

    [Fact]
    public async Task DemoCycle_Reports_OneAcceptedOneDueSoon()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);
        await using var db = App.NewDbContext();
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

        var interim = await db.GrantReports.Where(r => r.Kind == GrantReportKind.InterimNarrative).ToListAsync();

        Assert.Single(interim, r => r.Status == GrantReportStatus.Accepted && r.DueOn < today);
        Assert.Single(interim, r => r.Status == GrantReportStatus.Scheduled && r.DueOn > today && r.DueOn <= today.AddDays(30) && r.Narrative is not null);
    }

    private IServiceProvider WithDemoPassword()
    {
        var config = App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        config["Demo:Password"] = "Demo-Password-2026";
        return App.Services;
    }

    private async Task<string> Snapshot()
    {
        await using var db = App.NewDbContext();
        return string.Join("|",
            await db.AuditEntries.CountAsync(),
            await db.Countries.CountAsync(),
            await db.Users.CountAsync(),
            await db.Organisations.CountAsync(),
            await db.Donors.CountAsync(),
            await db.TrusteeAppointments.CountAsync(),
            await db.UnoreRates.CountAsync(),
            await db.ContributionReceipts.CountAsync(),
            await db.JournalEntries.CountAsync(),
            await db.Applications.CountAsync(),
            await db.Attachments.CountAsync(),
            await db.ConflictDeclarations.CountAsync(),
            await db.Assessments.CountAsync(),
            await db.BoardVotes.CountAsync(),
            await db.GrantAgreements.CountAsync(),
            await db.GrantPayments.CountAsync(),
            await db.GrantReports.CountAsync(r => r.Status != GrantReportStatus.Scheduled),
            await db.EarmarkAllocations.CountAsync(),
            string.Join(",", await db.Calls.OrderBy(c => c.Slug).Select(c => c.Slug + "@" + c.Deadline).ToListAsync()));
    }
}
