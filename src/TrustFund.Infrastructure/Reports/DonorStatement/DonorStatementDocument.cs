using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.DonorStatement;

/// <summary>One donor's statement for a period, in the donor's language: pledges, receipts, earmarks and the grants they fund.</summary>
public sealed class DonorStatementDocument(DonorStatementData data, DocumentLanguage l) : IDocument
{
    public DocumentInfo Info => l.Info(data.Title,
        l.F("Statement of contributions of {0}", data.DonorName), data.IssuedAt);

    public PageSize PageSize => data.Paper.ToPageSize();

    public void Compose(ContentBuilder content) => content
        .Wordmark(l.Organisation, l.FundName)
        .Heading(l.T("Donor statement"))
        .KeyValues(
            (l.T("Donor"), data.DonorName),
            (l.T("Type"), data.DonorCountry is null ? data.DonorKind : $"{data.DonorKind}, {data.DonorCountry}"),
            (l.T("Period"), l.F("{0} to {1}", l.Date(data.From), l.Date(data.To))),
            (l.T("Received in the period"), l.Usd(data.JournalReceivedUsd)),
            (l.T("Issued"), l.Instant(data.IssuedAt)),
            (l.T("Issued by"), data.IssuedBy))
        .Spacing(8)
        .Component(new PledgesSection(data, l)).Spacing(8)
        .Component(new ReceiptsSection(data, l)).Spacing(8)
        .Component(new EarmarksSection(data, l)).Spacing(8)
        .Component(new FundedGrantsSection(data, l));
}
