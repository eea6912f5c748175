using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Notifications;

/// <summary>
/// Each notice is written by the handler of the domain event its entity raised, in the transaction of the command that
/// changed it: one test per kind of event, each posting the form through its page. The first post's COMMIT is refused
/// after the command and its events' handlers ran: the change and the notice roll back together, and nobody is told of
/// what did not happen. The same post sent again has its COMMIT broken by a transient fault: the pipeline runs the whole
/// command again and the grantee is told exactly once, by notification and by e-mail.
/// </summary>
public sealed class NoticeEventTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task ApplicationDecided_TellsTheApplicant_OnlyWithTheDecision_AndOnce()
    {
        var call = await OpenCall();
        var (organisation, ngo) = await Ngo();
        var id = await CompleteDraft(ngo, call.Id);
        await SendAs(ngo, new SubmitApplication.Command(id));
        var manager = await SignedIn(await Manager());

        await AssertToldOnlyWithTheChange(manager, $"/fund/applications/{id}", null,
            [new("Eligible", "false"), new("Reason", "Registered less than one year before the cut-off.")], null,
            $"application-decision:{id}:{ApplicationStatus.Ineligible}", organisation.Id,
            async db => (await db.Applications.SingleAsync(a => a.Id == id)).Status == ApplicationStatus.Ineligible);
    }

    /// <summary>
    /// Approving an award draws up its agreement in a second command inside the first: that step refused (here by an
    /// agreement already there, as two managers racing leave one), the approval rolls back, and the applicant is not told
    /// of an award that did not happen, though its event was raised and the approval saved before the refusal.
    /// </summary>
    [Fact]
    public async Task ApplicationDecided_AnApprovalWhoseAgreementIsRefused_TellsNobody()
    {
        var id = await RecommendedApplication();
        await using (var db = App.NewDbContext())
        {
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
            db.GrantAgreements.Add(new GrantAgreement(id, application.OrganisationId, "NGO", "GA-" + application.ReferenceNumber, 40_000m,
                application.Project.StartDate!.Value, application.Project.EndDate!.Value, [new GrantBudgetLine("DirectAssistance", "Shelter", 40_000m)],
                App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var manager = await SignedIn(await Manager());

        var refused = await PostPageForm(manager, $"/fund/applications/{id}/award", "Decide", [new("Approve", "true"), new("Amount", "40000")]);

        await AssertRefusedWith(refused, "This application already has a grant agreement.");
        await using var check = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Recommended, (await check.Applications.SingleAsync(a => a.Id == id)).Status);
        Assert.Empty(await check.Notifications.Where(n => n.EventKey.StartsWith($"application-decision:{id}")).ToListAsync());
        Assert.Empty(await check.OutboxEmails.Where(e => e.DeduplicationKey!.StartsWith($"application-decision:{id}")).ToListAsync());
    }

    [Fact]
    public async Task GrantAgreementDrawnUp_TellsTheGrantee_OnlyWithTheAgreement_AndOnce()
    {
        var applicationId = await ApprovedApplication();
        var manager = await SignedIn(await Manager());
        var organisationId = await OrganisationOf(applicationId);

        await AssertToldOnlyWithTheChange(manager, "/fund/grants", "Create", [], applicationId.ToString(), "grant-ready:", organisationId,
            db => db.GrantAgreements.AnyAsync(g => g.ApplicationId == applicationId));
    }

    [Fact]
    public async Task GrantAgreementSigned_TellsTheGrantee_OnlyWithTheSignature_AndOnce()
    {
        await Fund(100_000);
        var grantId = await Agreement();
        var manager = await SignedIn(await Manager());

        await AssertToldOnlyWithTheChange(manager, $"/fund/grants/{grantId}", "Sign", [], null, $"grant-signed:{grantId}", await GranteeOf(grantId),
            async db => (await db.GrantAgreements.SingleAsync(g => g.Id == grantId)).IsSigned);
    }

    [Fact]
    public async Task PaymentDisbursed_TellsTheGrantee_OnlyWithTheDisbursement_AndOnce()
    {
        await Fund(100_000);
        var grantId = await SignedAgreement(await Manager());
        var payment = (await Payments(grantId))[0];
        var approver = await Approver();
        await SendAs(await Certifier(), new Application.Features.Payments.CertifyPayment.Command(payment.Id));
        await SendAs(approver, new Application.Features.Payments.ApprovePayment.Command(payment.Id));
        var officer = await SignedIn(approver);

        await AssertToldOnlyWithTheChange(officer, "/finance/payments", "Disburse",
            [new("ValueDate", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("BankReference", "TT-2026-118")], payment.Id.ToString(),
            $"payment-disbursed:{payment.Id}", await GranteeOf(grantId),
            async db => (await db.GrantPayments.SingleAsync(p => p.Id == payment.Id)).Status == PaymentStatus.Disbursed);
    }

    [Fact]
    public async Task GrantReportAccepted_TellsTheGrantee_OnlyWithTheAcceptance_AndOnce()
    {
        var (manager, grantId, report) = await SubmittedInterimReport();

        await AssertToldOnlyWithTheChange(manager, $"/fund/grants/reports/{report.Id}", "Accept", [], null,
            $"report-accepted:{report.Id}", await GranteeOf(grantId),
            async db => (await db.GrantReports.SingleAsync(r => r.Id == report.Id)).Status == GrantReportStatus.Accepted);
    }

    [Fact]
    public async Task GrantReportSentBack_TellsTheGrantee_OnlyWithTheSendingBack_AndOnce()
    {
        var (manager, grantId, report) = await SubmittedInterimReport();

        await AssertToldOnlyWithTheChange(manager, $"/fund/grants/reports/{report.Id}", "SendBack",
            [new("Comment", "Add the activities of March.")], null, $"report-sent-back:{report.Id}:", await GranteeOf(grantId),
            async db => (await db.GrantReports.SingleAsync(r => r.Id == report.Id)).Status == GrantReportStatus.SentBack);
    }

    /// <summary>
    /// Posts the form with its commit refused, then sends the same post again with its commit broken once. Notices are
    /// found by their event key (<paramref name="eventKey"/>, or its beginning when the key holds what the test cannot
    /// know beforehand: the new agreement's id, the moment of sending back); the organisation's users are the ones told.
    /// </summary>
    private async Task AssertToldOnlyWithTheChange(HttpClient client, string pageUrl, string? handler, List<KeyValuePair<string, string>> fields,
        string? containing, string eventKey, Guid organisationId, Func<TrustFundDbContext, Task<bool>> changed)
    {
        var (action, posted) = await PageForm(client, pageUrl, handler, fields, containing);

        App.FailingCommit.RefuseTheNextOne();
        var refused = await client.PostAsync(action, new FormUrlEncodedContent(posted));

        Assert.Equal(1, App.FailingCommit.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        await using (var db = App.NewDbContext())
        {
            Assert.False(await changed(db));
            Assert.Empty(await db.Notifications.Where(n => n.EventKey.StartsWith(eventKey)).ToListAsync());
            Assert.Empty(await db.OutboxEmails.Where(e => e.DeduplicationKey!.StartsWith(eventKey)).ToListAsync());
        }

        App.FailingCommit.BreakTheNextOne();
        var done = await client.PostAsync(action, new FormUrlEncodedContent(posted));

        Assert.Equal(2, App.FailingCommit.Fired);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using (var db = App.NewDbContext())
        {
            Assert.True(await changed(db));
            var told = await db.Users.Where(u => u.OrganisationId == organisationId && u.EmailConfirmed).Select(u => new { u.Id, u.Email }).ToListAsync();
            Assert.NotEmpty(told);
            var notices = await db.Notifications.Where(n => n.EventKey.StartsWith(eventKey)).ToListAsync();
            Assert.Equal(told.Select(u => u.Id).Order(), notices.Select(n => n.UserId).Order());
            var mails = await db.OutboxEmails.Where(e => e.DeduplicationKey!.StartsWith(eventKey)).ToListAsync();
            Assert.Equal(told.Select(u => u.Email!).Order(), mails.Select(m => m.To).Order());
        }
    }

    /// <summary>A signed grant whose interim narrative report the grantee has submitted, and the fund manager signed in.</summary>
    private async Task<(HttpClient Manager, Guid GrantId, GrantReport Report)> SubmittedInterimReport()
    {
        await Fund(100_000);
        var manager = await Manager();
        var grantId = await SignedAgreement(manager);
        var report = (await Reports(grantId)).First(r => r.Kind == GrantReportKind.InterimNarrative);
        await SubmitReport(report.Id);
        return (await SignedIn(manager), grantId, report);
    }

    private async Task<Guid> OrganisationOf(Guid applicationId)
    {
        await using var db = App.NewDbContext();
        return await db.Applications.Where(a => a.Id == applicationId).Select(a => a.OrganisationId).SingleAsync();
    }

    private async Task<Guid> GranteeOf(Guid grantId)
    {
        await using var db = App.NewDbContext();
        return await db.GrantAgreements.Where(g => g.Id == grantId).Select(g => g.OrganisationId).SingleAsync();
    }
}
