using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.ExchangeRates;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Identity;
using TrustFund.Application.Reports;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Reports;
using TrustFund.Infrastructure.Jobs;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Reports;

public sealed class AnnualReportTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task IssueAnnualReport_ThroughThePage_StatementTotalsEqualTheJournal()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2030, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await Send(new AddUnoreRate.Command("EUR", new DateOnly(2030, 1, 1), 0.92m));
        await Send(new AddUnoreRate.Command("EUR", new DateOnly(2030, 2, 1), 0.9137m));
        var norway = await Send(new CreateDonor.Command("Norway", DonorKind.MemberState, "NO"));
        var france = await Send(new CreateDonor.Command("République française", DonorKind.MemberState, "FR"));
        var old = await Send(new RecordPledge.Command(norway, 500_000, "USD", new DateOnly(2029, 11, 1), false, null));
        await Send(new RecordReceipt.Command(old, 200_000, "USD", new DateOnly(2029, 12, 15), "NO-2029"));
        await Send(new RecordReceipt.Command(old, 100_000.25m, "USD", new DateOnly(2030, 1, 15), "NO-2030"));
        var wrong = await Send(new RecordReceipt.Command(old, 5_000, "USD", new DateOnly(2030, 2, 1), "NO-WRONG"));
        await Send(new ReverseReceipt.Command(wrong.ReceiptId, "Duplicate"));
        var euros = await Send(new RecordPledge.Command(france, 80_000, "EUR", new DateOnly(2030, 1, 10), true, "Enfants"));
        await Send(new RecordReceipt.Command(euros, 40_000.10m, "EUR", new DateOnly(2030, 2, 2), "FR-1"));
        await using (var db = App.NewDbContext())
        {
            // Grants and payments are not built yet: book their money directly so the statement's expenditure lines are tested.
            var document = new JournalDocument("Payment", Guid.NewGuid(), "PAY-1");
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.Disbursement, new DateOnly(2030, 2, 20), new Money(40_000, "USD"), 1,
                document, null, Actor.System, App.Clock.GetUtcNow()));
            db.JournalEntries.Add(JournalEntry.Record(JournalEventType.PscCharge, new DateOnly(2030, 2, 20), new Money(5_200, "USD"), 1,
                document, null, Actor.System, App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var call = await OpenCall();
        var (_, colombia) = await Ngo();
        var (_, senegal) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var eligible = await CompleteDraft(colombia, call.Id);
        await SendAs(colombia, new SubmitApplication.Command(eligible));
        await SendAs(senegal, new SubmitApplication.Command(await CompleteDraft(senegal, call.Id)));
        await Send(new DecideEligibility.Command(eligible, true, "Meets every criterion"));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        var issue = await PostForm(manager, "/fund/reports?handler=AnnualReport", new() { ["Year"] = "2030" }, pageUrl: "/fund/reports");

        Assert.Equal(HttpStatusCode.Redirect, issue.StatusCode);
        await using var check = App.NewDbContext();
        var report = await check.IssuedReports.SingleAsync();
        Assert.Equal(ReportKind.AnnualFundReport, report.Kind);
        Assert.Null(report.DonorId);
        var journal = await check.JournalEntries.Where(j => j.ValueDate.Year == 2030).ToListAsync();
        decimal Of(JournalEventType type) => journal.Where(j => j.BalanceType == type).Sum(j => j.UsdAmount);
        var opening = (await check.JournalEntries.Where(j => j.ValueDate.Year < 2030).ToListAsync()).Sum(j => j.UsdAmount);
        var received = Of(JournalEventType.ContributionReceived);
        var closing = opening + received - Of(JournalEventType.Disbursement) - Of(JournalEventType.PscCharge);
        Assert.Equal(100_000.25m + Math.Round(40_000.10m / 0.9137m, 2, MidpointRounding.AwayFromZero), received); // the reversal cancels

        var pages = PdfText.AllPageWords(report.Content);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        var statement = pages.Single(p => p.Contains("9. Financial statement"));
        Assert.Contains($"Fund balance at 1 January 2030 {N(opening)}", statement);
        Assert.Contains($"Contributions received {N(received)}", statement);
        Assert.Contains($"Disbursements to grantees {N(Of(JournalEventType.Disbursement))}", statement);
        Assert.Contains($"Programme support costs {N(Of(JournalEventType.PscCharge))}", statement);
        Assert.Contains($"Total income {N(received)}", statement);
        Assert.Contains($"Fund balance at 31 December 2030 {N(closing)}", statement);
        var text = string.Join(" ", pages);
        Assert.Contains("République française", text);
        Assert.Contains("Applications received 2", text);
        Assert.Contains("Applications found eligible 1", text);
        Assert.Contains("African States", text);
        Assert.Contains("Victims targeted", text);
        Assert.Contains("Total 104 100.0%", text); // 2 applications × (40 + 12) people targeted

        // Same data, same bytes: build and render again with the stored report's issue date.
        await using var scope = App.Services.CreateAsyncScope();
        var db2 = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<IReportRenderer>();
        var again = renderer.RenderAnnualReport(await IssueAnnualReport.Build(db2, 2030, report.IssuedAt, "manager@unodc.test", "en",
            scope.ServiceProvider.GetRequiredService<IDocumentText>(), default));
        Assert.Equal(report.Content, again);
    }

    [Fact]
    public async Task AnnualReportJob_InJanuary_IssuesLastYearsReportOnce()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2031, 1, 15, 6, 0, 0, TimeSpan.Zero));
        await using var scope = App.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<AnnualReportJob>(scope.ServiceProvider);

        await job.Run(CancellationToken.None);
        await job.Run(CancellationToken.None); // a retried or repeated run changes nothing

        await using var db = App.NewDbContext();
        // One report a language (English, French, Spanish), issued by the job and not by a person.
        var reports = await db.IssuedReports.ToListAsync();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(ReportKind.AnnualFundReport, r.Kind));
        Assert.All(reports, r => Assert.Null(r.IssuedById));
        var report = Assert.Single(reports, r => r.Title == "Annual report 2030");
        Assert.Contains("Issued by TrustFund", PdfText.AllPageWords(report.Content)[0]);
    }

    private static string N(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
