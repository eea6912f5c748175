namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// The application's clock in integration tests. Unlike FakeTimeProvider it may be set back, because one app
/// serves every test and each test starts again from the real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly Lock _lock = new();

    public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }

    public void SetUtcNow(DateTimeOffset now) { lock (_lock) _now = now.ToUniversalTime(); }

    public void Advance(TimeSpan by) { lock (_lock) _now += by; }

    public void Reset() => SetUtcNow(DateTimeOffset.UtcNow);
}
