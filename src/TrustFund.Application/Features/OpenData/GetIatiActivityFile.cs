using System.Xml.Linq;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Domain.Common;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using static TrustFund.Application.Features.OpenData.IatiXml;

namespace TrustFund.Application.Features.OpenData;

/// <summary>
/// The IATI 2.03 activity file (/open-data/iati-activities.xml), regenerated from the journal and the grants on every
/// request. One activity for the fund itself, carrying the donors' incoming commitments (11, the pledges) and incoming
/// funds (1, the receipts): the IATI organisation file has no transactions, so this is where a reader traces a donor's
/// money in. Then one activity per signed grant, its child: outgoing commitments (2) from the obligations, disbursements
/// (3) from the payments (a refund is a negative disbursement), expenditure (4) from the accepted financial reports,
/// budgets per calendar year and the victims assisted from the accepted narrative reports. Open to everyone: the file
/// holds only what the public grants page shows, with the withheld names already replaced.
/// </summary>
public static class GetIatiActivityFile
{
    [AllowAnonymous]
    public sealed record Query : IQuery<byte[]>;

    public sealed class Handler(TrustFundDbContext db, OpenDataText text, IOptions<OpenDataOptions> options, TimeProvider clock)
        : IQueryHandler<Query, byte[]>
    {
        public async ValueTask<byte[]> Handle(Query query, CancellationToken ct) =>
            IatiRules.Publishable(await BuildAsync(db, text, options.Value, clock, ct), clock.Today());
    }

    public static string Identifier(OpenDataOptions options, string grantReference) => $"{options.ReportingOrgRef}-{grantReference}";

