using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.EmbeddedPostgres;

// The deadline rush: N applicants (default 100) at once, each signing in, saving its draft several times
// (the 30-second autosave), attaching its documents and submitting, against the real app on Kestrel over
// loopback and a local PostgreSQL. Measured in the same run: a bare endpoint doing one single-row upsert
// with Npgsql, hit by the same number of concurrent clients.
// Usage: dotnet run -c Release --project tests/TrustFund.Benchmarks/DeadlineRush [-- applicants saves pause-ms]
// pause-ms (default 0) is each applicant's pause before each page load and each timed post: 0 sends the requests back
// to back, a stress test of a closed loop where every latency is mostly waiting for the two cores; a pause gives a
// rate closer to people filling in a form (the real autosave comes every 30 seconds).
// RUSH_FAULT=1: PostgreSQL is stopped when a third of the saves are done and started again three seconds later; every
// client honours 503 and Retry-After (hurried to a quarter of a second) by sending the same request again, the same form
// with the same idempotency key, as a browser resending does. It prints what the clients were answered, the
// submissions acknowledged against those stored, the duplicates, and the clients left without a definite answer.
internal static partial class DeadlineRushBenchmark
{
    public static async Task Main(string[] args)
    {
        var applicants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var savesEach = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var pause = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0);
        const string Password = "Deadline-Rush-2027";
        var pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

        using var postgres = EmbeddedPostgresServer.StartTemporary();
        var profiling = Environment.GetEnvironmentVariable("RUSH_PROFILE") == "1";
        var fault = Environment.GetEnvironmentVariable("RUSH_FAULT") == "1";
        await using var app = new BenchmarkApp(postgres,
            profiling ? services => services.AddSingleton<IStartupFilter, NameRequestKinds>() : null);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1");
        // RUSH_WARMUP=1: as many applicants again go through the whole rush first, untimed, so that the timed one meets a
        // warm process (each query compiled, each code path jitted once), as every request after the first few does.
        var warmup = Environment.GetEnvironmentVariable("RUSH_WARMUP") == "1";
        var callId = await Seed(app.Services, warmup ? 2 * applicants : applicants);
        Console.WriteLine($"{applicants} applicants x ({savesEach} saves + 4 uploads + submit) against {baseUrl}, {Environment.ProcessorCount} cores" +
                          (pause > TimeSpan.Zero ? $", {pause.TotalMilliseconds:F0} ms pause between an applicant's requests" : ""));

