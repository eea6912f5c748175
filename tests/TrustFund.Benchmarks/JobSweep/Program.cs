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
// open reports, in the same run; the sweep as it was before it became set-based (LegacySweep) runs on the same data first.
// Usage: dotnet run -c Release --project tests/TrustFund.Benchmarks/JobSweep [-- reports [mark-first] [new-first|new-only] [manager]]
internal static class JobSweepBenchmark
{
    public static async Task Main(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out _) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        using var postgres = EmbeddedPostgresServer.StartTemporary();
        await using var app = new BenchmarkApp(postgres);
        _ = app.Services;
        var grantId = await OneSignedGrant(app.Services, withManager: args.Contains("manager"));
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

        // The sweep before it became set-based and the sweep now, each from the same starting state (the reports
        // scheduled again, no notice sent), each next to the hand-written query timed just before it.
        // "new-only": the sweep now alone (the old one takes minutes and is measured enough), for runs that compare builds.
        string[] order = args.Contains("new-only") ? ["new"] : args.Contains("new-first") ? ["new", "old"] : ["old", "new"];
        foreach (var sweep in order)
        {
            await ResetAsync(postgres);
            Console.WriteLine($"-- {sweep} sweep; load average {LoadAverage()}");
            await HandWrittenQueryAsync(postgres);

            // "mark-first": the overdue marking alone, timed before the sweep (which then finds nothing left to mark).
            if (args.Contains("mark-first") && sweep == "new")
                for (var run = 1; run <= 2; run++)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var watch = Stopwatch.StartNew();
                    var marked = await scope.ServiceProvider.GetRequiredService<TrustFund.Infrastructure.Jobs.SystemSender>().Send(new MarkOverdueGrantReports.Command(), CancellationToken.None);
                    Console.WriteLine($"marking overdue alone, run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms — {marked:N0} marked");
                }

            for (var run = 1; run <= 3; run++)
            {
                var watch = Stopwatch.StartNew();
                string result;
                if (sweep == "old") result = await LegacySweep.RunAsync(app.Services);
                else
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    result = (await scope.ServiceProvider.GetRequiredService<TrustFund.Infrastructure.Jobs.SystemSender>()
                        .Send(new KeepReportDeadlines.Command(), CancellationToken.None)).ToString();
                }
                Console.WriteLine($"{sweep} sweep run {run} ({(run == 1 ? "catch-up" : "steady state")}): {watch.Elapsed.TotalMilliseconds:F0} ms — {result}");
            }
            Console.WriteLine($"load average {LoadAverage()}");
        }
    }

    /// <summary>Every report scheduled again and no notice sent, the tables vacuumed: the state a sweep's first run starts from.</summary>
    private static async Task ResetAsync(EmbeddedPostgresServer postgres)
    {
        await using var connection = new NpgsqlConnection(postgres.MigrationsConnectionString);
        await connection.OpenAsync();
        foreach (var statement in new[] { "UPDATE grant_reports SET status = 'Scheduled', escalated_at = NULL WHERE status <> 'Scheduled' OR escalated_at IS NOT NULL",
                     "DELETE FROM grant_report_reminders", "DELETE FROM notifications",
                     "DELETE FROM outbox_emails", "VACUUM ANALYZE grant_reports", "VACUUM ANALYZE grant_report_reminders", "VACUUM ANALYZE notifications", "VACUUM ANALYZE outbox_emails" })
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The baseline: one hand-written query selecting the open reports the old sweep read, timed alone.</summary>
    private static async Task HandWrittenQueryAsync(EmbeddedPostgresServer postgres)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        for (var run = 1; run <= 2; run++)
        {
            var sql = Stopwatch.StartNew();
            await using var select = new NpgsqlCommand(
                "SELECT r.id, r.kind, r.due_on, r.status, g.reference_number, g.grantee, g.organisation_id FROM grant_reports r " +
                "JOIN grant_agreements g ON g.id = r.grant_id WHERE g.status = 'Signed' AND r.status IN ('Scheduled','SentBack','Overdue')", connection);
            await using var reader = await select.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync()) rows++;
            Console.WriteLine($"hand-written SQL selecting the open reports, run {run}: {rows:N0} rows in {sql.Elapsed.TotalMilliseconds:F0} ms");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>One NGO with one user, an approved application and its agreement, marked signed (no money needed for the sweep).</summary>
    private static async Task<Guid> OneSignedGrant(IServiceProvider services, bool withManager)
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
        // "manager": a fund manager to escalate to, so the sweep also looks for the escalations owed (30,000 at the catch-up).
        if (withManager)
        {
            db.Users.Add(new TrustFund.Application.Identity.ApplicationUser
            {
                UserName = "manager@sweep.test", Email = "manager@sweep.test", EmailConfirmed = true, DisplayName = "Manager",
                NormalizedEmail = "MANAGER@SWEEP.TEST", NormalizedUserName = "MANAGER@SWEEP.TEST",
            });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r
                WHERE u.email = 'manager@sweep.test' AND r.name = {TrustFund.Application.Identity.Roles.FundManager}
                """);
        }
        return grant;
    }
}