    internal static async Task<XDocument> BuildAsync(TrustFundDbContext db, OpenDataText text, OpenDataOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var grants = await PublicGrants.LoadAsync(db, text, ct);
        var grantIds = grants.Select(g => g.Id).ToList();
        var journal = await db.JournalEntries.AsNoTracking()
            .Where(j => (j.DocumentType == GrantAgreement.DocumentType && grantIds.Contains(j.DocumentId!.Value)) || j.DonorId != null)
            .OrderBy(j => j.Id).ToListAsync(ct);
        var reports = await db.GrantReports.AsNoTracking()
            .Where(r => grantIds.Contains(r.GrantId) && r.Status == GrantReportStatus.Accepted)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Kind).ToListAsync(ct);
        var donors = await db.Donors.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var pledges = await db.Pledges.AsNoTracking().OrderBy(p => p.PledgedOn).ThenBy(p => p.Id).ToListAsync(ct);
        var allocations = await db.EarmarkAllocations.AsNoTracking()
            .Where(a => a.WithdrawnAt == null && grantIds.Contains(a.GrantId)).ToListAsync(ct);
        var applications = grants.Select(g => g.ApplicationId).ToList();
        var projects = await db.Applications.AsNoTracking().Where(a => applications.Contains(a.Id))
            .Select(a => new { a.Id, a.Project, a.OrganisationId }).ToDictionaryAsync(a => a.Id, ct);
        // The grantee writes its project in its own language: that of its first account, the one that registered it.
        var organisations = grants.Select(g => g.OrganisationId).ToList();
        var granteeLanguages = (await db.Users.AsNoTracking().Where(u => u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value))
                .OrderBy(u => u.CreatedAt).Select(u => new { Organisation = u.OrganisationId!.Value, u.PreferredLanguage }).ToListAsync(ct))
            .GroupBy(u => u.Organisation).ToDictionary(g => g.Key, g => g.First().PreferredLanguage);

        var unodc = text.T(options.ReportingOrgName);
        XElement ReportingOrg() => new("reporting-org", new XAttribute("ref", options.ReportingOrgRef),
            new XAttribute("type", options.ReportingOrgType), Narratives(unodc));
        XElement Extending() => new("participating-org", new XAttribute("ref", options.ReportingOrgRef),
            new XAttribute("type", options.ReportingOrgType), new XAttribute("role", "3"), Narratives(unodc));
        LocalizedText DonorName(Donor donor) => donor.Kind == DonorKind.Individual ? text.T("A private donor") : new LocalizedText(donor.Name);

        var activities = new List<XElement>();
        if (pledges.Count > 0) activities.Add(FundActivity());
        activities.AddRange(grants.Select(GrantActivity));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("iati-activities", new XAttribute("version", StandardVersion), new XAttribute("generated-datetime", DateTime(now)), activities));

        XElement FundActivity()
        {
            var receipts = journal.Where(j => j.BalanceType == JournalEventType.ContributionReceived && j.DonorId is not null).ToList();
            var start = pledges.Select(p => p.PledgedOn).Concat(receipts.Select(r => r.ValueDate)).Min();
            var donorIds = pledges.Select(p => p.DonorId).Distinct().ToList();
            return new XElement("iati-activity",
                new XAttribute("last-updated-datetime", DateTime(now)), Lang("en"), new XAttribute("default-currency", "USD"),
                new XAttribute("hierarchy", "1"),
                new XElement("iati-identifier", options.FundActivityIdentifier),
                ReportingOrg(),
                new XElement("title", Narratives(text.T("United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, especially Women and Children"))),
                new XElement("description", new XAttribute("type", "1"), Narratives(text.T(
                    "The fund gives humanitarian, legal and financial aid to victims of trafficking in persons through non-governmental organizations (General Assembly resolution 64/293). Each grant it makes is published as a child activity."))),
                donorIds.Select(id => new XElement("participating-org", new XAttribute("role", "1"), DonorType(donors[id]),
                    Narratives(DonorName(donors[id])))),
                Extending(),
                new XElement("activity-status", new XAttribute("code", "2")),
                new XElement("activity-date", new XAttribute("type", "2"), new XAttribute("iso-date", Date(start))),
                new XElement("sector", new XAttribute("vocabulary", "1"), new XAttribute("code", options.SectorCode), new XAttribute("percentage", "100")),
                new XElement("default-finance-type", new XAttribute("code", "110")),
                pledges.Select(p => Transaction("11", p.PledgedOn, p.UsdEquivalent, Provider(donors[p.DonorId]), ReceiverUnodc())),
                receipts.Select(r => Transaction("1", r.ValueDate, r.UsdAmount, Provider(donors[r.DonorId!.Value]), ReceiverUnodc())),
                grants.Select(g => new XElement("related-activity", new XAttribute("ref", Identifier(options, g.ReferenceNumber)), new XAttribute("type", "2"))));
        }

        XElement GrantActivity(PublicGrant grant)
        {
            var entries = journal.Where(j => j.DocumentType == GrantAgreement.DocumentType && j.DocumentId == grant.Id).ToList();
            var grantReports = reports.Where(r => r.GrantId == grant.Id).ToList();
            var project = projects[grant.ApplicationId].Project;
            var language = granteeLanguages.GetValueOrDefault(grant.OrganisationId, "en");
            var funders = allocations.Where(a => a.GrantId == grant.Id)
                .Select(a => pledges.Single(p => p.Id == a.PledgeId).DonorId).Distinct()
                .Select(id => donors[id]).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
            var lastChange = entries.Select(e => e.RecordedAt).Concat(grantReports.Select(r => r.AcceptedAt!.Value)).DefaultIfEmpty(now).Max();
            var status = grant.ActivityStatus(today);
            var windowName = text.T(grant.Window.ToString());
            var generic = text.F("Assistance to victims of trafficking in persons in {0}", grant.Country);

            return new XElement("iati-activity",
                new XAttribute("last-updated-datetime", DateTime(lastChange)), Lang("en"), new XAttribute("default-currency", "USD"),
                new XAttribute("hierarchy", "2"),
                new XElement("iati-identifier", Identifier(options, grant.ReferenceNumber)),
                ReportingOrg(),
                // The project's own title and objectives may name the organisation: a withheld grant publishes neither.
                grant.NameWithheld || string.IsNullOrWhiteSpace(project.Title)
                    ? new XElement("title", Narratives(generic))
                    : new XElement("title", Narrative(project.Title.Trim(), language)),
                new XElement("description", new XAttribute("type", "1"), Narratives(text.F(
                    "A grant of the United Nations Voluntary Trust Fund for Victims of Trafficking in Persons ({0}), awarded under the call: {1}.",
                    windowName, grant.CallTitle))),
                grant.NameWithheld || string.IsNullOrWhiteSpace(project.Objectives)
                    ? null
                    : new XElement("description", new XAttribute("type", "2"), Narrative(project.Objectives.Trim(), language)),
                funders.Select(d => new XElement("participating-org", new XAttribute("role", "1"), DonorType(d), Narratives(DonorName(d)))),
                Extending(),
                new XElement("participating-org", new XAttribute("role", "4"), new XAttribute("type", "24"), Narratives(grant.Organisation)),
                new XElement("activity-status", new XAttribute("code", status)),
                ActivityDates(grant, today),
                new XElement("recipient-country", new XAttribute("code", grant.CountryIso2), new XAttribute("percentage", "100"), Narratives(grant.Country)),
                new XElement("sector", new XAttribute("vocabulary", "1"), new XAttribute("code", options.SectorCode), new XAttribute("percentage", "100")),
                new XElement("default-finance-type", new XAttribute("code", "110")),
                Budgets(grant),
                Transactions(grant, entries, grantReports),
                new XElement("related-activity", new XAttribute("ref", options.FundActivityIdentifier), new XAttribute("type", "1")),
                VictimsAssisted(grant, grantReports));
        }

        XElement Provider(Donor donor) => new("provider-org", DonorType(donor), Narratives(DonorName(donor)));
        XElement ReceiverUnodc() => new("receiver-org", new XAttribute("ref", options.ReportingOrgRef), new XAttribute("type", options.ReportingOrgType), Narratives(unodc));

        IEnumerable<XElement> Transactions(PublicGrant grant, List<JournalEntry> entries, List<GrantReport> grantReports)
        {
            var receiver = new XElement("receiver-org", new XAttribute("type", "24"), Narratives(grant.Organisation));
            // From the journal, reversals included: a reversal carries the negated amount of the entry it cancels.
            foreach (var entry in entries)
            {
                var (code, sign) = entry.BalanceType switch
                {
                    JournalEventType.ObligationRaised => ("2", 1),
                    JournalEventType.ObligationReleased => ("2", -1),
                    JournalEventType.Disbursement => ("3", 1),
                    JournalEventType.Refund => ("3", -1),
                    _ => ((string?)null, 0), // liquidations and programme support cost are the fund's internal books
                };
                if (code is not null) yield return Transaction(code, entry.ValueDate, sign * entry.UsdAmount, null, new XElement(receiver));
            }
            // The final financial report covers the whole grant, the interim one its first part (closure takes the final
            // report's total as the expenditure): so the final report adds only what it reports beyond the interim one.
            var reported = 0m;
            foreach (var report in grantReports.Where(r => r.Kind is GrantReportKind.InterimFinancial or GrantReportKind.FinalFinancial)
                         .OrderBy(r => r.Kind == GrantReportKind.FinalFinancial))
            {
                var spent = report.Financial?.SpentTotal ?? 0m;
                var added = report.Kind == GrantReportKind.FinalFinancial ? spent - reported : spent;
                reported += added;
                yield return Transaction("4", DateOnly.FromDateTime(report.AcceptedAt!.Value.UtcDateTime), added, null, new XElement(receiver));
            }
        }

        IEnumerable<XElement> Budgets(PublicGrant grant) => BudgetPeriods(grant.StartDate, grant.EndDate, grant.Amount)
            .Select(b => new XElement("budget", new XAttribute("type", "1"), new XAttribute("status", "2"),
                Period("period-start", b.Start), Period("period-end", b.End), Value(b.Usd, b.Start)));

        XElement? VictimsAssisted(PublicGrant grant, List<GrantReport> grantReports)
        {
            var narratives = grantReports.Where(r => r.IsNarrative && r.Narrative is not null)
                .OrderBy(r => r.Kind == GrantReportKind.FinalNarrative).ToList();
            if (narratives.Count == 0) return null;
            var periods = new List<XElement>();
            var from = grant.StartDate;
            foreach (var report in narratives)
            {
                var accepted = DateOnly.FromDateTime(report.AcceptedAt!.Value.UtcDateTime);
                var to = new[] { report.DueOn, grant.EndDate, accepted }.Min();
                if (to < from) to = from;
                var n = report.Narrative!;
                periods.Add(new XElement("period", Period("period-start", from), Period("period-end", to),
                    new XElement("actual", new XAttribute("value", n.BySex.Sum(c => c.Number))),
                    n.BySex.Select(c => Actual("sex", c)), n.ByAgeGroup.Select(c => Actual("age", c))));
                from = to.AddDays(1);
            }
            return new XElement("result", new XAttribute("type", "1"), new XAttribute("aggregation-status", "true"),
                new XElement("title", Narratives(text.T("Victims of trafficking assisted"))),
                new XElement("indicator", new XAttribute("measure", "1"), new XAttribute("ascending", "true"),
                    new XElement("title", Narratives(text.T("Victims assisted, by sex and age group (counts only)"))),
                    periods));
        }
    }

    private static XElement Actual(string dimension, ReportCount count) =>
        new("actual", new XAttribute("value", count.Number),
            new XElement("dimension", new XAttribute("name", dimension), new XAttribute("value", count.Code.ToLowerInvariant())));

    private static IEnumerable<XElement> ActivityDates(PublicGrant grant, DateOnly today)
    {
        yield return new XElement("activity-date", new XAttribute("type", "1"), new XAttribute("iso-date", Date(grant.StartDate)));
        // Actual dates only once they have happened: IATI refuses actual dates in the future.
        if (grant.StartDate <= today) yield return new XElement("activity-date", new XAttribute("type", "2"), new XAttribute("iso-date", Date(grant.StartDate)));
        yield return new XElement("activity-date", new XAttribute("type", "3"), new XAttribute("iso-date", Date(grant.EndDate)));
        if (grant.ClosedAt is { } closed)
        {
            var end = DateOnly.FromDateTime(closed.UtcDateTime);
            yield return new XElement("activity-date", new XAttribute("type", "4"), new XAttribute("iso-date", Date(end < grant.StartDate ? grant.StartDate : end)));
        }
    }

    private static XElement Transaction(string type, DateOnly date, decimal usd, XElement? provider, XElement? receiver) =>
        new("transaction",
            new XElement("transaction-type", new XAttribute("code", type)),
            new XElement("transaction-date", new XAttribute("iso-date", Date(date))),
            Value(usd, date),
            provider, receiver);

    private static XAttribute? DonorType(Donor donor) => new("type", donor.Kind switch
    {
        DonorKind.MemberState => "10",
        DonorKind.Foundation => "60",
        DonorKind.PrivateSector => "70",
        _ => "90",
    });

    /// <summary>
    /// The grant's amount spread over the calendar years it runs in, in proportion to its days in each (IATI wants budget
    /// periods of at most a year); the last period takes what rounding left, so the budgets add up to the grant to the cent.
    /// </summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End, decimal Usd)> BudgetPeriods(DateOnly start, DateOnly end, decimal amount)
    {
        var totalDays = end.DayNumber - start.DayNumber + 1;
        var periods = new List<(DateOnly, DateOnly, decimal)>();
        var given = 0m;
        for (var from = start; from <= end; from = new DateOnly(from.Year + 1, 1, 1))
        {
            var to = new DateOnly(from.Year, 12, 31) < end ? new DateOnly(from.Year, 12, 31) : end;
            var usd = to == end ? amount - given : Money.RoundToCents(amount * (to.DayNumber - from.DayNumber + 1) / totalDays);
            given += usd;
            periods.Add((from, to, usd));
        }
        return periods;
    }
}
