using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Payments;
using TrustFund.Application.Identity;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>Builds what grant tests need: cash in the fund, approved applications, agreements, and the officers who move money.</summary>
public abstract class GrantTest(TrustFundAppFactory app) : ApplicationTest(app)
{
    private int _ngos;
    private (Guid Id, string Slug)? _call;

    protected DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Puts USD cash in the fund: a donor's pledge received in full today.</summary>
    protected async Task Fund(decimal usd)
    {
        var donor = await Send(new CreateDonor.Command("Norway " + Guid.NewGuid().ToString()[..4], DonorKind.MemberState, "NO"));
        var pledge = await Send(new RecordPledge.Command(donor, usd, "USD", Today, false, null));
        await Send(new RecordReceipt.Command(pledge, usd, "USD", Today, "DEPOSIT-" + Guid.NewGuid().ToString()[..6]));
    }

    /// <summary>An application taken through submission, review and the board to approval for its full amount.</summary>
    protected async Task<Guid> ApprovedApplication(decimal total = 40_000m, string country = "CO") =>
        await RecommendedApplication(total, country, approve: true);

    /// <summary>An application taken through submission and review to the board's recommendation; approved too when asked.</summary>
    protected async Task<Guid> RecommendedApplication(decimal total = 40_000m, string country = "CO", bool approve = false)
    {
        _call ??= await OpenCall();
        var n = ++_ngos;
        var (_, user) = await Ngo($"NGO number {n}", country, $"ngo{n}@example.org");
        var id = await CompleteDraft(user, _call.Value.Id, total);
        await SendAs(user, new SubmitApplication.Command(id));
        await using var db = App.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        var now = App.Clock.GetUtcNow();
        application.DecideEligibility(true, "Meets the criteria.", now, "secretariat");
        application.StartReview(now, "secretariat");
        application.Shortlist(now, "board");
        application.Recommend(now, "board");
        if (approve) application.Approve(total, null, now, "manager");
        await db.SaveChangesAsync();
        return id;
    }

    protected async Task<Guid> Agreement(decimal total = 40_000m, string country = "CO") =>
        await Send(new CreateGrantAgreement.Command(await ApprovedApplication(total, country)));

    protected Task<ApplicationUser> Manager(string email = "manager@unodc.test") => CreateUser(email, [Roles.FundManager], twoFactor: true);
    protected Task<ApplicationUser> Certifier(string email = "certifier@unodc.test") => CreateUser(email, [Roles.CertifyingOfficer], twoFactor: true);
    protected Task<ApplicationUser> Approver(string email = "approver@unodc.test") => CreateUser(email, [Roles.ApprovingOfficer], twoFactor: true);

    /// <summary>A signed agreement (the fund holding enough cash), signed by <paramref name="manager"/>.</summary>
    protected async Task<Guid> SignedAgreement(ApplicationUser manager, decimal total = 40_000m, string country = "CO")
    {
        var grant = await Agreement(total, country);
        await SendAs(manager, new SignGrantAgreement.Command(grant));
        return grant;
    }

    protected async Task<List<GrantPayment>> Payments(Guid grantId)
    {
        await using var db = App.NewDbContext();
        return await db.GrantPayments.AsNoTracking().Where(p => p.GrantId == grantId).OrderBy(p => p.InstalmentNumber).ToListAsync();
    }

    protected async Task<List<JournalEntry>> Journal(Guid grantId)
    {
        await using var db = App.NewDbContext();
        return await db.JournalEntries.AsNoTracking().Where(j => j.DocumentId == grantId).OrderBy(j => j.Id).ToListAsync();
    }

    protected async Task<List<GrantReport>> Reports(Guid grantId)
    {
        await using var db = App.NewDbContext();
        return await db.GrantReports.AsNoTracking().Where(r => r.GrantId == grantId).OrderBy(r => r.DueOn).ThenBy(r => r.Kind).ToListAsync();
    }