        var saveTimes = new ConcurrentBag<double>();
        var submitTimes = new ConcurrentBag<double>();
        var submitStarts = new ConcurrentBag<double>();              // seconds into the rush: how closely the submissions fall together
        var errors = new ConcurrentBag<string>();
        var answers = new ConcurrentDictionary<string, int>();       // status code (and "503 without Retry-After") -> count
        var acknowledged = new ConcurrentBag<Guid>();                // drafts whose submission was answered "done"
        var withoutAnswer = new ConcurrentBag<string>();             // requests that never got a definite answer
        var clock = new Stopwatch();                                 // started with the timed rush
        // Everyone is signed in with a draft open before the rush starts, as on the last evening before a deadline;
        // password hashing at sign-in is deliberately slow and is not what the rush measures.
        var sessions = await Task.WhenAll(Enumerable.Range(0, applicants).Select(SignInAndStart));
        if (warmup)
        {
            var warm = await Task.WhenAll(Enumerable.Range(applicants, applicants).Select(SignInAndStart));
            await Task.WhenAll(warm.Select((session, i) => Rush(applicants + i, session.Http, session.Draft)));
            saveTimes.Clear();
            submitTimes.Clear();
            submitStarts.Clear();
            answers.Clear();
            acknowledged.Clear();
            withoutAnswer.Clear();
            Console.WriteLine($"warm-up: {applicants} other applicants went through the rush first, untimed ({errors.Count} errors)");
        }
        // RUSH_PROFILE=1: server time and SQL statements per kind of request during the rush.
        using var profile = profiling ? new RequestProfile() : null;
        using var allocations = Environment.GetEnvironmentVariable("RUSH_ALLOCATIONS") == "1" ? new AllocationTypes() : null;
        allocations?.Start();
        var queryCacheBefore = EfQueryCache.Read();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var postgresCpuBefore = PostgresProcessorTime.Of(postgres.DataDirectory);
        var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(),
            Allocated: GC.GetTotalAllocatedBytes());
        var idleRss = Process.GetCurrentProcess().WorkingSet64;
        var peakRss = idleRss;
        // The thread pool's side: work queued and not yet running is waiting for a thread, not for a core or the database.
        var (peakQueued, peakThreads, queuedSamples, queuedSum) = (0L, 0, 0, 0L);
        var contentionBefore = Monitor.LockContentionCount;
        using var rssSampler = new Timer(_ =>
        {
            peakRss = Math.Max(peakRss, Process.GetCurrentProcess().WorkingSet64);
            var queued = ThreadPool.PendingWorkItemCount;
            peakQueued = Math.Max(peakQueued, queued);
            peakThreads = Math.Max(peakThreads, ThreadPool.ThreadCount);
            queuedSum += queued;
            queuedSamples++;
        }, null, 0, 100);
        clock.Restart();
        // RUSH_ONE_BY_ONE=1: the applicants go through the rush one after another instead of at once, so that "one
        // applicant alone" gives as many submissions as applicants (a submission is made once per draft).
        var oneByOne = Environment.GetEnvironmentVariable("RUSH_ONE_BY_ONE") == "1";
        var rush = oneByOne ? RushOneByOne() : Task.WhenAll(sessions.Select((session, i) => Rush(i, session.Http, session.Draft)));
        if (fault) await Restart(rush);
        await rush;
        var rushSeconds = clock.Elapsed.TotalSeconds;
        // Wall times swing with whatever else runs on the machine; the processor time spent is steadier to compare.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var postgresCpuSeconds = PostgresProcessorTime.Of(postgres.DataDirectory) - postgresCpuBefore;
        // The collector's share: every thread waits while it runs, so its pauses add to every request in flight.
        var gc = (Gen0: GC.CollectionCount(0) - gcBefore.Gen0, Gen1: GC.CollectionCount(1) - gcBefore.Gen1, Gen2: GC.CollectionCount(2) - gcBefore.Gen2,
            Pause: GC.GetTotalPauseDuration() - gcBefore.Pause, Allocated: GC.GetTotalAllocatedBytes() - gcBefore.Allocated);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            var submitted = await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Submitted) - (warmup ? applicants : 0);
            var references = await db.Applications.Where(a => a.ReferenceNumber != null).Select(a => a.ReferenceNumber).Distinct().CountAsync() - (warmup ? applicants : 0);
            Console.WriteLine($"submitted {submitted}/{applicants}, distinct reference numbers {references}, errors {errors.Count}");
            foreach (var e in errors.Take(5)) Console.WriteLine("  " + e);
            if (fault)
            {
                var ids = acknowledged.ToList();
                var storedOfAcknowledged = await db.Applications.CountAsync(a => ids.Contains(a.Id) && a.Status == ApplicationStatus.Submitted);
                var receipts = await db.OutboxEmails.CountAsync(e => e.DeduplicationKey!.StartsWith("application-receipt:")) - (warmup ? applicants : 0);
                Console.WriteLine("answers: " + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} x{a.Value}")));
                Console.WriteLine($"submissions acknowledged {ids.Count}, stored {submitted}, acknowledged but lost {ids.Count - storedOfAcknowledged}, " +
                                  $"duplicated {receipts - submitted} (receipt e-mails {receipts}), clients without a definite answer {withoutAnswer.Distinct().Count()}");
                foreach (var w in withoutAnswer.Take(5)) Console.WriteLine("  " + w);
            }
        }
        Console.WriteLine($"process RSS (app and load generator): {idleRss / 1048576} MiB before the rush, {peakRss / 1048576} MiB at its peak");
        Console.WriteLine($"processor time of this process (app and load generator) during the rush: {cpuSeconds:F1} s " +
                          $"in {rushSeconds:F1} s, {cpuSeconds * 1000 / applicants:F0} ms per applicant");
        if (postgresCpuSeconds >= 0)
            Console.WriteLine($"processor time of PostgreSQL (its processes now running) during the rush: {postgresCpuSeconds:F1} s, {postgresCpuSeconds * 1000 / applicants:F0} ms per applicant");
        Console.WriteLine($"thread pool during the rush: up to {peakThreads} threads, work items queued mean {(double)queuedSum / Math.Max(1, queuedSamples):F1}, " +
                          $"peak {peakQueued}; lock contentions {Monitor.LockContentionCount - contentionBefore}");
        var queryCache = EfQueryCache.Read();
        Console.WriteLine($"EF's compiled-query cache during the rush: {queryCache.Hits - queryCacheBefore.Hits} hits, " +
                          $"{queryCache.Misses - queryCacheBefore.Misses} misses (each miss compiles a query: it should be 0 in a warm run)");
        Console.WriteLine($"garbage collections during the rush: gen0 {gc.Gen0}, gen1 {gc.Gen1}, gen2 {gc.Gen2}, paused {gc.Pause.TotalMilliseconds:F0} ms, " +
                          $"allocated {gc.Allocated / 1048576} MiB ({gc.Allocated / 1024 / applicants} KiB per applicant)");
        allocations?.Print();
        Report("save (autosave POST)", saveTimes, rushSeconds);
        Report("submit", submitTimes, rushSeconds);
        if (submitStarts.Order().ToArray() is { Length: > 0 } starts)
            Console.WriteLine($"submissions sent from {starts[0]:F1} s to {starts[^1]:F1} s into the rush, the middle 90% within " +
                              $"{starts[(int)(0.95 * (starts.Length - 1))] - starts[(int)(0.05 * (starts.Length - 1))]:F2} s");

        var bare = await BareUpsert(postgres.MigrationsConnectionString, oneByOne ? 1 : applicants, applicants * (savesEach + 1), pause);
        Console.WriteLine($"bare Npgsql upsert endpoint, same clients{(oneByOne ? " (one at a time)" : "")} and pauses: {bare.Requests} requests in {bare.Seconds:F2} s = {bare.Requests / bare.Seconds:F0} req/s, " +
                          $"p50 {bare.P50:F1} ms, p95 {bare.P95:F1} ms, errors {bare.Errors}");
        // Printed after the bare endpoint's run, which the profile also times: its server time is the ratios' baseline.
        profile?.Print();
        var appRequests = saveTimes.Count + submitTimes.Count;
        Console.WriteLine($"TrustFund save+submit: {appRequests} requests in {rushSeconds:F2} s = {appRequests / rushSeconds:F0} req/s (the wall time also includes the page loads and uploads between them)");
        return;

        async Task RushOneByOne()
        {
            foreach (var (session, i) in sessions.Select((session, i) => (session, i))) await Rush(i, session.Http, session.Draft);
        }

        async Task<(HttpClient Http, string Draft)> SignInAndStart(int i)
        {
            var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
            await Post(http, "/account/login", "/account/login", new() { ["Email"] = $"ngo{i}@rush.test", ["Password"] = Password });
            // The eligibility questions come first; every answer yes starts the draft and leads to its task list (/apply/{id}).
            var started = await Post(http, $"/apply/start/{callId}", $"/apply/start/{callId}", new()
            {
                ["NonProfitRegisteredInCountry"] = "true", ["RegisteredLongEnough"] = "true", ["AssistsVictimsLongEnough"] = "true",
                ["BankAccountInOrganisationName"] = "true", ["HasPseaMeasures"] = "true", ["DirectlyResponsible"] = "true",
            });
            return (http, started.Headers.Location!.OriginalString);
        }

        async Task Rush(int i, HttpClient http, string draft)
        {
            try
            {
                if (pause > TimeSpan.Zero) await Task.Delay(Random.Shared.Next((int)pause.TotalMilliseconds)); // not all in step
                for (var s = 0; s < savesEach; s++)
                {
                    var form = await Page(http, draft + "/project");
                    var fields = new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = form.Token, ["Version"] = form.Version, ["Project.Title"] = $"Shelter {i} v{s}",
                        ["Project.ImplementationCountryIso2"] = "CO", ["Project.Objectives"] = "Objectives", ["Project.Activities"] = "Activities",
                        ["Project.WorkPlan"] = "Plan", ["Project.StartDate"] = "2027-03-01", ["Project.EndDate"] = "2028-02-29",
                    };
                    if (pause > TimeSpan.Zero) await Task.Delay(pause);
                    var watch = Stopwatch.StartNew();
                    var saved = await Send(http, draft + "/project?handler=Autosave", () => new FormUrlEncodedContent(fields));
                    saveTimes.Add(watch.Elapsed.TotalMilliseconds);
                    if (!saved.IsSuccessStatusCode) errors.Add($"save {i}/{s}: {(int)saved.StatusCode}");
                    // The pipeline's floor beside the autosave: a signed-in form post with its token that reads nothing
                    // from the database (stay signed in), so the profile splits the autosave's time into pipeline and use case.
                    if (profiling)
                        await Send(http, "/account/keep-alive", () => new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token }));
                }
                await Fill(http, draft);
                var review = await Page(http, draft + "/review");
                submitStarts.Add(clock.Elapsed.TotalSeconds);
                var submitWatch = Stopwatch.StartNew();
                var submit = await Send(http, draft + "/review?handler=Submit", () => new FormUrlEncodedContent(new Dictionary<string, string>
                    { ["__RequestVerificationToken"] = review.Token, ["__IdempotencyKey"] = review.Key }));
                submitTimes.Add(submitWatch.Elapsed.TotalMilliseconds);
                if (submit.StatusCode != HttpStatusCode.Redirect) errors.Add($"submit {i}: {(int)submit.StatusCode}");
                else acknowledged.Add(Guid.Parse(draft.Split('/').Last()));
            }
            catch (Exception e)
            {
                errors.Add($"applicant {i}: {e.GetType().Name} {e.Message}");
            }
            finally
            {
                http.Dispose();
            }
        }

        async Task Fill(HttpClient http, string draft)
        {
            var beneficiaries = await Page(http, draft + "/beneficiaries");
            await Send(http, draft + "/beneficiaries", () => new FormUrlEncodedContent(new Dictionary<string, string>
                { ["__RequestVerificationToken"] = beneficiaries.Token, ["Version"] = beneficiaries.Version, ["B.FORCED_LABOUR.Female.Adult"] = "20" }));
            var budget = await Page(http, draft + "/budget");
            await Send(http, draft + "/budget", () => new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = budget.Token, ["Version"] = budget.Version,
                ["Budget[0].Category"] = "DirectAssistance", ["Budget[0].Description"] = "Shelter", ["Budget[0].Amount"] = "39000",
                ["Budget[1].Category"] = "OfficeRunningCosts", ["Budget[1].Description"] = "Rent", ["Budget[1].Amount"] = "1000",
            }));
            var declaration = await Page(http, draft + "/declaration");
            await Send(http, draft + "/declaration", () => new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = declaration.Token, ["Version"] = declaration.Version, ["Declaration.Accepted"] = "true",
                ["Declaration.SignatoryName"] = "Director",
            }));
            foreach (var type in new[] { "RegistrationCertificate", "AuditedFinancialStatements", "ReferenceLetter1", "ReferenceLetter2" })
            {
                var attachments = await Page(http, draft + "/attachments");
                await Send(http, draft + "/attachments?handler=Upload", () => new MultipartFormDataContent
                {
                    { new StringContent(attachments.Token), "__RequestVerificationToken" }, { new StringContent(type), "UploadType" },
                    { new ByteArrayContent(pdf), "Upload", type + ".pdf" },
                });
            }
        }

        async Task<HttpResponseMessage> Post(HttpClient http, string url, string pageUrl, Dictionary<string, string> fields)
        {
            var page = await Page(http, pageUrl);
            fields["__RequestVerificationToken"] = page.Token;
            if (page.Key.Length > 0) fields["__IdempotencyKey"] = page.Key;
            return await Send(http, url, () => new FormUrlEncodedContent(fields));
        }

        async Task<(string Token, string Version, string Key)> Page(HttpClient http, string url)
        {
            if (pause > TimeSpan.Zero) await Task.Delay(pause); // reading and typing
            using var response = await Send(http, url, null);
            if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"GET {url}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            // Source-generated patterns: the load generator shares the two cores with the app, so it spends as little as it can.
            var token = TokenField().Match(html).Groups[1].Value;
            var version = VersionField().Match(html).Groups[1].Value;
            var key = KeyField().Match(html).Groups[1].Value;
            return (WebUtility.HtmlDecode(token), version, key);
        }

        // A GET (content null) or a POST of the content made anew for each attempt. In fault mode a 503 (or a connection
        // the restart dropped) is answered as a browser honouring Retry-After would: the same request again.
        async Task<HttpResponseMessage> Send(HttpClient http, string url, Func<HttpContent>? content)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(content is null ? HttpMethod.Get : HttpMethod.Post, url) { Content = content?.Invoke() };
                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request);
                }
                catch (HttpRequestException e) when (fault && attempt < 240)
                {
                    answers.AddOrUpdate("no answer (" + e.HttpRequestError + ")", 1, (_, n) => n + 1);
                    await Task.Delay(250);
                    continue;
                }
                var unavailable = response.StatusCode == HttpStatusCode.ServiceUnavailable;
                answers.AddOrUpdate(unavailable && response.Headers.RetryAfter is null ? "503 without Retry-After" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                    1, (_, n) => n + 1);
                if (fault && (int)response.StatusCode >= 500 && !unavailable) withoutAnswer.Add($"{request.Method} {url}: {(int)response.StatusCode}");
                if (!fault || !unavailable) return response;
                if (attempt >= 240)
                {
                    withoutAnswer.Add($"{request.Method} {url}: still 503 after a minute");
                    return response;
                }
                response.Dispose();
                await Task.Delay(250);
            }
        }

        // Stops PostgreSQL when a third of the saves are done, for three seconds, unless the rush ends first.
        async Task Restart(Task rush)
        {
            while (saveTimes.Count < applicants * savesEach / 3 && !rush.IsCompleted) await Task.Delay(20);
            if (rush.IsCompleted) return;
            Console.WriteLine($"fault: PostgreSQL stopped {clock.Elapsed.TotalSeconds:F1} s into the rush, {saveTimes.Count} saves and {submitTimes.Count} submissions done");
            postgres.StopServer();
            await Task.Delay(TimeSpan.FromSeconds(3));
            try
            {
                postgres.StartServer();
            }
            catch (NpgsqlException e)
            {
                // The server is up; its start-up check of the roles (which exist) met the clients' reconnecting storm.
                Console.WriteLine($"fault: the roles check after the restart failed ({e.Message}); the server runs");
            }
            Console.WriteLine($"fault: PostgreSQL started again {clock.Elapsed.TotalSeconds:F1} s into the rush");
        }

        static void Report(string what, ConcurrentBag<double> times, double seconds)
        {
            var sorted = times.Order().ToArray();
            if (sorted.Length == 0) { Console.WriteLine($"{what}: no samples"); return; }
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.WriteLine($"{what}: n={sorted.Length} p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms");
        }

        static async Task<Guid> Seed(IServiceProvider services, int count)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var now = DateTimeOffset.UtcNow;
            var call = new Call("rush", new CallTerms(new LocalizedText("Rush"), new LocalizedText("Rush"), FundingWindow.MediumTerm, 10_000_000,
                20_000, 60_000, 24, now.AddDays(2), "Europe/Vienna", now.AddDays(1)), now);
            call.Publish(now);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            for (var i = 0; i < count; i++)
            {
                var organisation = new Organisation($"Rush NGO {i}", "CO", now);
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync();
                var user = new ApplicationUser { UserName = $"ngo{i}@rush.test", Email = $"ngo{i}@rush.test", EmailConfirmed = true, DisplayName = $"NGO {i}", OrganisationId = organisation.Id };
                await users.CreateAsync(user, Password);
                await users.AddToRoleAsync(user, Roles.Applicant);
            }
            return call.Id;
        }

        static async Task<(int Requests, double Seconds, double P50, double P95, int Errors)> BareUpsert(string connectionString, int clients, int requestsEach, TimeSpan pause)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using (var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS bench_drafts (id int PRIMARY KEY, title text, version int)"))
                await create.ExecuteNonQueryAsync();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            await using var bare = builder.Build();
            bare.MapPost("/upsert/{id:int}", async (int id, HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                await using var command = dataSource.CreateCommand(
                    "INSERT INTO bench_drafts (id, title, version) VALUES ($1, $2, 1) ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, version = bench_drafts.version + 1");
                command.Parameters.AddWithValue(id);
                command.Parameters.AddWithValue(form["title"].ToString());
                await command.ExecuteNonQueryAsync();
                return Results.Ok();
            });
            await bare.StartAsync();
            var url = bare.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var times = new ConcurrentBag<double>();
            var errors = 0;
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                // The same pacing as the applicants' timed posts, so both latencies are read at the same offered rate.
                if (pause > TimeSpan.Zero) await Task.Delay(Random.Shared.Next((int)pause.TotalMilliseconds));
                for (var r = 0; r < requestsEach / clients; r++)
                {
                    if (pause > TimeSpan.Zero) await Task.Delay(pause);
                    var one = Stopwatch.StartNew();
                    var response = await http.PostAsync($"/upsert/{c}", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = $"Shelter {c} v{r}" }));
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                    times.Add(one.Elapsed.TotalMilliseconds);
                }
            }));
            var seconds = watch.Elapsed.TotalSeconds;
            await bare.StopAsync();
            var sorted = times.Order().ToArray();
            return (sorted.Length, seconds, sorted[(int)Math.Ceiling(0.50 * sorted.Length) - 1], sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1], errors);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"__IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();
}

