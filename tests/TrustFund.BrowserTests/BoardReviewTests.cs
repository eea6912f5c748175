using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

/// <summary>A trustee declares a conflict on one application, scores another and votes in a session; the fund manager approves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardReviewTests(BrowserApp app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [SkippableFact]
    public async Task Trustee_DeclaresConflictScoresAndVotes_FundManagerClosesAndApproves()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var (callId, conflicted, scored) = await Prepare();

        var trustee = await app.SignIn("trustee.asia@trustfund.test");
        trustee.Dialog += (_, dialog) => dialog.AcceptAsync();
        // The Thai NGO's application: a conflict, with a note; the details stay hidden.
        await trustee.GotoAsync($"/review/{conflicted}");
        await trustee.Locator("input[name=HasConflict][value=true]").CheckAsync();
        await trustee.Locator("#Note").FillAsync("I advised this organisation last year.");
        await trustee.Locator("form button[type=submit]", new() { HasText = "Declare" }).ClickAsync();
        await Assertions.Expect(trustee.Locator(".notice", new() { HasText = "You declared a conflict of interest" })).ToBeVisibleAsync();
        Assert.Equal(0, await trustee.Locator("[data-rubric]").CountAsync());

        // The Senegalese NGO's application: no conflict, then score with the live weighted total.
        await trustee.GotoAsync($"/review/{scored}");
        await trustee.Locator("input[name=HasConflict][value=false]").CheckAsync();
        await trustee.Locator("form button[type=submit]", new() { HasText = "Declare" }).ClickAsync();
        for (var i = 0; i < RubricCriterion.Default.Count; i++)
            await trustee.Locator($"#score-{i}").SelectOptionAsync(i == 0 ? "5" : "4");
        await Assertions.Expect(trustee.Locator("[data-rubric-total]")).ToHaveTextAsync("4.20");
        await trustee.Locator("button[name=Complete][value=true]").ClickAsync();
        await Assertions.Expect(trustee.Locator("[data-rubric-total]")).ToHaveTextAsync("4.20");
        Assert.Equal(0, await trustee.Locator("button[name=Complete]").CountAsync());

        // The secretariat shortlists it and opens a session with the whole board.
        var manager = await app.SignIn("fundmanager@trustfund.test");
        manager.Dialog += (_, dialog) => dialog.AcceptAsync();
        await manager.GotoAsync($"/fund/applications/{scored}/selection");
        await manager.Locator("#Message").FillAsync("Your application goes to the Board of Trustees.");
        await manager.Locator("form button[type=submit]", new() { HasText = "Save the decision" }).ClickAsync();
        await manager.GotoAsync($"/fund/calls/{callId}/sessions");
        await manager.Locator("#Date").FillAsync(app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await manager.Locator("button[type=submit]", new() { HasText = "Open the session" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Board session");
        var sessionUrl = new Uri(manager.Url).AbsolutePath;

        // The trustee votes.
        await trustee.GotoAsync(sessionUrl);
        await trustee.Locator("input[name=Choice][value=Approve]").CheckAsync();
        await trustee.Locator("button[type=submit]", new() { HasText = "Vote" }).ClickAsync();
        await Assertions.Expect(trustee.Locator("legend", new() { HasText = "Your vote" })).ToContainTextAsync("Approve");

        // The fund manager closes the ballot and approves the recommendation.
        await manager.GotoAsync(sessionUrl);
        await manager.Locator("button[type=submit]", new() { HasText = "Close the ballot" }).ClickAsync();
        await Assertions.Expect(manager.Locator("td strong", new() { HasText = "Recommended" })).ToBeVisibleAsync();
        await manager.Locator("a", new() { HasText = "Award decision" }).ClickAsync();
        await manager.Locator("#Amount").FillAsync("15000");
        await manager.Locator("button[type=submit]", new() { HasText = "Save the decision" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".facts")).ToContainTextAsync("Approved");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var approved = await db.Applications.SingleAsync(a => a.Id == scored);
        Assert.Equal(ApplicationStatus.Approved, approved.Status);
        Assert.Equal(15_000m, approved.ApprovedAmount);
    }

    /// <summary>Appoints the demo trustees and has two demo NGOs apply to the short-term call, both found eligible and assigned to the Asia-Pacific trustee.</summary>
    private async Task<(Guid CallId, Guid Conflicted, Guid Scored)> Prepare()
    {
        Guid callId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            // The demo's short-term call: the work-list browser tests publish short-term calls of their own ("browser-…").
            callId = (await db.Calls.AsNoTracking().Where(c => c.Window == FundingWindow.ShortTerm && !c.Slug.StartsWith("browser-")).ToListAsync()).Single().Id;
            // Appointing trustees is the administrator's step: the demo's administrator takes it.
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
                await BrowserApp.SignedInContext(scope.ServiceProvider, "admin@trustfund.test");
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var start = app.Today.AddDays(-30);
            foreach (var (email, nationality) in new[] { ("trustee.africa", "SN"), ("trustee.asia", "JP"), ("trustee.easterneurope", "UA"), ("trustee.grulac", "CO"), ("trustee.weog", "SE") })
            {
                var user = await db.Users.SingleAsync(u => u.Email == email + "@trustfund.test");
                if (!await db.TrusteeAppointments.AnyAsync(a => a.TrusteeUserId == user.Id))
                    await mediator.Send(new AppointTrustee.Command(user.Id, nationality, null, null, start, null));
            }
        }
        var conflicted = await Apply("ngo.thailand@trustfund.test", callId);
        // Not the Colombian NGO: the grant-payment browser test gives it an application to this call already.
        var scored = await Apply("ngo.senegal@trustfund.test", callId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Eligibility and reviewers are the fund manager's to decide.
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
                await BrowserApp.SignedInContext(scope.ServiceProvider, "fundmanager@trustfund.test");
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            var asia = await db.Users.SingleAsync(u => u.Email == "trustee.asia@trustfund.test");
            foreach (var id in new[] { conflicted, scored })
            {
                await mediator.Send(new DecideEligibility.Command(id, true, "Meets every criterion."));
                await mediator.Send(new AssignReviewer.Command(id, asia.Id));
            }
        }
        return (callId, conflicted, scored);
    }

    private async Task<Guid> Apply(string email, Guid callId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = await BrowserApp.SignedInContext(services, email);
        var mediator = services.GetRequiredService<IMediator>();
        var db = services.GetRequiredService<TrustFundDbContext>();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);

        var id = await mediator.Send(new StartApplication.Command(callId));
        var current = await mediator.Send(new GetApplication.Query(id));
        var projectStart = app.Today.AddMonths(2);
        await mediator.Send(new SaveDraft.Command(id, current.Version)
        {
            Organisation = current.Application.Organisation with
            {
                RegistrationNumber = "REG-1", RegistrationDate = new DateOnly(2012, 1, 1), UnppPartnerId = "UNPP-1", YearsOfDirectAssistance = 8,
                IsNonProfit = true, HasPseaPolicy = true, BankAccountInOrganisationName = true,
            },
            Project = new ProjectSection
            {
                Title = "Shelter and legal aid", ImplementationCountryIso2 = current.Application.Organisation.CountryIso2,
                Context = "Context", Objectives = "Objectives", Activities = "Activities", WorkPlan = "Work plan", Risks = "Risks",
                SurvivorInvolvement = "Survivor council", StartDate = projectStart, EndDate = projectStart.AddMonths(6).AddDays(-1),
            },
            Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 30)],
            Budget = [new BudgetLine(BudgetCategory.DirectAssistance, "Shelter and food", 15_000m), new BudgetLine(BudgetCategory.OfficeRunningCosts, "Rent share", 500m)],
            Declaration = new PartnerDeclaration { Accepted = true, SignatoryName = user.DisplayName, SignatoryTitle = "Director" },
        });
        foreach (var type in call.Eligibility.RequiredDocuments.Distinct())
            await mediator.Send(new UploadAttachment.Command(id, type, $"{type}.pdf", Pdf));
        await mediator.Send(new SubmitApplication.Command(id));
        return id;
    }
}