    /// <summary>
    /// Moves the grant's other reports due on the same day (the narrative and the financial report fall due together)
    /// 100 days later, so that the deadline sweep tells about this report alone: its own notice, not a digest of several.
    /// </summary>
    protected async Task DueAlone(GrantReport report)
    {
        await using var db = App.NewDbContext();
        await db.GrantReports.Where(r => r.GrantId == report.GrantId && r.Id != report.Id && r.DueOn == report.DueOn)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DueOn, report.DueOn.AddDays(100)));
    }

    /// <summary>Takes a requested payment through certification, approval and disbursement.</summary>
    protected async Task Pay(Guid paymentId, ApplicationUser certifier, ApplicationUser approver, string bankReference = "TT-1")
    {
        await SendAs(certifier, new CertifyPayment.Command(paymentId));
        await SendAs(approver, new ApprovePayment.Command(paymentId));
        await SendAs(approver, new DisbursePayment.Command(paymentId, Today, bankReference));
    }

    /// <summary>The grantee submits each report, then the manager accepts it.</summary>
    protected async Task AcceptReports(ApplicationUser manager, Guid grantId, Func<GrantReport, bool> which)
    {
        foreach (var report in (await Reports(grantId)).Where(which))
        {
            await SubmitReport(report.Id);
            await SendAs(manager, new AcceptGrantReport.Command(report.Id));
        }
    }

    /// <summary>
    /// The grantee hands a report in the way it does for real: a valid draft (consistent counts, or spending equal to
    /// the budget) saved through the form's use case, then submitted.
    /// </summary>
    /// <param name="financial">What a financial report says was spent; by default, the budget exactly.</param>
    protected async Task SubmitReport(Guid reportId, FinancialReport? financial = null)
    {
        await using var db = App.NewDbContext();
        var report = await db.GrantReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
        var grant = await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Id == report.GrantId);
        var grantee = await db.Users.AsNoTracking().Where(u => u.OrganisationId == grant.OrganisationId).OrderBy(u => u.Email).FirstAsync();
        var form = await db.FormsOfExploitation.OrderBy(f => f.SortOrder).Select(f => f.Code).FirstAsync();
        var draft = report.IsNarrative
            ? new SaveGrantReportDraft.Command(reportId, null, new NarrativeReport(
                [new("Female", 5), new("Male", 3)], [new("Child", 2), new("Adult", 6)], [new("CO", 8)], [new(form, 8)], [],
                "Shelter for eight survivors, as planned.", "Late referrals.", []), null)
            : new SaveGrantReportDraft.Command(reportId, null, null,
                financial ?? new FinancialReport(grant.Budget.Select(l => new ExpenditureLine("", "", 0, l.Amount, null)).ToList()));
        await SendAs(grantee, draft);
        await SendAs(grantee, new SubmitGrantReport.Command(reportId));
    }

    /// <summary>
    /// The grantee's final financial report reporting <paramref name="spent"/> in all, spread over the budget lines in
    /// proportion (so closure must add the lines up), then both final reports received and accepted.
    /// </summary>
    protected async Task AcceptFinalReports(ApplicationUser manager, Guid grantId, decimal spent)
    {
        await using var db = App.NewDbContext();
        var grant = await db.GrantAgreements.AsNoTracking().Include(g => g.Reports).SingleAsync(g => g.Id == grantId);
        var lines = FinancialReport.For(grant.Budget).Lines;
        var left = spent;
        var reported = lines.Select((line, i) =>
        {
            var share = i == lines.Count - 1 ? left : Math.Round(spent * line.Budget / grant.Amount, 2);
            left -= share;
            return line with { Spent = share, Explanation = "As reported by the grantee." };
        }).ToList();
        foreach (var report in grant.Reports.Where(r => r.IsFinal))
        {
            await SubmitReport(report.Id, report.IsNarrative ? null : new FinancialReport(reported));
            await SendAs(manager, new AcceptGrantReport.Command(report.Id));
        }
    }
}
