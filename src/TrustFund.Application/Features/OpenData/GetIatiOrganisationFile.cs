using System.Xml.Linq;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using static TrustFund.Application.Features.OpenData.IatiXml;

namespace TrustFund.Application.Features.OpenData;

/// <summary>
/// The IATI 2.03 organisation file (/open-data/iati-organisation.xml): the fund's total budget per calendar year (the
/// signed grants' budgets, spread as in the activity file, so the two files agree) and its total expenditure per year
/// (disbursements less refunds, from the journal). The organisation standard has no transactions: the donors' incoming
/// commitments and funds are published in the fund's own activity of the activity file.
/// </summary>
public static class GetIatiOrganisationFile
{
    [AllowAnonymous]
    public sealed record Query : IQuery<byte[]>;

    public sealed class Handler(TrustFundDbContext db, OpenDataText text, IOptions<OpenDataOptions> options, TimeProvider clock)
        : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken ct) =>
            IatiRules.Publishable(await BuildAsync(db, text, options.Value, clock, ct), clock.Today());
    }

    internal static async Task<XDocument> BuildAsync(TrustFundDbContext db, OpenDataText text, OpenDataOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var grants = await db.GrantAgreements.AsNoTracking().Where(g => g.Status != GrantStatus.Draft)
            .Select(g => new { g.StartDate, g.EndDate, g.Amount }).ToListAsync(ct);
        var budgets = grants.SelectMany(g => GetIatiActivityFile.BudgetPeriods(g.StartDate, g.EndDate, g.Amount))
            .GroupBy(b => b.Start.Year).OrderBy(y => y.Key).Select(y => (Year: y.Key, Usd: y.Sum(b => b.Usd))).ToList();
        var spent = await db.JournalEntries.AsNoTracking()
            .Where(j => j.DocumentType == GrantAgreement.DocumentType
                && (j.EventType == JournalEventType.Disbursement || j.EventType == JournalEventType.Refund
                    || j.ReversedEventType == JournalEventType.Disbursement || j.ReversedEventType == JournalEventType.Refund))
            .Select(j => new { j.ValueDate, Type = j.ReversedEventType ?? j.EventType, j.UsdAmount }).ToListAsync(ct);
        var expenditure = spent.GroupBy(s => s.ValueDate.Year).OrderBy(y => y.Key)
            .Select(y => (Year: y.Key, Usd: y.Sum(s => s.Type == JournalEventType.Refund ? -s.UsdAmount : s.UsdAmount))).ToList();
        var unodc = text.T(options.ReportingOrgName);

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("iati-organisations", new XAttribute("version", StandardVersion), new XAttribute("generated-datetime", DateTime(now)),
                new XElement("iati-organisation",
                    new XAttribute("last-updated-datetime", DateTime(now)), Lang("en"), new XAttribute("default-currency", "USD"),
                    new XElement("organisation-identifier", options.ReportingOrgRef),
                    new XElement("name", Narratives(unodc)),
                    new XElement("reporting-org", new XAttribute("ref", options.ReportingOrgRef), new XAttribute("type", options.ReportingOrgType),
                        Narratives(unodc)),
                    budgets.Select(b => new XElement("total-budget", new XAttribute("status", "2"),
                        Period("period-start", new DateOnly(b.Year, 1, 1)), Period("period-end", new DateOnly(b.Year, 12, 31)),
                        Value(b.Usd, new DateOnly(b.Year, 1, 1)))),
                    // The current year's expenditure runs to today: IATI does not take spending reported for days still to come.
                    expenditure.Select(e => new XElement("total-expenditure",
                        Period("period-start", new DateOnly(e.Year, 1, 1)),
                        Period("period-end", e.Year < today.Year ? new DateOnly(e.Year, 12, 31) : today),
                        Value(e.Usd, new DateOnly(e.Year, 1, 1)))))));
    }
}
