using System.Globalization;
using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.BoardMinutes;

/// <summary>The minutes of one board session: who sat, the decision on each application, and every vote with its time.</summary>
public sealed class BoardMinutesDocument(BoardMinutesData data, DocumentLanguage l) : IDocument
{
    // The title names the session's day; the footer adds the document's date, so it carries the title without it.
    public DocumentInfo Info => l.Info(data.Title,
        l.F("Minutes of the Board of Trustees: {0}", data.CallTitle), data.DocumentDate) with
    {
        FooterTitle = l.T("Minutes of the Board of Trustees"),
    };

    public void Compose(ContentBuilder c)
    {
        c.Wordmark(l.Organisation, l.FundName)
            .Heading(Info.Title)
            .KeyValues(
                (l.T("Call for proposals"), data.CallTitle),
                (l.T("Date of the session"), l.Date(data.SessionDate)),
                (l.T("Format"), data.Format),
                (l.T("Trustees present"), data.Present.Count == 0 ? "—" : string.Join(", ", data.Present)))
            .Spacing(8)
            .Component(new DecisionsTable(data, l));
        foreach (var decision in data.Decisions.Where(d => d.Votes.Count > 0)) c.Component(new VotesTable(decision, l));
    }
}

internal sealed class DecisionsTable(BoardMinutesData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Decisions"), 2);
        if (data.Decisions.Count == 0)
        {
            c.Paragraph(l.T("The agenda had no applications."));
            return;
        }
        c.Table(t =>
        {
            t.FixedColumn("#", 22, Align.Right);
            t.Column(l.T("Application"), 3);
            t.FixedColumn("USD", 70, Align.Right);
            t.FixedColumn(l.T("Score"), 40, Align.Right);
            t.Column(l.T("Result"), 2);
            t.FixedColumn(l.T("For / against / abstain"), 80, Align.Center);
            foreach (var d in data.Decisions)
                t.Row(l.Count(d.Position), $"{d.Reference} · {d.Organisation} ({d.Country})", l.Amount(d.RequestedUsd),
                    d.AverageScore is { } score ? score.ToString("0.00", l.Culture) : "—",
                    d.Consensus ? l.F("{0} (consensus)", d.Outcome) : d.Outcome, $"{d.Approvals} / {d.Rejections} / {d.Abstentions}");
        });
    }
}

internal sealed class VotesTable(BoardMinutesData.Decision decision, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.F("Votes on {0}", decision.Reference), 3);
        c.Table(t =>
        {
            t.Column(l.T("Trustee"), 3);
            t.Column(l.T("Vote cast"), 2);
            t.FixedColumn(l.T("Cast at (UTC)"), 110);
            foreach (var v in decision.Votes)
                // ISO 8601 to the second: the same in every language, and what an auditor compares with the log.
                t.Row(v.Trustee, v.IsChange ? l.F("{0} (changed)", v.Choice) : v.Choice,
                    v.CastAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        });
    }
}
