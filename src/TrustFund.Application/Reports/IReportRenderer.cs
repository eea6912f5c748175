namespace TrustFund.Application.Reports;

/// <summary>
/// Turns a report's data into a finished document (PDF). One method per kind of document; the data records say
/// everything the document shows, so the same data always gives the same bytes.
/// </summary>
public interface IReportRenderer
{
    byte[] RenderCallsSummary(CallsSummaryData data);
}

/// <summary>The calls for proposals of one year, for the "Calls for proposals" summary.</summary>
public sealed record CallsSummaryData(string Title, int Year, DateTimeOffset IssuedAt, string IssuedBy,
    IReadOnlyList<CallsSummaryData.Line> Calls)
{
    /// <param name="WindowCode">SGP1 or SGP2.</param>
    /// <param name="Deadline">The instant; the renderer shows it in <paramref name="TimeZoneId"/>.</param>
    public sealed record Line(string Slug, string Title, string WindowCode, decimal Envelope, decimal MinGrant,
        decimal MaxGrant, int MaxDurationMonths, DateTimeOffset Deadline, string TimeZoneId, string Status);
}
