using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Reports;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

public sealed class AnnualReportGrantsTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task AnnualReport_ListsTheGrantsSignedInTheYear()
    {
        var manager = await Manager();
        await Fund(100_000);
        var grant = await SignedAgreement(manager, 40_000);
        await using var db = App.NewDbContext();
        var reference = (await db.GrantAgreements.SingleAsync(g => g.Id == grant)).ReferenceNumber;

        await SendAs(manager, new IssueAnnualReport.Command(App.Clock.GetUtcNow().Year));

        await using var after = App.NewDbContext();
        var pdf = (await after.IssuedReports.SingleAsync()).Content;
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains(reference.Replace(" ", ""), text);
        Assert.Contains("40,000.00", text);
    }
}
