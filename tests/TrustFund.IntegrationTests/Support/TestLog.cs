using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace TrustFund.IntegrationTests.Support;

/// <summary>What the application logged during the run (Information and above), for tests that check the security log.</summary>
public sealed class TestLog : ILoggerProvider
{
    public sealed record Entry(string Category, int EventId, LogLevel Level, string Message, Exception? Exception = null);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToList();

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        // The application's own categories, and the framework's warnings (a refused antiforgery token, say): the
        // framework's information would fill memory over a run.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Information && category.StartsWith("TrustFund.", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue(new Entry(category, eventId.Id, logLevel, formatter(state, exception), exception));
        }
    }
}

/// <summary>
/// The test server has no TCP connection, so no client address; a test names one with this header, the way the
/// network would supply it. Runs before the application's own middleware (forwarded headers, rate limits).
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
            return nextMiddleware(context);
        });
        next(app);
    };
}
