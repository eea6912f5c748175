using TrustFund.Domain.Common;

namespace TrustFund.Domain.Finance;

/// <summary>
/// The fund's financial parameters. A database row rather than configuration: the fund manager can change them
/// without a deployment, every change lands in the audit trail with who and when, and a second fund would simply be
/// a second row. There is one fund today, so the row has a fixed id.
/// </summary>
public sealed class FundSettings
{
    public const int TheFund = 1;
    public const decimal DefaultPscRate = 0.13m;
    public const decimal DefaultOperatingReserveRate = 0m;

    private FundSettings() { }

    public FundSettings(int id, decimal pscRate, decimal operatingReserveRate)
    {
        Id = id;
        Change(pscRate, operatingReserveRate);
    }

    public int Id { get; private set; }

    /// <summary>Programme support cost charged on expenditure, as a fraction (0.13 = 13%).</summary>
    public decimal PscRate { get; private set; }

    /// <summary>Share of contributions received held back from obligations, as a fraction (0 by default).</summary>
    public decimal OperatingReserveRate { get; private set; }

    public void Change(decimal pscRate, decimal operatingReserveRate)
    {
        if (pscRate is < 0 or > 1) throw new DomainException("The programme support cost rate must be between 0% and 100%.");
        if (operatingReserveRate is < 0 or > 1) throw new DomainException("The operating reserve must be between 0% and 100%.");
        PscRate = pscRate;
        OperatingReserveRate = operatingReserveRate;
    }
}
