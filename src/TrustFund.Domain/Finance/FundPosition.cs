namespace TrustFund.Domain.Finance;

/// <summary>
/// The fund's USD figures summed from the journal (each already net of its reversals). Cumulative totals give the
/// availability the grant work will check before raising an obligation (DOMAIN.md section 7).
/// </summary>
public sealed record FundPosition(decimal Received, decimal ObligationsRaised, decimal ObligationsLiquidated,
    decimal ObligationsReleased, decimal Disbursed, decimal Psc, decimal Refunds)
{
    public static readonly FundPosition Zero = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Cash the fund holds: received, less what left it, plus what grantees refunded.</summary>
    public decimal Cash => Received - Disbursed - Psc + Refunds;

    public decimal OpenObligations => ObligationsRaised - ObligationsLiquidated - ObligationsReleased;

    /// <summary>cash − open obligations − PSC on them − operating reserve (a share of contributions received).</summary>
    public decimal Available(FundSettings settings) =>
        Money.RoundToCents(Cash - OpenObligations * (1 + settings.PscRate) - Received * settings.OperatingReserveRate);

    public static FundPosition From(IEnumerable<(JournalEventType Type, decimal Usd)> sums)
    {
        var total = sums.GroupBy(s => s.Type).ToDictionary(g => g.Key, g => g.Sum(s => s.Usd));
        decimal Of(JournalEventType type) => total.GetValueOrDefault(type);
        return new FundPosition(Of(JournalEventType.ContributionReceived), Of(JournalEventType.ObligationRaised),
            Of(JournalEventType.ObligationLiquidated), Of(JournalEventType.ObligationReleased),
            Of(JournalEventType.Disbursement), Of(JournalEventType.PscCharge), Of(JournalEventType.Refund));
    }
}
