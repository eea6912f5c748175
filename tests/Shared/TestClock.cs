using System.Diagnostics;

namespace TrustFund.Testing;

/// <summary>
/// The application's clock in tests. It starts at <see cref="Start"/>, a fixed instant, never at the machine's time:
/// what a test checks must not depend on the day, hour, month or time zone the suite happens to run in (issue 11: a
/// term built from "today" lost a day to the leap day of 2024 every winter). Tests that need "a date in the future"
/// take it from this clock. Unlike FakeTimeProvider it may be set back, because one app serves every test.
/// <para>
/// Frozen by default (integration tests move it by hand). A ticking clock (the browser tests' app, where pages and
/// people need time to pass) starts at its instant and then advances with the real elapsed time.
/// </para>
/// </summary>
public sealed class TestClock(bool ticking = false) : TimeProvider
{
    /// <summary>
    /// A Wednesday morning in Vienna, away from daylight-saving changes and leap days, and after the last fixed date of
    /// the demo data (its contributions of November 2026, which the browser tests' app seeds and which must not lie
    /// in the future). Tests that are about calendar edges set those instants themselves (see the calendar tests).
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private DateTimeOffset _setAt = Start;
    private long _setAtTimestamp = Stopwatch.GetTimestamp();
    private readonly Lock _lock = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return ticking ? _setAt + Stopwatch.GetElapsedTime(_setAtTimestamp) : _setAt;
    }

    /// <summary>The app never asks for the machine's zone; if anything does, it gets UTC, not the machine's TZ.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset now)
    {
        lock (_lock)
        {
            _setAt = now.ToUniversalTime();
            _setAtTimestamp = Stopwatch.GetTimestamp();
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) _setAt += by;
    }

    public void Reset() => SetUtcNow(Start);
}
