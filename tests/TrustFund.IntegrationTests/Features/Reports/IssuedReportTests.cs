using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Reports;
using TrustFund.IntegrationTests.Api;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace TrustFund.IntegrationTests.Features.Reports;

public sealed class IssuedReportTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task IssueCallsSummary_ThroughThePage_StoresThePdf_AndDownloadsGiveTheSameBytes()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2030, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var now = App.Clock.GetUtcNow();
        var shelter = await Send(new CreateCall.Command(CallTestData.Form(now, "Shelter call 2030")));
        await Send(new PublishCall.Command(shelter.Id));
        var emergency = await Send(new CreateCall.Command(CallTestData.Form(now, "Emergency call 2030", FundingWindow.ShortTerm)));
        await Send(new PublishCall.Command(emergency.Id));
        await Send(new CreateCall.Command(CallTestData.Form(now, "Unpublished draft 2030")));
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);

        var issue = await PostForm(client, "/fund/reports?handler=CallsSummary", new() { ["Year"] = "2030" }, pageUrl: "/fund/reports");
        Assert.Equal(HttpStatusCode.Redirect, issue.StatusCode);

        await using var db = App.NewDbContext();
        var stored = await db.IssuedReports.SingleAsync();
        Assert.Equal(ReportKind.CallsSummary, stored.Kind);
        Assert.Equal(manager.Id, stored.IssuedById);
        Assert.Contains("2030", stored.ParametersJson);
        var list = await client.GetStringAsync("/fund/reports");
        Assert.Contains("Calls for proposals 2030", list);
        Assert.Contains($"/reports/{stored.Id}", list);

        var first = await client.GetAsync($"/reports/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{stored.Sha256}\"", first.Headers.ETag?.ToString());
        var second = await client.GetByteArrayAsync($"/reports/{stored.Id}");
        Assert.Equal(bytes, second);
        var viaApi = await NewClient().WithBearer(await ApiClient.TokenFor(App, manager)).GetByteArrayAsync($"/api/v1/reports/{stored.Id}");
        Assert.Equal(bytes, viaApi);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Calls for proposals 2030", pdf.Information.Title);
        var text = PdfText.AllWords(bytes);
        Assert.Contains($"Page 1 of {pdf.NumberOfPages}", text);
        Assert.Contains("Shelter call 2030", text);
        Assert.Contains("Emergency call 2030", text);
        Assert.Contains("SGP1", text);
        Assert.Contains("Europe/Vienna", text);
        Assert.Contains("23:59", text); // the deadline as announced, in the call's own time zone
        Assert.Contains("USD 1,000,000.00", text); // total envelope of the two published calls
        Assert.DoesNotContain("Unpublished draft 2030", text);
    }

    [Fact]
    public async Task IssueReports_OnLetterPaperWhenChosen_ElseA4_AndTheChoiceIsKeptWithTheReport()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);

        await PostForm(client, "/fund/reports?handler=AnnualReport", new() { ["Year"] = "2031", ["Paper"] = "Letter" }, pageUrl: "/fund/reports");
        await PostForm(client, "/fund/reports?handler=CallsSummary", new() { ["Year"] = "2031" }, pageUrl: "/fund/reports");

        await using var db = App.NewDbContext();
        var annual = await db.IssuedReports.SingleAsync(r => r.Kind == ReportKind.AnnualFundReport);
        var calls = await db.IssuedReports.SingleAsync(r => r.Kind == ReportKind.CallsSummary);
        Assert.Contains("\"paper\": \"Letter\"", annual.ParametersJson); // stored as jsonb, which spaces it
        Assert.Contains("\"paper\": \"A4\"", calls.ParametersJson);
        using (var letter = PdfDocument.Open(annual.Content))
            Assert.All(letter.GetPages(), p => Assert.Equal((612d, 792d), (Math.Round(p.Width), Math.Round(p.Height))));
        using (var a4 = PdfDocument.Open(calls.Content))
            Assert.All(a4.GetPages(), p => Assert.Equal((595d, 842d), (Math.Round(p.Width), Math.Round(p.Height))));
    }

    [Fact]
    public async Task IssueCallsSummary_AuditsTheReport_WithoutCopyingItsBytes()
    {
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);

        await PostForm(client, "/fund/reports?handler=CallsSummary", new() { ["Year"] = "2031" }, pageUrl: "/fund/reports");

        await using var db = App.NewDbContext();
        var report = await db.IssuedReports.SingleAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(IssuedReport));
        Assert.Equal("IssueCallsSummary", audit.Action);
        Assert.Contains(report.Sha256, audit.Changes);
        Assert.DoesNotContain("\"Content\"", audit.Changes);
        Assert.True(audit.Changes.Length < 2_000, "the PDF's bytes were copied into the audit trail");
    }

    [Fact]
    public async Task IssueCallsSummary_YearOutOfRange_IsRefusedOnTheForm()
    {
        var client = await SignedIn(await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true));

        var response = await PostForm(client, "/fund/reports?handler=CallsSummary", new() { ["Year"] = "1999" }, pageUrl: "/fund/reports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a year between 2010 and 2100.", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.Equal(0, await db.IssuedReports.CountAsync());
    }

    [Fact]
    public async Task DownloadReport_ByAnApplicant_IsForbidden_AndAnonymousMustSignIn()
    {
        var reportId = await StoreReport(donorId: null);
        var applicant = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));

        var response = await applicant.GetAsync($"/reports/{reportId}");
        var anonymous = await NewClient().GetAsync($"/reports/{reportId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", LocationOf(anonymous));
        var fundPage = await applicant.GetAsync("/fund/reports");
        Assert.StartsWith("/account/access-denied", LocationOf(fundPage));
    }

    [Fact]
    public async Task DownloadReport_ByADonor_OnlyTheReportsIssuedToItsDonor()
    {
        var (ownDonor, otherDonor) = await TwoDonors();
        var own = await StoreReport(ownDonor);
        var others = await StoreReport(otherDonor);
        var internalReport = await StoreReport(donorId: null);
        var donorUser = await CreateUser("donor@example.gov", Roles.Donor);
        await SetDonor(donorUser, ownDonor);
        var client = await SignedIn(donorUser);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/reports/{others}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/reports/{internalReport}")).StatusCode);
        var list = await client.GetStringAsync("/reports");
        Assert.Contains($"/reports/{own}", list);
        Assert.DoesNotContain($"/reports/{others}", list);

        var api = NewClient().WithBearer(await ApiClient.TokenFor(App, donorUser));
        var listed = await api.GetStringAsync("/api/v1/reports");
        Assert.Contains(own.ToString(), listed);
        Assert.DoesNotContain(others.ToString(), listed);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/reports/{others}")).StatusCode);
    }

    private async Task<(Guid Own, Guid Other)> TwoDonors()
    {
        await using var db = App.NewDbContext();
        var own = new Donor("Norway", DonorKind.MemberState, "NO");
        var other = new Donor("Acme Foundation", DonorKind.Foundation, null);
        db.Donors.AddRange(own, other);
        await db.SaveChangesAsync();
        return (own.Id, other.Id);
    }

    private async Task SetDonor(ApplicationUser user, Guid donorId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        stored.DonorId = donorId;
        IdentityFailure.ThrowIfFailed(await users.UpdateAsync(stored));
    }

    private async Task<Guid> StoreReport(Guid? donorId)
    {
        await using var db = App.NewDbContext();
        var report = new IssuedReport(ReportKind.DonorStatement, "Statement", "{}", "%PDF-1.4 test"u8.ToArray(), null, null,
            App.Clock.GetUtcNow(), donorId);
        db.IssuedReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }
}