/// <summary>EF Core's own counters of its compiled-query cache (meter "Microsoft.EntityFrameworkCore", observable counters).</summary>
internal static class EfQueryCache
{
    public static (long Hits, long Misses) Read()
    {
        long hits = 0, misses = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name.EndsWith("compiled_query_cache_hits", StringComparison.Ordinal)) hits = value;
            else if (instrument.Name.EndsWith("compiled_query_cache_misses", StringComparison.Ordinal)) misses = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return (hits, misses);
    }
}

/// <summary>
/// The processor time of the embedded PostgreSQL's processes (the server and its backends: every process whose command
/// line names the data directory or whose parent is the server), from Linux's /proc; -1 where there is no /proc. A
/// backend that ended during the rush takes its time with it, so the figure is a lower bound; the pool keeps its
/// connections, so few end.
/// </summary>
internal static class PostgresProcessorTime
{
    public static double Of(string dataDirectory)
    {
        if (!Directory.Exists("/proc")) return -1;
        var ticksPerSecond = 100.0; // USER_HZ on Linux
        var server = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim();
        double seconds = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid != server && fields[1] != server) continue; // fields: state, ppid, ..., utime (12th after the name), stime
                seconds += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ticksPerSecond;
            }
            catch (IOException)
            {
                // the process ended while it was being read
            }
        }
        return seconds;
    }
}
