namespace TrustFund.Application.Reports;

/// <summary>
/// Turns a report's data into a finished document (PDF). One method per kind of document; the data records say
/// everything the document shows, so the same data always gives the same bytes.
/// </summary>
public interface IReportRenderer
{
    byte[] RenderCallsSummary(CallsSummaryData data);

    byte[] RenderDonorStatement(DonorStatementData data);
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

/// <summary>
/// One donor's statement for a period: its pledges made in the period, the journal's contribution entries for it in the
/// period (receipts and any reversals, so the total is the journal's), its earmarks and, once grants exist, what they funded.
/// </summary>
public sealed record DonorStatementData(string Title, string DonorName, string DonorKind, string? DonorCountry, DateOnly From,
    DateOnly To, DateTimeOffset IssuedAt, string IssuedBy, IReadOnlyList<DonorStatementData.PledgeLine> Pledges,
    IReadOnlyList<DonorStatementData.ReceiptLine> Receipts, decimal JournalReceivedUsd,
    IReadOnlyList<DonorStatementData.EarmarkLine> Earmarks, IReadOnlyList<DonorStatementData.FundedGrantLine> FundedGrants)
{
    /// <param name="UnitsPerUsd">The UNORE rate in force on the pledge date (units of the currency per USD).</param>
    public sealed record PledgeLine(DateOnly PledgedOn, decimal Amount, string Currency, decimal UnitsPerUsd, decimal Usd,
        string? EarmarkPurpose);

    /// <param name="IsReversal">A correction cancelling an earlier receipt; its amounts are negative.</param>
    public sealed record ReceiptLine(DateOnly ValueDate, string Reference, decimal Amount, string Currency, decimal UnitsPerUsd,
        decimal Usd, bool IsReversal);

    /// <param name="ReceivedUsd">Received against the earmarked pledges in the period, from the journal.</param>
    public sealed record EarmarkLine(string Purpose, decimal PledgedUsd, decimal ReceivedUsd);

    /// <summary>A grant paid from this donor's earmarked money. Filled once grants are recorded (the grants work).</summary>
    public sealed record FundedGrantLine(string Reference, string Grantee, string Country, string Earmark, decimal Usd);
}
