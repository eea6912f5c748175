using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        var small = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 1), SessionFormat.Remote, []));
        foreach (var id in ids.Skip(3)) await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted."));
        var large = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 2), SessionFormat.Remote, []));
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

    private static async Task<int> StatementsFor(Func<Task<string>> request)
    {
        using var counter = new SqlCounter();
        var html = await request();
        Assert.Contains("Running total", html);
        return counter.Count;
    }

    private sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public SqlCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Count => _count;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            // Background pollers (the e-mail outbox) run their own statements; count only the page's.
            if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data
                && !data.Command.CommandText.Contains("outbox", StringComparison.OrdinalIgnoreCase))
                Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            foreach (var s in _subscriptions) s.Dispose();
        }
    }
}
