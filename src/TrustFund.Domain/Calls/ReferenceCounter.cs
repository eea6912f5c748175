namespace TrustFund.Domain.Calls;

/// <summary>
/// The last number handed out for one reference prefix (e.g. UNVTF-2026-SGP2): numbers run per year and window,
/// across all calls of that window, so a reference is unique however many calls a year has.
/// </summary>
public sealed class ReferenceCounter
{
    private ReferenceCounter() { }

    public string Prefix { get; private set; } = "";
    public int Last { get; private set; }
}
