using TrustFund.Application.Reports;

namespace TrustFund.Infrastructure.Reports.Shared;

internal static class Paper
{
    public static Pdf.PageSize ToPageSize(this PaperSize paper) => paper == PaperSize.Letter ? Pdf.PageSize.Letter : Pdf.PageSize.A4;
}
