using System.Net;
using System.Text.RegularExpressions;
using Cronos;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Messaging;
using TrustFund.Infrastructure.Jobs;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>Several nodes on one PostgreSQL, as docker-compose scales the web replicas and runs the worker beside them.</summary>
public sealed partial class MultiNodeTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task SignInCookie_FromOneWebNode_IsAcceptedByTheOther()
    {
        var user = await CreateUser("officer@unodc.test", Roles.Donor);
        await using var first = Node();
        await using var second = Node();
        var firstClient = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Https });

        var signIn = await PostForm(firstClient, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tf.auth=")).Split(';')[0];

        var secondClient = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Https });
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/notifications");
        signedIn.Headers.Add("Cookie", cookie);
        var page = await secondClient.SendAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("/account/login", LocationOf(await secondClient.GetAsync("/notifications")));
    }

    [Fact]
    public async Task TwoNodesRunningTheOutboxDispatcher_SendEachMailOnce()
    {
        var folders = new[] { Folder(), Folder() };

        await using (var first = Dispatching(folders[0]))
        await using (var second = Dispatching(folders[1]))
        {
            _ = first.Services; // both running and polling before the mail is queued
            _ = second.Services;
            await using var db = App.NewDbContext();
            for (var i = 0; i < 40; i++)
                db.OutboxEmails.Add(new OutboxEmail($"person{i}@example.org", "Reminder", "Your report is due.", null, App.Clock.GetUtcNow(), $"multi-node:{i}"));
            await db.SaveChangesAsync();
            for (var waited = 0; await db.OutboxEmails.CountAsync(e => e.SentAt == null) > 0; waited += 100)
            {
                Assert.True(waited < 60_000, "the two dispatchers did not send the outbox within a minute");
                await Task.Delay(100);
            }
        }

        var files = folders.SelectMany(f => Directory.Exists(f) ? Directory.GetFiles(f, "*.eml") : []).ToList();
        try
        {
            Assert.Equal(40, files.Count);
            var recipients = files.Select(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
            Assert.Equal(40, recipients.Distinct().Count());
        }
        finally
        {
            foreach (var folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TwoWorkerNodes_RunEachDueRecurringJobOncePerDueTime_AndTheCallClosingJobOnce()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        await Send(new PublishCall.Command(call.Id));
        await using (var db = App.NewDbContext()) App.Clock.SetUtcNow((await db.Calls.SingleAsync()).Deadline);
        var before = await Scalar<long>("SELECT coalesce(max(id), 0) FROM hangfire.job");
        var storage = App.Services.GetRequiredService<JobStorage>();

        await using var first = Worker();
        await using var second = Worker();
        _ = first.Services; // both servers running (each registered the recurring jobs as it started)
        _ = second.Services;
        using (var connection = storage.GetConnection())
        {
            // Every recurring job falls due at once (its last run long ago), as after a night: both servers see it due.
            var registered = connection.GetRecurringJobs().Select(j => j.Id).ToList();
            Assert.Contains(CloseDueCallsJob.RecurringId, registered);
            using var transaction = connection.CreateWriteTransaction();
            foreach (var id in registered)
            {
                transaction.SetRangeInHash($"recurring-job:{id}", [new("LastExecution", JobHelper.SerializeDateTime(LongAgo)),
                    new("NextExecution", JobHelper.SerializeDateTime(LongAgo))]);
                transaction.AddToSet("recurring-jobs", id, JobHelper.ToTimestamp(LongAgo));
            }
            transaction.Commit();
        }
        // The call's closing job falls due, as at its deadline.
        new HangfireCallClosingScheduler(new BackgroundJobClient(storage)).CloseAt(call.Id, LongAgo);
        var recurring = storage.GetConnection().GetRecurringJobs();
        var recurringIds = recurring.Select(j => j.Id).ToList();

        List<JobRun> jobs = [];
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(250))
        {
            jobs = await JobsAfter(before);
            var done = jobs.Count(j => j.Recurring is null && j.State == "Succeeded") == 1 &&
                       recurringIds.All(id => jobs.Any(j => j.Recurring == id && j.State is "Succeeded" or "Failed"));
            if (done) break;
            Assert.True(waited < TimeSpan.FromMinutes(2), $"not every due job ran within two minutes: {string.Join(", ", jobs)}");
            await Task.Delay(250);
        }
        // A few more polls of both servers: a job scheduled or run twice would show now.
        await Task.Delay(TimeSpan.FromSeconds(4));
        jobs = await JobsAfter(before);

        Assert.True(await Scalar<long>("SELECT count(*) FROM hangfire.server") >= 2, "two servers competed");
        foreach (var job in recurring)
        {
            var runs = jobs.Where(j => j.Recurring == job.Id).ToList();
            // Once per due time. Hangfire's scheduler reads the machine's clock, so a job may come due again for real
            // while the test runs (the minutely sweep at the next minute, the hourly one at the hour): a second run is
            // right only if its cron passed a due time since the run before it.
            var dueTimes = runs.Select(r => DueTimesBetween(job, runs[0].CreatedAt, r.CreatedAt)).ToList();
            Assert.True(dueTimes.Distinct().Count() == runs.Count, $"{job.Id} ({job.Cron}) ran twice for one due time: {string.Join(", ", runs)}");
        }
        var closing = Assert.Single(jobs, j => j.Recurring is null);
        Assert.True((closing.State, closing.Runs) == ("Succeeded", 1L), closing.ToString());
        Assert.All(jobs.Where(j => j.State == "Succeeded"), j => Assert.True(j.Runs == 1, j.ToString()));
        await using var check = App.NewDbContext();
        Assert.Equal(CallStatus.Closed, (await check.Calls.SingleAsync()).Status);
    }

    [Fact]
    public async Task HangfireDashboard_TriggerWhileAnotherNodeHoldsTheJobsLock_AnswersTryAgain_NotAnError()
    {
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        var page = await admin.GetStringAsync("/hangfire/recurring");
        var header = CsrfHeader().Match(page).Groups[1].Value;
        var token = WebUtility.HtmlDecode(CsrfToken().Match(page).Groups[1].Value);
        Assert.NotEmpty(token);
        var storage = App.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        // Another node is enqueuing the job right now and holds its lock for longer than a trigger waits.
        using var held = connection.AcquireDistributedLock($"lock:recurring-job:{CloseDueCallsJob.RecurringId}", TimeSpan.FromSeconds(5));

        using var trigger = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", CloseDueCallsJob.RecurringId)]),
        };
        trigger.Headers.Add(header, token);
        var answer = await admin.SendAsync(trigger);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.NotNull(answer.Headers.RetryAfter);
    }

    /// <summary>An instant every clock, faked or not, has passed.</summary>
    private static readonly DateTime LongAgo = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How many times <paramref name="job"/>'s cron fell due after <paramref name="from"/>, up to and at <paramref name="to"/>.</summary>
    private static int DueTimesBetween(RecurringJobDto job, DateTime from, DateTime to)
    {
        var cron = CronExpression.Parse(job.Cron, job.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(job.TimeZoneId ?? "UTC");
        return cron.GetOccurrences(DateTime.SpecifyKind(from, DateTimeKind.Utc), DateTime.SpecifyKind(to, DateTimeKind.Utc), zone,
            fromInclusive: false, toInclusive: true).Count();
    }

    private sealed record JobRun(long Id, string? Recurring, string State, DateTime CreatedAt, long Runs, string History);

    /// <summary>The jobs created since <paramref name="after"/>: which recurring job made each, its state, how often a worker took it.</summary>
    private async Task<List<JobRun>> JobsAfter(long after)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT j.id, (SELECT p.value FROM hangfire.jobparameter p WHERE p.jobid = j.id AND p.name = 'RecurringJobId'),
                   coalesce(j.statename, ''), j.createdat,
                   (SELECT count(*) FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Processing'),
                   (SELECT string_agg(s.name || coalesce(' (' || left(s.reason, 200) || ')', ''), ' > ' ORDER BY s.id) FROM hangfire.state s WHERE s.jobid = j.id)
            FROM hangfire.job j WHERE j.id > $1 ORDER BY j.id
            """, connection) { Parameters = { new() { Value = after } } };
        await using var reader = await command.ExecuteReaderAsync();
        var jobs = new List<JobRun>();
        while (await reader.ReadAsync())
            jobs.Add(new(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1).Trim('"'), reader.GetString(2),
                reader.GetDateTime(3), reader.GetInt64(4), reader.IsDBNull(5) ? "" : reader.GetString(5)));
        return jobs;
    }

    private async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A worker node: runs a Hangfire server that looks for due jobs every second.</summary>
    private NodeFactory Worker() =>
        Node(("Hangfire:RunServer", "true"), ("Hangfire:SchedulePollingSeconds", "1"), ("Hangfire:WorkerCount", "2"));

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]*)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]*)\"")]
    private static partial Regex CsrfToken();

    // Cookies are Secure outside Development, so the nodes are spoken to over https, as behind the TLS proxy.
    private static readonly Uri Https = new("https://localhost");

    // Every node encrypts and reads the shared key ring with the same certificate, as the deployed replicas do.
    private NodeFactory Node(params (string Key, string Value)[] settings) =>
        new(App.ConnectionString, App.Clock, settings.Append((Key: "DataProtection:CertificatePath", Value: App.DataProtectionCertificatePath))
            .ToDictionary(s => s.Key, s => s.Value));

    /// <summary>A worker node whose dispatcher polls every second and drops its mail in its own folder.</summary>
    private NodeFactory Dispatching(string folder) =>
        Node(("Outbox:RunDispatcher", "true"), ("Outbox:PollSeconds", "1"), ("Outbox:BatchSize", "3"), ("Smtp:PickupDirectory", folder));

    private static string Folder() => Path.Combine(Path.GetTempPath(), "trustfund-test-mail", Guid.NewGuid().ToString("N"));
}
