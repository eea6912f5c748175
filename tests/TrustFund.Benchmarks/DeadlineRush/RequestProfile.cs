using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

/// <summary>
/// Where the time goes, per kind of request (RUSH_PROFILE=1): server time from the ASP.NET Core request activity and
/// the number of SQL statements Npgsql ran under it, and the bytes allocated meanwhile. Server time under load includes waiting for a core, so read it
/// next to a run with one applicant (<c>-- 1 50</c>), where it is the cost of the request alone.
/// </summary>
public sealed partial class RequestProfile : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<string, ConcurrentBag<(double Ms, int Statements, long Allocated)>> samples = new();
    private readonly ConcurrentDictionary<Activity, StrongBox> statements = new();
    // The SQL of the last request of each kind, to read what a request asks the database (printed with RUSH_PROFILE_SQL=1).
    private readonly ConcurrentDictionary<Activity, ConcurrentQueue<(string Text, double Ms)>> texts = new();
    private readonly ConcurrentDictionary<string, (string Text, double Ms)[]> lastTexts = new();
    // Per kind of request, the time each statement (by its place in the request) took, summed: which one waits under load.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, StatementTime>> statementTimes = new();

    private sealed class StatementTime { public double Ms; public int Count; }

    // Bytes the whole process allocated from the request's start: the request's own when requests come one at a time
    // (-- 1 N, or RUSH_ONE_BY_ONE=1), including the load generator's share of sending it and reading its answer. Not the
    // precise count: that one suspends every thread of the runtime to read it, twice a request, inside the requests it
    // times; the quick count leaves out what the threads' current allocation buffers (a few KiB each) hold, so it is
    // right to within a few KiB. (One applicant alone read the same server times with either, within their noise.)
    private sealed class StrongBox { public int Count; public readonly long AllocatedAtStart = GC.GetTotalAllocatedBytes(); }

    public RequestProfile()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a => { if (a.Source.Name == "Microsoft.AspNetCore") statements[a] = new StrongBox(); },
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name == "Npgsql")
        {
            var root = activity;
            while (root.Parent is { } parent) root = parent;
            if (!statements.TryGetValue(root, out var box)) return;
            Interlocked.Increment(ref box.Count);
            var text = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement");
            texts.GetOrAdd(root, _ => new()).Enqueue((text as string ?? activity.DisplayName, activity.Duration.TotalMilliseconds));
            return;
        }
        if (!statements.TryRemove(activity, out var count)) return;
        var kind = activity.GetTagItem(KindTag) as string ?? activity.DisplayName;
        if (texts.TryRemove(activity, out var sql))
        {
            lastTexts[kind] = [.. sql];
            var times = statementTimes.GetOrAdd(kind, _ => new());
            foreach (var (statement, index) in sql.Select((s, i) => (s, i)))
            {
                var time = times.GetOrAdd(index, _ => new StatementTime());
                lock (time) { time.Ms += statement.Ms; time.Count++; }
            }
        }
        samples.GetOrAdd(kind, _ => []).Add((activity.Duration.TotalMilliseconds, count.Count, GC.GetTotalAllocatedBytes() - count.AllocatedAtStart));
    }

    public const string KindTag = "rush.kind";

    /// <summary>Names the request on its activity: method, path with ids replaced, page handler.</summary>
    public static string KindOf(string method, string path, string query)
    {
        var handler = HandlerPattern().Match(query) is { Success: true } m ? "?handler=" + m.Groups[1].Value : "";
        return $"{method} {IdPattern().Replace(path, "{id}")}{handler}";
    }

    public void Print()
    {
        Console.WriteLine("server time and SQL statements per kind of request:");
        foreach (var (kind, bag) in samples.OrderByDescending(s => s.Value.Sum(x => x.Ms)))
        {
            var ms = bag.Select(x => x.Ms).Order().ToArray();
            Console.WriteLine($"  {kind,-50} n={ms.Length,5} mean {ms.Average(),7:F1} ms  p50 {ms[ms.Length / 2],7:F1} ms  " +
                              $"total {ms.Sum() / 1000,6:F1} s  statements {bag.Average(x => x.Statements):F1}  allocated p50 {Median(bag.Select(x => x.Allocated)) / 1024} KiB");
            if (Environment.GetEnvironmentVariable("RUSH_PROFILE_SQL") == "1" && lastTexts.TryGetValue(kind, out var sql))
                foreach (var (statement, index) in sql.Select((s, i) => (s, i)))
                {
                    var mean = statementTimes.TryGetValue(kind, out var times) && times.TryGetValue(index, out var t) ? t.Ms / t.Count : 0;
                    Console.WriteLine($"      [{mean,7:F2} ms mean] " + string.Join(' ', statement.Text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)));
                }
        }
    }

    private static long Median(IEnumerable<long> values) => values.Order().ElementAt(values.Count() / 2);

    public void Dispose() => listener.Dispose();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdPattern();

    [GeneratedRegex("handler=([A-Za-z]+)")]
    private static partial Regex HandlerPattern();
}

/// <summary>Tags each request's activity with its kind, for <see cref="RequestProfile"/>.</summary>
internal sealed class NameRequestKinds : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            Activity.Current?.SetTag(RequestProfile.KindTag,
                RequestProfile.KindOf(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? ""));
            return following(context);
        });
        next(app);
    };
}
