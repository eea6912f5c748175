using System.Globalization;
using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;

namespace TrustFund.Infrastructure.Reports;

/// <summary>
/// The fund's documents, composed with the PDF engine; figures to the cent. The documents for donors and the board are in
/// English; an application summary is in the language of whoever downloads it (its organisation's records).
/// </summary>
public sealed class PdfReportRenderer(IDocumentText text) : IReportRenderer
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Every document in English (benchmarks and unit tests).</summary>
    public PdfReportRenderer() : this(new EnglishDocumentText()) { }

    public byte[] RenderCallsSummary(CallsSummaryData data)
    {
        var info = new DocumentInfo(data.Title, $"Calls for proposals announced for {data.Year}", "en", data.IssuedAt);
        return PdfDocumentBuilder.Create(info)
            .PageSize(Paper(data.Paper))
            .Content(c =>
            {
                c.Wordmark();
                c.Heading(data.Title);
                c.KeyValues(
                    ("Year", data.Year.ToString(CultureInfo.InvariantCulture)),
                    ("Calls", data.Calls.Count.ToString(CultureInfo.InvariantCulture)),
                    ("Total envelope", Usd(data.Calls.Sum(l => l.Envelope))),
                    ("Issued", data.IssuedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", English)),
                    ("Issued by", data.IssuedBy));
                c.Spacing(8);
                if (data.Calls.Count == 0)
                {
                    c.Paragraph($"No call for proposals has a deadline in {data.Year}.");
                    return;
                }

                c.Heading("Calls", 2);
                c.Table(t =>
                {
                    // Widths chosen so amounts and the date and hour never wrap; the time zone goes to a second line.
                    t.Column("Call");
                    t.FixedColumn("Window", 40);
                    t.FixedColumn("Envelope", 88, Align.Right);
                    t.FixedColumn("Min–max grant", 74, Align.Right);
                    t.FixedColumn("Deadline", 100);
                    t.FixedColumn("Status", 54);
                    foreach (var call in data.Calls)
                        t.Row(call.Title, call.WindowCode, Usd(call.Envelope), $"{Compact(call.MinGrant)}–{Compact(call.MaxGrant)}",
                            Deadline(call.Deadline, call.TimeZoneId), call.Status);
                    t.TotalRow("Total", "", Usd(data.Calls.Sum(l => l.Envelope)), "", "", "");
                });
                c.Note("Deadlines are shown as announced, in each call's own time zone. Amounts in US dollars.");

                c.Spacing(8);
                c.Heading("Envelope by window", 2);
                var byWindow = data.Calls.GroupBy(l => l.WindowCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, (double)g.Sum(l => l.Envelope))).ToList();
                c.Table(t =>
                {
                    t.Column("Window", 2);
                    t.Column("Calls", 1, Align.Right);
                    t.Column("Envelope", 2, Align.Right);
                    foreach (var group in data.Calls.GroupBy(l => l.WindowCode).OrderBy(g => g.Key, StringComparer.Ordinal))
                        t.Row(group.Key, group.Count().ToString(CultureInfo.InvariantCulture), Usd(group.Sum(l => l.Envelope)));
                });
                c.Spacing(6);
                c.BarChart("Total envelope by funding window (USD)", byWindow, height: 150);
            })
            .RenderToBytes();
    }

    public byte[] RenderDonorStatement(DonorStatementData data)
    {
        var info = new DocumentInfo(data.Title, $"Statement of contributions of {data.DonorName}", "en", data.IssuedAt);
        return PdfDocumentBuilder.Create(info)
            .PageSize(Paper(data.Paper))
            .Content(c =>
            {
                c.Wordmark();
                c.Heading("Donor statement");
                c.KeyValues(
                    ("Donor", data.DonorName),
                    ("Type", data.DonorCountry is null ? data.DonorKind : $"{data.DonorKind}, {data.DonorCountry}"),
                    ("Period", $"{Date(data.From)} to {Date(data.To)}"),
                    ("Received in the period", Usd(data.JournalReceivedUsd)),
                    ("Issued", Issued(data.IssuedAt)),
                    ("Issued by", data.IssuedBy));
                c.Spacing(8);

                c.Heading("Pledges made in the period", 2);
                if (data.Pledges.Count == 0) c.Paragraph("No pledge was made in the period.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("Date", 70);
                        t.Column("Earmark", 3);
                        t.FixedColumn("Amount", 96, Align.Right);
                        t.FixedColumn("UNORE rate", 62, Align.Right);
                        t.FixedColumn("USD", 90, Align.Right);
                        foreach (var p in data.Pledges)
                            t.Row(Date(p.PledgedOn), p.EarmarkPurpose ?? "Not earmarked", $"{p.Currency} {Amount(p.Amount)}",
                                Rate(p.UnitsPerUsd), Amount(p.Usd));
                        t.TotalRow("Total", "", "", "", Amount(data.Pledges.Sum(p => p.Usd)));
                    });
                c.Note("A pledge is valued in US dollars at the UNORE rate in force on the date it was made.");
                c.Spacing(8);

                c.Heading("Contributions received in the period", 2);
                if (data.Receipts.Count == 0) c.Paragraph("No contribution was received in the period.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("Value date", 70);
                        t.Column("Bank reference", 3);
                        t.FixedColumn("Amount", 96, Align.Right);
                        t.FixedColumn("UNORE rate", 62, Align.Right);
                        t.FixedColumn("USD", 90, Align.Right);
                        foreach (var r in data.Receipts)
                            t.Row(Date(r.ValueDate), r.IsReversal ? $"Correction: {r.Reference} reversed" : r.Reference,
                                $"{r.Currency} {Amount(r.Amount)}", Rate(r.UnitsPerUsd), Amount(r.Usd));
                        t.TotalRow("Total", "", "", "", Amount(data.JournalReceivedUsd));
                    });
                c.Note("Each deposit is converted at the UNORE rate in force on its value date, as booked in the fund's journal; "
                    + "the total equals the journal's contributions received from this donor in the period.");
                c.Spacing(8);

                c.Heading("Earmarked contributions", 2);
                if (data.Earmarks.Count == 0) c.Paragraph("None of this donor's contributions in the period is earmarked.");
                else
                    c.Table(t =>
                    {
                        t.Column("Earmark purpose", 3);
                        t.FixedColumn("Pledged (USD)", 96, Align.Right);
                        t.FixedColumn("Received (USD)", 96, Align.Right);
                        foreach (var e in data.Earmarks) t.Row(e.Purpose, Amount(e.PledgedUsd), Amount(e.ReceivedUsd));
                    });
                c.Spacing(8);

                c.Heading("Grants funded from earmarked contributions", 3);
                if (data.FundedGrants.Count == 0)
                    c.Paragraph("At the end of the period, none of this donor's earmarked contributions was allocated to a grant.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("Grant", 132);
                        t.Column("Grantee", 3);
                        t.Column("Country", 2);
                        t.Column("Earmark", 2);
                        t.FixedColumn("USD", 90, Align.Right);
                        foreach (var g in data.FundedGrants) t.Row(g.Reference, g.Grantee, g.Country, g.Earmark, Amount(g.Usd));
                        t.TotalRow("Total", "", "", "", Amount(data.FundedGrants.Sum(g => g.Usd)));
                    });
                if (data.FundedGrants.Count > 0)
                    c.Note("Earmarked money received, allocated by the fund manager to the grants it funds, as in force at the end of "
                        + "the period. An allocation designates money already received; it is not a further payment.");
            })
            .RenderToBytes();
    }

    public byte[] RenderAnnualReport(AnnualReportData data)
    {
        var info = new DocumentInfo(data.Title,
            $"Annual report of the UN Voluntary Trust Fund for Victims of Trafficking in Persons for {data.Year}", "en", data.IssuedAt);
        var year = data.Year.ToString(CultureInfo.InvariantCulture);
        var figures = data.Summary;
        var statement = data.Statement;
        return PdfDocumentBuilder.Create(info)
            .PageSize(Paper(data.Paper))
            .Content(c =>
            {
                // Cover.
                c.Wordmark();
                c.Spacing(120);
                c.Heading($"Annual report {year}");
                c.Paragraph("United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, especially Women and Children");
                c.Spacing(12);
                c.KeyValues(
                    ("Reporting period", $"1 January to 31 December {year}"),
                    ("Managed by", "United Nations Office on Drugs and Crime (UNODC), Vienna"),
                    ("Issued", Issued(data.IssuedAt)),
                    ("Issued by", data.IssuedBy));
                c.Spacing(24);
                c.Note("All amounts are in US dollars. Contributions in other currencies are converted at the UN operational rate "
                    + "of exchange (UNORE) in force on their value date. Money figures are summed from the fund's journal.");
                c.PageBreak();

                c.Heading("1. The year in figures", 2);
                c.KeyValues(
                    ("Pledged in the year", Usd(figures.PledgedUsd)),
                    ("Contributions received", Usd(figures.ReceivedUsd)),
                    ("Donors", Count(figures.Donors)),
                    ("Applications received", Count(figures.ApplicationsReceived)),
                    ("Applications found eligible", Count(figures.ApplicationsEligible)),
                    ("Applications approved", Count(figures.ApplicationsApproved)),
                    ("Grant agreements signed", Count(data.Grants.Count)),
                    ("Victims assisted (accepted reports)", data.Victims.Grants == 0 ? "None reported yet" : Count(data.Victims.Total)),
                    ("Disbursed to grantees", Usd(figures.DisbursedUsd)),
                    ("Programme support costs", Usd(figures.PscUsd)),
                    ("Available for new grants at year end", Usd(figures.AvailableAtEndUsd)));
                c.Spacing(8);

                c.Heading("2. Contributions by donor", 2);
                if (data.Donors.Count == 0) c.Paragraph($"No contribution was pledged or received in {year}.");
                else
                {
                    c.Table(t =>
                    {
                        t.FixedColumn("#", 24, Align.Right);
                        t.Column("Donor", 3);
                        t.FixedColumn("Type", 80);
                        t.FixedColumn("Pledged", 90, Align.Right);
                        t.FixedColumn("Deposited", 90, Align.Right);
                        var rank = 0;
                        foreach (var donor in data.Donors)
                            t.Row((++rank).ToString(CultureInfo.InvariantCulture), donor.Name, donor.Kind, Amount(donor.PledgedUsd),
                                Amount(donor.DepositedUsd));
                        t.TotalRow("", "Total", "", Amount(data.Donors.Sum(d => d.PledgedUsd)), Amount(data.Donors.Sum(d => d.DepositedUsd)));
                    });
                    c.Note("Pledged: pledges made in the year, at the UNORE rate of the pledge date. Deposited: contributions received "
                        + "in the year, net of corrections, as booked in the journal.");
                    c.Spacing(6);
                    // Bars are labelled by the table's "#": donor names are too long to sit side by side, and chart text
                    // cannot show every script.
                    var top = data.Donors.Take(10).Select((d, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), (double)d.DepositedUsd)).ToList();
                    c.BarChart(data.Donors.Count > 10 ? $"Deposited in {year}: the ten largest donors (USD, numbered as in the table)"
                        : $"Deposited in {year} by donor (USD, numbered as in the table)", top, height: 180);
                }
                c.Spacing(8);

                if (data.ContributionsByYear.Count > 0)
                {
                    c.Heading("Contributions over five years", 3);
                    c.Table(t =>
                    {
                        t.Column("Year", 1);
                        t.Column("Pledged", 2, Align.Right);
                        t.Column("Deposited", 2, Align.Right);
                        foreach (var line in data.ContributionsByYear)
                            t.Row(line.Year.ToString(CultureInfo.InvariantCulture), Amount(line.PledgedUsd), Amount(line.DepositedUsd));
                    });
                    c.Spacing(6);
                    c.BarChart("Deposited by year (USD)",
                        data.ContributionsByYear.Select(l => (l.Year.ToString(CultureInfo.InvariantCulture), (double)l.DepositedUsd)).ToList(), height: 150);
                    c.Spacing(8);
                }

                c.Heading("3. Board of Trustees", 2);
                c.Paragraph("The Board has five members, one from each United Nations regional group, appointed by the Secretary-General "
                    + "for three-year terms. Members who served at any time during the year:", TextAlignment.Justify);
                c.Table(t =>
                {
                    t.FixedColumn("Regional group", 150);
                    t.Column("Trustees");
                    foreach (var seat in data.Board)
                        t.Row(seat.RegionalGroup, seat.Trustees.Count == 0 ? "Vacant" : string.Join("; ", seat.Trustees));
                });
                c.Spacing(4);
                c.Heading("Board sessions", 3);
                if (data.BoardSessions.Count == 0)
                    c.Paragraph("No board session is recorded in TrustFund for this year yet. Sessions and their decisions will be "
                        + "listed here once board sessions are recorded.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("Date", 80);
                        t.Column("Session");
                        t.FixedColumn("Decisions", 60, Align.Right);
                        foreach (var session in data.BoardSessions)
                            t.Row(Date(session.Date), session.Title, Count(session.Decisions));
                    });
                c.Spacing(8);

                c.Heading("4. Calls for proposals and selection", 2);
                if (data.Selection.Count == 0) c.Paragraph($"No application was submitted in {year}.");
                else
                {
                    c.Table(t =>
                    {
                        t.Column("Regional group", 3);
                        t.Column("Received", 1, Align.Right);
                        t.Column("Eligible", 1, Align.Right);
                        t.Column("Approved", 1, Align.Right);
                        foreach (var line in data.Selection)
                            t.Row(line.RegionalGroup, Count(line.Received), Count(line.Eligible), Count(line.Approved));
                        t.TotalRow("Total", Count(data.Selection.Sum(l => l.Received)), Count(data.Selection.Sum(l => l.Eligible)),
                            Count(data.Selection.Sum(l => l.Approved)));
                    });
                    c.Note("Applications submitted in the year, by the regional group of the country where the project would run.");
                    c.Spacing(6);
                    c.StackedBarChart("Applications received by regional group",
                        data.Selection.Select(l => ShortGroupName(l.RegionalGroup)).ToList(),
                        [
                            new ChartSeries("Eligible", data.Selection.Select(l => (double)l.Eligible).ToList()),
                            new ChartSeries("Not eligible or not yet screened", data.Selection.Select(l => (double)(l.Received - l.Eligible)).ToList()),
                        ], height: 200);
                }
                c.Spacing(8);

                GrantsAwarded(c, data, year);
                c.Spacing(8);
                Implementation(c, data, year);
                c.Spacing(8);
                VictimsAssisted(c, data, year);
                c.Spacing(8);

                c.Heading("8. Financial performance", 2);
                c.Table(t =>
                {
                    t.Column("", 3);
                    t.Column("USD", 1, Align.Right);
                    t.Row("Income: contributions received and refunds from grantees", Amount(statement.TotalIncome));
                    t.Row("Expenditure: disbursements to grantees", Amount(statement.Disbursements));
                    t.Row($"Programme support costs ({(figures.PscRate * 100).ToString("0.##", CultureInfo.InvariantCulture)}%)", Amount(statement.Psc));
                    t.Row("Grant obligations raised", Amount(statement.ObligationsRaised));
                    t.TotalRow("Fund balance at 31 December", Amount(statement.ClosingBalance));
                });
                c.Spacing(6);
                c.BarChart($"Income and expenditure in {year} (USD)",
                [
                    ("Contributions", (double)statement.Contributions), ("Refunds", (double)statement.Refunds),
                    ("Disbursements", (double)statement.Disbursements), ("PSC", (double)statement.Psc),
                ], height: 160);
                c.PageBreak();

                c.Heading("9. Financial statement", 2);
                c.Paragraph($"Statement of income, expenditure and changes in the fund balance for the year ended 31 December {year} "
                    + "(cash basis, US dollars). Every line is the sum of the fund's journal entries of that kind, corrections included.",
                    TextAlignment.Justify);
                c.Table(t =>
                {
                    t.Column("", 3);
                    t.Column("USD", 1, Align.Right);
                    t.Row($"Fund balance at 1 January {year}", Amount(statement.OpeningBalance));
                    t.Row("Contributions received", Amount(statement.Contributions));
                    t.Row("Refunds from grantees", Amount(statement.Refunds));
                    t.TotalRow("Total income", Amount(statement.TotalIncome));
                    t.Row("Disbursements to grantees", Amount(statement.Disbursements));
                    t.Row("Programme support costs", Amount(statement.Psc));
                    t.TotalRow("Total expenditure", Amount(statement.TotalExpenditure));
                    t.Row("Excess of income over expenditure", Amount(statement.TotalIncome - statement.TotalExpenditure));
                    t.TotalRow($"Fund balance at 31 December {year}", Amount(statement.ClosingBalance));
                });
                c.Spacing(8);
                c.Table(t =>
                {
                    t.Column("Commitments", 3);
                    t.Column("USD", 1, Align.Right);
                    t.Row("Grant obligations raised in the year", Amount(statement.ObligationsRaised));
                    t.Row("Obligations liquidated by payment", Amount(statement.ObligationsLiquidated));
                    t.Row("Obligations released", Amount(statement.ObligationsReleased));
                    t.Row("Open obligations at 31 December", Amount(statement.OpenObligationsAtEnd));
                    t.Row("Operating reserve", Amount(statement.OperatingReserveAtEnd));
                    t.TotalRow("Available for new grants", Amount(statement.AvailableAtEnd));
                });
                c.Note("Available for new grants: the fund balance less open obligations, the programme support costs on them and the operating reserve.");
                c.Spacing(36);
                c.KeyValues(("Certified by", ""), ("Title", "Fund Manager, UN Voluntary Trust Fund for Victims of Trafficking in Persons"),
                    ("Date", ""));
            })
            .RenderToBytes();
    }

    /// <summary>Section 5: the grants signed in the year by regional group, country and window, then one by one.</summary>
    private static void GrantsAwarded(ContentBuilder c, AnnualReportData data, string year)
    {
        c.Heading("5. Grants awarded", 2);
        if (data.Grants.Count == 0)
        {
            c.Paragraph($"No grant agreement was signed in {year}.");
            return;
        }
        var total = data.Grants.Sum(g => g.Usd);
        c.Paragraph($"{Count(data.Grants.Count)} grant agreements were signed in {year}, for USD {Amount(total)} in total. Each grant's amount "
            + "is the obligation the fund's journal raised for it up to 31 December (its signature and any increase by amendment). "
            + "Grants are placed by the grantee organisation's country and its regional group.", TextAlignment.Justify);
        c.Heading("By regional group", 3);
        var byRegion = AmountBreakdown(c, "Regional group", data.Grants.GroupBy(g => g.Region), total);
        c.Spacing(6);
        c.BarChart($"Grants awarded in {year} by regional group (USD)",
            byRegion.Select(g => (ChartLabel(ShortGroupName(g.Key), g.Key), (double)g.Sum(x => x.Usd))).ToList(),
            height: 40 + 22 * byRegion.Count, horizontal: true);
        c.Heading("By country", 3);
        AmountBreakdown(c, "Country", data.Grants.GroupBy(g => g.Country), total);
        c.Spacing(6);
        c.Heading("By funding window", 3);
        AmountBreakdown(c, "Window", data.Grants.GroupBy(g => g.Window), total);
        c.Note("SGP1: short-term and emergency assistance (up to USD 20,000); SGP2: medium-term assistance (USD 20,000 to 60,000).");
        c.Spacing(6);
        c.Heading($"Grants signed in {year}", 3);
        c.Table(t =>
        {
            t.FixedColumn("Grant", 122);
            t.Column("Grantee", 3);
            t.Column("Country", 2);
            t.FixedColumn("Window", 44);
            t.FixedColumn("USD", 76, Align.Right);
            t.FixedColumn("Status", 48);
            foreach (var g in data.Grants) t.Row(g.Reference, g.Grantee, g.Country, g.Window, Amount(g.Usd), g.Status);
            t.TotalRow("Total", "", "", "", Amount(total), "");
        });
    }

    /// <summary>A "label / grants / USD / share of USD" table with its total, largest first; returns the groups in that order.</summary>
    private static List<IGrouping<string, AnnualReportData.GrantLine>> AmountBreakdown(ContentBuilder c, string title,
        IEnumerable<IGrouping<string, AnnualReportData.GrantLine>> groups, decimal total)
    {
        var ordered = groups.OrderByDescending(g => g.Sum(x => x.Usd)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        c.Table(t =>
        {
            t.Column(title, 3);
            t.FixedColumn("Grants", 50, Align.Right);
            t.FixedColumn("USD", 96, Align.Right);
            t.FixedColumn("Share", 50, Align.Right);
            foreach (var g in ordered)
                t.Row(g.Key, Count(g.Count()), Amount(g.Sum(x => x.Usd)), Share(g.Sum(x => x.Usd), total));
            t.TotalRow("Total", Count(ordered.Sum(g => g.Count())), Amount(total), total == 0 ? "" : "100.0%");
        });
        return ordered;
    }

    /// <summary>Section 6: every grant under implementation in the year, where it stands at the report's date.</summary>
    private static void Implementation(ContentBuilder c, AnnualReportData data, string year)
    {
        c.Heading("6. Implementation status per grant", 2);
        if (data.Implementation.Count == 0)
        {
            c.Paragraph($"No grant was under implementation in {year}.");
            return;
        }
        c.Paragraph($"Grants signed by 31 December {year} whose period had not ended before 1 January {year}, as they stand on "
            + $"{Date(DateOnly.FromDateTime(data.IssuedAt.UtcDateTime))}, the date of this report: the agreement's status, the amount "
            + "disbursed according to the fund's journal, and the grantee's reports accepted out of those due so far.",
            TextAlignment.Justify);
        c.Table(t =>
        {
            t.FixedColumn("Grant", 122);
            t.Column("Grantee", 3);
            t.FixedColumn("Status", 48);
            t.FixedColumn("Ends", 64);
            t.FixedColumn("Disbursed", 72, Align.Right);
            t.FixedColumn("Reports", 46, Align.Center);
            foreach (var g in data.Implementation)
                t.Row(g.Reference, $"{g.Grantee} ({g.Country})", g.Status, Date(g.EndDate), Amount(g.DisbursedUsd),
                    $"{g.ReportsAccepted} / {g.ReportsDue}");
            t.TotalRow("Total", Count(data.Implementation.Count) + " grants", "", "", Amount(data.Implementation.Sum(g => g.DisbursedUsd)), "");
        });
        var (accepted, due) = (data.Implementation.Sum(g => g.ReportsAccepted), data.Implementation.Sum(g => g.ReportsDue));
        c.Note("Reports: narrative and financial reports accepted by the secretariat / reports due by the date of this report "
            + "(a report accepted before its due date counts as due). "
            + (due == 0 ? "No report was due by the date of this report." : $"In all, {Count(accepted)} of {Count(due)} reports due are accepted."));
    }

    /// <summary>Section 7: victims assisted, from accepted narrative reports, then the targets of the applications received.</summary>
    private static void VictimsAssisted(ContentBuilder c, AnnualReportData data, string year)
    {
        c.Heading("7. Victims assisted", 2);
        var victims = data.Victims;
        if (victims.Grants == 0)
            c.Paragraph($"No narrative report due in {year} has been accepted by the secretariat, so this report cannot state how many "
                + "victims were assisted. Reports submitted but not yet accepted, or sent back to the grantee, are not counted.",
                TextAlignment.Justify);
        else
        {
            c.Paragraph($"From the grantees' narrative reports due in {year} and accepted by the secretariat (reports submitted but not "
                + "yet accepted, or sent back, are not counted). A grantee reports the victims assisted since its grant began, so "
                + "for each grant only its latest accepted report of the year is counted, and no one is counted twice within a grant.",
                TextAlignment.Justify);
            var total = victims.Total;
            c.KeyValues(
                ("Victims assisted", Count(total)),
                ("Grants reporting", Count(victims.Grants)),
                ("Accepted narrative reports", Count(victims.Reports)));
            c.Spacing(4);
            c.Heading("By sex and age group", 3);
            Breakdown(c, "Sex", "Victims", victims.BySex, total);
            c.Spacing(4);
            Breakdown(c, "Age group", "Victims", victims.ByAgeGroup, total);
            c.Spacing(6);
            c.PieChart("Victims assisted by sex", Slices(victims.BySex), donut: true, height: 130);
            c.PieChart("Victims assisted by age group", Slices(victims.ByAgeGroup), donut: true, height: 130);
            c.Heading("By form of exploitation", 3);
            Breakdown(c, "Form of exploitation", "Victims", victims.ByForm, total);
            c.Spacing(6);
            c.BarChart("Victims assisted by form of exploitation", Bars(victims.ByForm), height: 40 + 20 * victims.ByForm.Count,
                horizontal: true);
            c.Heading("By type of assistance", 3);
            Breakdown(c, "Type of assistance", "Victims", victims.ByAssistance, total, withTotal: false);
            c.Note("One person can receive several types of assistance: the shares are of all victims assisted and do not add up to 100%.");
            c.Spacing(6);
            c.BarChart("Victims who received each type of assistance", Bars(victims.ByAssistance),
                height: 40 + 20 * victims.ByAssistance.Count, horizontal: true);
            c.Heading("By nationality", 3);
            Breakdown(c, "Nationality", "Victims", victims.ByNationality, total);
            c.Spacing(6);
            c.BarChart("Victims assisted by nationality", Bars(victims.ByNationality), height: 40 + 20 * victims.ByNationality.Count,
                horizontal: true);
        }
        c.Spacing(6);

        c.Heading("Planned in applications received (targets)", 3);
        var targets = data.Targets.Sum(t => t.Count);
        if (targets == 0)
        {
            c.Paragraph("No application submitted in the year states beneficiary targets.");
            return;
        }
        c.Paragraph($"People the projects applied for in {year} plan to assist, as stated in the applications (withdrawn applications "
            + "excluded). These are targets, not people assisted.", TextAlignment.Justify);
        string Of(IEnumerable<IGrouping<string, AnnualReportData.TargetLine>> groups) =>
            string.Join(", ", groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key.ToLowerInvariant()} {Count(g.Sum(x => x.Count))}"));
        c.KeyValues(("Victims targeted", Count(targets)), ("By sex", Of(data.Targets.GroupBy(t => t.Sex))),
            ("By age group", Of(data.Targets.GroupBy(t => t.AgeGroup))));
        Breakdown(c, "Form of exploitation", "Targeted",
            data.Targets.GroupBy(t => t.FormOfExploitation).Select(g => new AnnualReportData.CountLine(g.Key, g.Sum(x => x.Count)))
                .OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal).ToList(), targets);
    }

    /// <summary>
    /// A "label / count / share" table of one breakdown of a number of people, with its total row unless the lines can
    /// overlap (types of assistance).
    /// </summary>
    private static void Breakdown(ContentBuilder c, string title, string countTitle, IReadOnlyList<AnnualReportData.CountLine> lines,
        int total, bool withTotal = true) =>
        c.Table(t =>
        {
            t.Column(title, 3);
            t.FixedColumn(countTitle, 70, Align.Right);
            t.FixedColumn("Share", 60, Align.Right);
            foreach (var line in lines) t.Row(line.Label, Count(line.Count), Share(line.Count, total));
            if (withTotal) t.TotalRow("Total", Count(lines.Sum(l => l.Count)), total == 0 ? "" : "100.0%");
        });

    private static List<(string, double)> Slices(IEnumerable<AnnualReportData.CountLine> lines) =>
        lines.Where(l => l.Count > 0).Select(l => (ChartLabel(l.Label, l.Label), (double)l.Count)).ToList();

    /// <summary>Bars for a horizontal chart, whose labels have the room of a table's first column.</summary>
    private static List<(string, double)> Bars(IEnumerable<AnnualReportData.CountLine> lines) =>
        lines.Select(l => (ChartLabel(l.Label, "—", 40), (double)l.Count)).ToList();

    public byte[] RenderBoardMinutes(BoardMinutesData data)
    {
        var info = new DocumentInfo(data.Title, $"Minutes of the Board of Trustees: {data.CallTitle}", "en", data.DocumentDate);
        return PdfDocumentBuilder.Create(info)
            .Content(c =>
            {
                c.Wordmark();
                c.Heading(data.Title);
                c.KeyValues(
                    ("Call for proposals", data.CallTitle),
                    ("Date of the session", Date(data.SessionDate)),
                    ("Format", data.Format),
                    ("Trustees present", data.Present.Count == 0 ? "—" : string.Join(", ", data.Present)));
                c.Spacing(8);
                c.Heading("Decisions", 2);
                if (data.Decisions.Count == 0) c.Paragraph("The agenda had no applications.");
                else
                    c.Table(t =>
                    {
                        t.FixedColumn("#", 22, Align.Right);
                        t.Column("Application", 3);
                        t.FixedColumn("USD", 70, Align.Right);
                        t.FixedColumn("Score", 40, Align.Right);
                        t.Column("Result", 2);
                        t.FixedColumn("For / against / abstain", 80, Align.Center);
                        foreach (var d in data.Decisions)
                            t.Row(Count(d.Position), $"{d.Reference} · {d.Organisation} ({d.Country})", Amount(d.RequestedUsd),
                                d.AverageScore is { } score ? score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—",
                                d.Consensus ? d.Outcome + " (consensus)" : d.Outcome, $"{d.Approvals} / {d.Rejections} / {d.Abstentions}");
                    });
                foreach (var d in data.Decisions.Where(d => d.Votes.Count > 0))
                {
                    c.Heading($"Votes on {d.Reference}", 3);
                    c.Table(t =>
                    {
                        t.Column("Trustee", 3);
                        t.Column("Vote", 2);
                        t.FixedColumn("Cast at (UTC)", 110);
                        foreach (var v in d.Votes)
                            t.Row(v.Trustee, v.IsChange ? v.Choice + " (changed)" : v.Choice,
                                v.CastAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
                    });
                }
            })
            .RenderToBytes();
    }

    public byte[] RenderApplicationSummary(ApplicationSummaryData data)
    {
        var culture = CultureInfo.GetCultureInfo(data.Language == "en" ? "en-GB" : data.Language);
        string T(string english) => text.Translate(data.Language, english);
        string F(string english, params object[] values) => string.Format(culture, T(english), values);
        string Day(DateOnly date) => date.ToString("d MMM yyyy", culture);
        string At(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", culture);
        string People(int n) => n.ToString("N0", culture);
        var title = data.ReferenceNumber is null ? F("Application (draft): {0}", data.ProjectTitle) : F("Application {0}", data.ReferenceNumber);

        var info = new DocumentInfo(title, F("Application to the UN Voluntary Trust Fund: {0}", data.ProjectTitle), data.Language, data.DocumentDate)
        {
            PageNumberFormat = T("Page {0} of {1}"),
            Culture = culture,
        };
        return PdfDocumentBuilder.Create(info)
            .Content(c =>
            {
                c.Wordmark();
                c.Heading(data.ReferenceNumber is null ? T("Application (draft)") : title);
                c.Paragraph(data.ProjectTitle, bold: true);
                c.KeyValues(
                    (T("Call for proposals"), $"{data.CallTitle} ({data.WindowCode})"),
                    (T("Status"), data.Status),
                    (data.ReferenceNumber is null ? T("Last changed") : T("Submitted"), At(data.DocumentDate)));
                c.Spacing(8);

                c.Heading(T("Organisation"), 2);
                c.KeyValues(
                    (T("Legal name"), data.OrganisationName),
                    (T("Country"), data.OrganisationCountry),
                    (T("Registration number"), data.RegistrationNumber ?? "—"),
                    (T("UN Partner Portal ID"), data.UnppPartnerId ?? "—"),
                    (T("Years of direct assistance"), People(data.YearsOfDirectAssistance)));
                c.Spacing(8);

                c.Heading(T("Project"), 2);
                c.KeyValues(
                    (T("Country of implementation"), data.ImplementationCountry ?? "—"),
                    (T("Period"), data.StartDate is { } start && data.EndDate is { } end ? F("{0} to {1}", Day(start), Day(end)) : "—"),
                    (T("Duration"), data.DurationMonths is { } months ? F("{0} months", months) : "—"));
                foreach (var (heading, body) in data.Narrative)
                {
                    c.Heading(heading, 3);
                    c.Paragraph(string.IsNullOrWhiteSpace(body) ? "—" : body, TextAlignment.Justify);
                }
                c.Spacing(8);

                c.Heading(T("People to be assisted (targets)"), 2);
                if (data.Targets.Count == 0) c.Paragraph(T("No beneficiary targets are given."));
                else
                    c.Table(t =>
                    {
                        t.Column(T("Form of exploitation"), 3);
                        t.Column(T("Sex"), 1);
                        t.Column(T("Age group"), 1);
                        t.Column(T("People"), 1, Align.Right);
                        foreach (var line in data.Targets) t.Row(line.FormOfExploitation, line.Sex, line.AgeGroup, People(line.Count));
                        t.TotalRow(T("Total"), "", "", People(data.Targets.Sum(l => l.Count)));
                    });
                c.Spacing(8);

                c.Heading(T("Budget"), 2);
                if (data.Budget.Count == 0) c.Paragraph(T("No budget lines are given."));
                else
                    c.Table(t =>
                    {
                        t.FixedColumn(T("Category"), 120);
                        t.Column(T("Description"), 3);
                        t.FixedColumn("USD", 90, Align.Right);
                        foreach (var line in data.Budget) t.Row(line.Category, line.Description, line.Amount.ToString("N2", culture));
                        t.TotalRow(T("Total requested"), "", data.Budget.Sum(l => l.Amount).ToString("N2", culture));
                    });
                c.Spacing(8);

                c.Heading(T("Attachments"), 2);
                if (data.Attachments.Count == 0) c.Paragraph(T("No documents are attached."));
                else
                    c.Table(t =>
                    {
                        t.FixedColumn(T("Document"), 130);
                        t.Column(T("File"), 2);
                        t.FixedColumn(T("Size"), 60, Align.Right);
                        t.FixedColumn(T("SHA-256 (start)"), 90);
                        foreach (var file in data.Attachments)
                            t.Row(file.Type, file.FileName, F("{0} KB", People((int)Math.Ceiling(file.Size / 1024.0))), file.Sha256[..12]);
                    });
                c.Spacing(8);

                c.Heading(T("Status history"), 2);
                if (data.History.Count == 0) c.Paragraph(T("The application has not been submitted."));
                else
                    c.Table(t =>
                    {
                        t.Column(T("Status"), 2);
                        t.Column(T("Date"), 2);
                        foreach (var line in data.History) t.Row(line.Status, At(line.At));
                    });
                if (data.EligibilityReason is { Length: > 0 } reason) c.KeyValues((T("Eligibility decision"), reason));
                if (data.SignatoryName is { Length: > 0 } signatory)
                {
                    c.Spacing(8);
                    c.Note(string.IsNullOrWhiteSpace(data.SignatoryTitle)
                        ? F("Declaration accepted by {0}.", signatory)
                        : F("Declaration accepted by {0}, {1}.", signatory, data.SignatoryTitle));
                }
            })
            .RenderToBytes();
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Share(decimal part, decimal total) =>
        total == 0 ? "" : (100m * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"Latin American and Caribbean States" → "Latin American and Caribbean": five group names must fit side by side.</summary>
    private static string ShortGroupName(string name) => name.EndsWith(" States", StringComparison.Ordinal) ? name[..^7] : name;

    /// <summary>Chart text supports Latin, Greek and Cyrillic only: a name in another script is replaced (a donor by its rank in the table).</summary>
    private static string ChartLabel(string name, string fallback, int maxLength = 28)
    {
        var label = name.Length > maxLength ? name[..(maxLength - 1)] + "…" : name;
        return label.All(ch => ch < 0x500 || ch is >= '\u2000' and <= '\u206F') ? label : fallback;
    }

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", English);

    private static string Issued(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", English);

    /// <summary>UNORE rates are published to four decimals at most; trailing zeros dropped (1 for USD).</summary>
    private static string Rate(decimal unitsPerUsd) => unitsPerUsd.ToString("0.######", CultureInfo.InvariantCulture);

    private static Pdf.PageSize Paper(PaperSize paper) => paper == PaperSize.Letter ? Pdf.PageSize.Letter : Pdf.PageSize.A4;

    private static string Usd(decimal amount) => "USD " + Amount(amount);

    private static string Amount(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Grant limits are nearly always whole dollars: cents only when there are some, so the column stays narrow yet exact.</summary>
    private static string Compact(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.InvariantCulture);

    /// <summary>"31 Mar 2026, 23:59 Europe/Vienna": the deadline as the call announced it, in its own time zone.</summary>
    private static string Deadline(DateTimeOffset instant, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return $"{local.ToString("d MMM yyyy, HH:mm", English)} {timeZoneId}";
    }
}
