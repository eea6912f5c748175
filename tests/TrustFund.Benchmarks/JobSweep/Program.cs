using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Notifications;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.EmbeddedPostgres;

// The daily report-deadline sweep (reminders, overdue, escalation) over N scheduled reports (default 100,000), with
// due dates spread over three years around today, timed next to one hand-written SQL query that selects the same
// open reports, in the same run. Usage: dotnet run -c Release --project tests/TrustFund.Benchmarks/JobSweep [-- reports [mark-first]]
internal static class JobSweepBenchmark
{
    public static async Task Main(string[] args)
    {
        var count = args.Length > 0 && args[0] != "mark-first" ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        using var postgres = EmbeddedPostgresServer.StartTemporary();
        await using var app = new BenchmarkApp(postgres);
        _ = app.Services;
        var grantId = await OneSignedGrant(app.Services);
        await using (var connection = new NpgsqlConnection(postgres.MigrationsConnectionString))
        {
            await connection.OpenAsync();
            // One report per kind per grant is the rule; on this throw-away database the reports all hang off one grant
            // instead of 25,000, which leaves the sweep's work (rows read, dates checked, notices decided) the same.
            await using (var drop = new NpgsqlCommand("DROP INDEX ix_grant_reports_grant_id_kind", connection)) await drop.ExecuteNonQueryAsync();
            await using var seed = new NpgsqlCommand(
                "INSERT INTO grant_reports (id, grant_id, kind, due_on, status) " +
                "SELECT gen_random_uuid(), @grant, (ARRAY['InterimNarrative','InterimFinancial','FinalNarrative','FinalFinancial'])[1 + n % 4], " +
                "current_date - 365 + (n % 1095), 'Scheduled' FROM generate_series(1, @count) n", connection);
            seed.Parameters.AddWithValue("grant", grantId);
            seed.Parameters.AddWithValue("count", count);
            await seed.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"{count:N0} scheduled reports, {Environment.ProcessorCount} cores");

        var sql = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var select = new NpgsqlCommand(
                "SELECT r.id, r.kind, r.due_on, r.status, g.reference_number, g.grantee, g.organisation_id FROM grant_reports r " +
                "JOIN grant_agreements g ON g.id = r.grant_id WHERE g.status = 'Signed' AND r.status IN ('Scheduled','SentBack','Overdue')", connection);
            await using var reader = await select.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync()) rows++;
            Console.WriteLine($"hand-written SQL selecting the open reports: {rows:N0} rows in {sql.Elapsed.TotalMilliseconds:F0} ms");
        }

        // "mark-first": the overdue marking alone, timed before the sweep (which then finds nothing left to mark).
        if (args.Contains("mark-first"))
            for (var run = 1; run <= 2; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var watch = Stopwatch.StartNew();
                var marked = await scope.ServiceProvider.GetRequiredService<TrustFund.Infrastructure.Jobs.SystemSender>().Send(new MarkOverdueGrantReports.Command(), CancellationToken.None);
                Console.WriteLine($"marking overdue alone, run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms — {marked:N0} marked");
            }

        for (var run = 1; run <= 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<TrustFund.Infrastructure.Jobs.SystemSender>().Send(new KeepReportDeadlines.Command(), CancellationToken.None);
            Console.WriteLine($"sweep run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms — {result}");
        }
    }

    /// <summary>One NGO with one user, an approved application and its agreement, marked signed (no money needed for the sweep).</summary>
    private static async Task<Guid> OneSignedGrant(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var now = DateTimeOffset.UtcNow;
        var call = new Call("sweep", new CallTerms(new LocalizedText("Sweep"), new LocalizedText("Sweep"), FundingWindow.MediumTerm, 10_000_000,
            20_000, 60_000, 24, now.AddDays(10), "Europe/Vienna", now.AddDays(5)), now);
        call.Publish(now);
        var organisation = new Organisation("Sweep NGO", "CO", now);
        db.AddRange(call, organisation);
        // A grantee to tell: the sweep's notices (reminders, overdue) are part of the work measured.
        db.Users.Add(new TrustFund.Application.Identity.ApplicationUser
        {
            UserName = "grantee@sweep.test", Email = "grantee@sweep.test", EmailConfirmed = true, DisplayName = "Grantee",
            OrganisationId = organisation.Id, NormalizedEmail = "GRANTEE@SWEEP.TEST", NormalizedUserName = "GRANTEE@SWEEP.TEST",
        });
        var application = new GrantApplication(call, organisation.Id, new OrganisationSection { LegalName = "Sweep NGO", CountryIso2 = "CO", IsNonProfit = true }, now, "bench");
        application.SaveProject(new ProjectSection { Title = "P", ImplementationCountryIso2 = "CO", Objectives = "o", Activities = "a", WorkPlan = "w",
            StartDate = DateOnly.FromDateTime(now.UtcDateTime), EndDate = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(18) }, now);
        application.SaveBeneficiaries([new BeneficiaryTarget(Sex.Female, AgeGroup.Adult, "FORCED_LABOUR", 10)], now);
        application.SaveBudget([new BudgetLine(BudgetCategory.DirectAssistance, "Shelter", 40_000)], now);
        application.SaveDeclaration(new PartnerDeclaration { Accepted = true, SignatoryName = "S" }, now);
        application.Submit(call, call.Eligibility.RequiredDocuments, now, "UNVTF-SWEEP-0001", "bench");
        application.DecideEligibility(true, "ok", now, "bench");
        application.StartReview(now, "bench");
        application.Shortlist(now, "bench");
        application.Recommend(now, "bench");
        application.Approve(40_000, null, now, "bench");
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        // Drawing up the agreement is the fund manager's step (its declaration says so): the benchmark acts as one.
        scope.ServiceProvider.GetRequiredService<TrustFund.Application.Authorization.ActingUser>()
            .As(new TrustFund.Infrastructure.Seeding.SeedActor(null, "bench", null, [TrustFund.Application.Identity.Roles.FundManager]));
        var grant = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateGrantAgreement.Command(application.Id));
        await db.Database.ExecuteSqlAsync($"UPDATE grant_agreements SET status = 'Signed' WHERE id = {grant}");
        await db.Database.ExecuteSqlAsync($"DELETE FROM grant_reports WHERE grant_id = {grant}");
        return grant;
    }
}
