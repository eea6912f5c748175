using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Sessions;

/// <summary>The board pack must cost a fixed number of SQL statements whatever the size of the agenda (no N+1).</summary>
public sealed class BoardPackQueryCountTests(TrustFundAppFactory app) : ReviewTest(app)
{
    [Fact]
    public async Task BoardPackPage_TwiceTheAgenda_SameNumberOfSqlStatements()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var reviewers = new[] { Of(board, "JP"), Of(board, "SE"), Of(board, "SN") };
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var id = await EligibleApplication(call.Id, $"Ngo {i}", i % 2 == 0 ? "BR" : "KE");
            foreach (var reviewer in reviewers)
            {
                await Send(new AssignReviewer.Command(id, reviewer.Id));
                await SendAs(reviewer, new DeclareConflict.Command(id, false, null));
                await SendAs(reviewer, new SaveAssessment.Command(id, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 1 + i % 5, null)).ToList(), true));
            }
            ids.Add(id);
        }
        foreach (var id in ids.Take(3)) await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted."));
        var small = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 1), SessionFormat.Remote, board.Select(t => t.Id).ToList()));
        // The small session's ballots close (without quorum) so that its applications may sit on the larger agenda too.
        await using (var db = App.NewDbContext())
            foreach (var ballot in await db.SessionBallots.Where(b => b.SessionId == small).Select(b => b.Id).ToListAsync())
                await Send(new CloseBallot.Command(ballot));
        foreach (var id in ids.Skip(3)) await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted."));
        var large = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 2), SessionFormat.Remote, board.Select(t => t.Id).ToList()));
        await using (var db = App.NewDbContext())
        {
            var ballot = await db.SessionBallots.FirstAsync(b => b.SessionId == large);
            await SendAs(Of(board, "JP"), new CastVote.Command(ballot.Id, VoteChoice.Approve));
        }
        var client = await SignedIn(Of(board, "JP"));
        await client.GetStringAsync($"/board/sessions/{small}"); // warm-up: sign-in checks, compiled views

        var smallCount = await StatementsFor(() => client.GetStringAsync($"/board/sessions/{small}"));
        var largeCount = await StatementsFor(() => client.GetStringAsync($"/board/sessions/{large}"));

        Assert.Equal(smallCount, largeCount);
        Assert.InRange(largeCount, 1, 20);
    }

    /// <summary>
    /// The benchmark data, in-process: a call with 400 shortlisted applications each scored by three reviewers.
    /// The rows are copied in SQL from one application built through the use cases, so the set-up stays quick.
    /// </summary>
    [Fact]
    public async Task BoardPackPage_400ApplicationsScoredByThree_RunsAFixedNumberOfStatements()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var reviewers = new[] { Of(board, "JP"), Of(board, "SE"), Of(board, "SN") };
        var template = await EligibleApplication(call.Id, "Template Ngo", "BR");
        foreach (var reviewer in reviewers)
        {
            await Send(new AssignReviewer.Command(template, reviewer.Id));
            await SendAs(reviewer, new DeclareConflict.Command(template, false, null));
            await SendAs(reviewer, new SaveAssessment.Command(template, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 3, "Fine")).ToList(), true));
        }
        await Send(new DecideSelection.Command(template, Selection.Shortlist, "Shortlisted."));
        await using (var db = App.NewDbContext())
        {
            async Task<string> Columns(string table, params string[] except) => string.Join(", ",
                (await db.Database.SqlQuery<string>($"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_schema = 'public' AND table_name = {table} ORDER BY ordinal_position").ToListAsync())
                .Where(c => !except.Contains(c) && c != "xmin"));
            var applicationColumns = await Columns("applications", "id", "organisation_id", "reference_number");
            var assessmentColumns = await Columns("assessments", "id", "application_id");
            var sql = $"""
                CREATE TEMP TABLE bench AS SELECT gen_random_uuid() AS org, gen_random_uuid() AS app, n FROM generate_series(1, 399) n;
                INSERT INTO organisations (id, legal_name, country_iso2, created_at, profile)
                  SELECT b.org, 'Bench Ngo ' || b.n, (ARRAY['CO','SN','JP','UA','SE','BR','KE','IN'])[1 + b.n % 8], o.created_at, o.profile
                  FROM bench b, organisations o, applications a WHERE a.id = '{template}' AND o.id = a.organisation_id;
                INSERT INTO applications (id, organisation_id, reference_number, {applicationColumns})
                  SELECT b.app, b.org, 'BENCH-' || b.n, {applicationColumns} FROM bench b, applications WHERE applications.id = '{template}';
                INSERT INTO assessments (id, application_id, {assessmentColumns})
                  SELECT gen_random_uuid(), b.app, {assessmentColumns} FROM bench b, assessments WHERE assessments.application_id = '{template}';
                DROP TABLE bench;
                """;
            await db.Database.ExecuteSqlRawAsync(sql);
            Assert.Equal(1200, await db.Assessments.CountAsync());
        }
        var session = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 1), SessionFormat.Remote, board.Select(t => t.Id).ToList()));
        var client = await SignedIn(Of(board, "JP"));
        var url = $"/board/sessions/{session}";
        for (var i = 0; i < 10; i++) await client.GetStringAsync(url); // warm-up: JIT, compiled views, connection pool

        // Timing belongs in a benchmark, not a test (a loaded CI machine would make it flaky); the statement count
        // is what stays fixed, whatever the number of applications.
        Assert.InRange(await StatementsFor(() => client.GetStringAsync(url)), 1, 20);
        Assert.Contains("BENCH-399", await client.GetStringAsync(url));
    }

    private static async Task<int> StatementsFor(Func<Task<string>> request)
    {
        using var counter = new SqlCounter();
        var html = await request();
        Assert.Contains("Running total", html);
        return counter.Count;
    }

    /// <summary>
    /// Counts the statements Npgsql runs while it lives, from Npgsql's own activities: EF's diagnostic events would do
    /// too, but a pooled context caches for a second whether anyone listens, and would miss a counter this recent.
    /// </summary>
    private sealed class SqlCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public SqlCounter()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = Stopped,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => _count;

        private void Stopped(Activity activity)
        {
            // Background pollers (the e-mail outbox, Hangfire) run their own statements; count only the page's.
            var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string ?? "";
            if (text.Length > 0 && !text.Contains("outbox", StringComparison.OrdinalIgnoreCase) && !text.Contains("hangfire", StringComparison.OrdinalIgnoreCase))
                Interlocked.Increment(ref _count);
        }

        public void Dispose() => _listener.Dispose();
    }
}
