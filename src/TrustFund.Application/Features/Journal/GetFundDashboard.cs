using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.Journal;

/// <summary>
/// The fund's figures per calendar (= fiscal) year, each summed from the journal by value date, reversals included;
/// "pledged, not received" is the only figure that also needs the pledges (a pledge is a promise, not a journal event).
/// </summary>
public static class GetFundDashboard
{
    [Authorize(Roles.FundManager)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Year> Years, Year Total, decimal PscRate, decimal OperatingReserveRate);

    /// <summary>
    /// Flows of one year; <see cref="AvailableAtEnd"/> is the cumulative availability at the year's end (cash received −
    /// open obligations − PSC on them − operating reserve) and <see cref="OpenObligationsAtEnd"/> the obligations still open then.
    /// </summary>
    public sealed record Year(int Number, decimal Received, decimal PledgedNotReceived, decimal Obligated, decimal Disbursed,
        decimal Psc, decimal Refunds, decimal OpenObligationsAtEnd, decimal AvailableAtEnd);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var settings = await db.FundSettingsAsync(ct);
            var sums = await db.JournalEntries.AsNoTracking()
                .GroupBy(j => new { j.ValueDate.Year, Type = j.ReversedEventType ?? j.EventType })
                .Select(g => new { g.Key.Year, g.Key.Type, Usd = g.Sum(j => j.UsdAmount) })
                .ToListAsync(ct);

            var pledges = await db.Pledges.AsNoTracking().ToListAsync(ct);
            var received = await db.ReceivedByPledgeAsync(db.Pledges, ct);
            var unpaid = pledges.GroupBy(p => p.PledgedOn.Year).ToDictionary(g => g.Key,
                g => g.Sum(p => p.OutstandingUsd(p.Amount - received.GetValueOrDefault(p.Id).Amount)));

            var years = sums.Select(s => s.Year).Concat(unpaid.Keys).Distinct().Order().ToList();
            var rows = new List<Year>();
            foreach (var year in years)
            {
                var flows = FundPosition.From(sums.Where(s => s.Year == year).Select(s => (s.Type, s.Usd)));
                var toDate = FundPosition.From(sums.Where(s => s.Year <= year).Select(s => (s.Type, s.Usd)));
                rows.Add(new Year(year, flows.Received, unpaid.GetValueOrDefault(year), flows.ObligationsRaised, flows.Disbursed,
                    flows.Psc, flows.Refunds, toDate.OpenObligations, toDate.Available(settings)));
            }
            var all = FundPosition.From(sums.Select(s => (s.Type, s.Usd)));
            var total = new Year(0, all.Received, unpaid.Values.Sum(), all.ObligationsRaised, all.Disbursed, all.Psc, all.Refunds,
                all.OpenObligations, all.Available(settings));
            return new Result(rows, total, settings.PscRate, settings.OperatingReserveRate);
        }
    }
}
