using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Behaviours;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.AuditorDossiers;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.Email;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Features.OpenData;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Review;
using TrustFund.Infrastructure.Jobs;
using TrustFund.IntegrationTests.Api;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Features.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>
/// Every request declares who may send it, and the pipeline's AuthorizationBehaviour holds each rule (roles, own organisation,
/// own donor, not recused) for whoever sends it: a page, the API, a job.
/// </summary>
public sealed class DeclaredAuthorizationTests(TrustFundAppFactory app) : ReviewTest(app)
{
    private static readonly CriterionScore[] AllFours = RubricCriterion.Default.Select(c => new CriterionScore(c.Name, 4, null)).ToArray();

    private static IEnumerable<Type> RequestTypes(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && (typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t) || typeof(IBaseRequest).IsAssignableFrom(t)));

    private static List<string> Undeclared(IEnumerable<Type> requests) =>
        requests.Where(t => !Declaration.Of(t).IsDeclared).Select(t => $"{t.DeclaringType?.Name}.{t.Name}").ToList();

    [Fact]
    public void EveryRequestType_DeclaresWhoMaySendIt()
    {
        var requests = RequestTypes(typeof(TrustFundDbContext).Assembly).ToList();

        Assert.True(requests.Count > 140, $"Only {requests.Count} request types found: the enumeration is broken.");
        Assert.Empty(Undeclared(requests));
    }

    // The control: the same check finds a request that declares nothing.
    [Fact]
    public void TheEnumeration_FindsARequestWithoutADeclaration()
    {
        Assert.Equal(["Undeclared.Query"], Undeclared(RequestTypes(typeof(DeclaredAuthorizationTests).Assembly)));
    }

    [Fact]
    public async Task ARequestWithoutADeclaration_IsRefusedByTheBehaviour_EvenForEveryRole()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var behaviour = new AuthorizationBehaviour<Undeclared.Query, int>(TestOperator.Instance,
            scope.ServiceProvider.GetRequiredService<TrustFundDbContext>(), new RecordOwners());

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await behaviour.Handle(new Undeclared.Query(), (_, _) => ValueTask.FromResult(42), CancellationToken.None));
    }

    /// <summary>A scoped declaration that cannot see what the request is about would let anyone with the role through.</summary>
    [Fact]
    public void ScopedDeclarations_ReachWhatTheRequestIsAbout()
    {
        var about = new Dictionary<string, Type>
        {
            ["ApplicationId"] = typeof(IAboutApplication), ["AttachmentId"] = typeof(IAboutAttachment), ["GrantId"] = typeof(IAboutGrant),
            ["ReportId"] = typeof(IAboutGrantReport), ["BallotId"] = typeof(IAboutBallot), ["DonorId"] = typeof(IAboutDonor),
        };
        var problems = new List<string>();
        foreach (var request in RequestTypes(typeof(TrustFundDbContext).Assembly))
        {
            var scopes = Declaration.Of(request).Rules.Select(r => r.Scope).Where(s => s != Scope.Any).ToList();
            if (scopes.Count == 0) continue;
            foreach (var property in request.GetProperties().Where(p => p.PropertyType == typeof(Guid) && about.ContainsKey(p.Name)))
                if (!about[property.Name].IsAssignableFrom(request) && !(property.Name == "ReportId" && typeof(IAboutIssuedReport).IsAssignableFrom(request)))
                    problems.Add($"{request.DeclaringType?.Name}.{request.Name} has {property.Name} but is not {about[property.Name].Name}");
            if (scopes.Contains(Scope.NotRecused) && !typeof(IAboutApplication).IsAssignableFrom(request) && !typeof(IAboutBallot).IsAssignableFrom(request))
                problems.Add($"{request.DeclaringType?.Name}.{request.Name} is NotRecused about no application");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task AnotherNgo_IsRefused_TheApplicationAndItsFile_ThroughThePipelineAndThePages()
    {
        var call = await OpenCall();
        var (_, maria) = await Ngo();
        var id = await CompleteDraft(maria, call.Id);
        var file = await FileOf(id);
        var (_, fatou) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");

        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(fatou, new GetApplication.Query(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(fatou, new GetAttachmentFile.Query(file)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(fatou, new SubmitApplication.Command(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(fatou, new WithdrawApplication.Command(id, "Not ours to withdraw.")));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(fatou, new RemoveAttachment.Command(id, file)));
        // Naming their own draft does not carry someone else's file along.
        var own = await SendAs(fatou, new StartApplication.Command(call.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(fatou, new RemoveAttachment.Command(own, file)));
        // An id that does not exist is refused the same way: nothing tells the prober which ids are real.
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(fatou, new GetApplication.Query(Guid.NewGuid())));

        var client = await SignedIn(fatou);
        var page = await client.GetAsync($"/apply/{id}/project");
        var download = await client.GetAsync($"/files/{file}");
        var summary = await client.GetAsync($"/apply/{id}/summary.pdf");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, summary.StatusCode);
        Assert.DoesNotContain("Shelter", await page.Content.ReadAsStringAsync());
        Assert.NotEqual(Pdf, await download.Content.ReadAsByteArrayAsync());

        await using var db = App.NewDbContext();
        Assert.Equal(ApplicationStatus.Draft, (await db.Applications.SingleAsync(a => a.Id == id)).Status);
        Assert.True(await db.Attachments.AnyAsync(a => a.Id == file));
    }

    [Fact]
    public async Task ARecusedTrustee_IsRefused_TheScoresScoringAndTheVote_WhileAClearedOneIsNot()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var (erik, hiroshi) = (Of(board, "SE"), Of(board, "JP"));
        foreach (var reviewer in new[] { erik, hiroshi })
        {
            await Send(new AssignReviewer.Command(id, reviewer.Id));
            await SendAs(reviewer, new DeclareConflict.Command(id, false, null));
            await SendAs(reviewer, new SaveAssessment.Command(id, AllFours, Complete: true));
        }
        await Send(new DecideSelection.Command(id, Selection.Shortlist, "Shortlisted for the board."));
        var session = await Send(new CreateBoardSession.Command(call.Id, new DateOnly(2026, 12, 1), SessionFormat.Remote, board.Select(t => t.Id).ToList()));
        await using var db = App.NewDbContext();
        var ballot = (await db.SessionBallots.SingleAsync(b => b.SessionId == session && b.ApplicationId == id)).Id;
        await SendAs(erik, new DeclareConflict.Command(id, true, "My brother joined their board."));

        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(erik, new GetApplicationScores.Query(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(erik, new SaveAssessment.Command(id, AllFours, Complete: true)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(erik, new CastVote.Command(ballot, VoteChoice.Approve)));
        Assert.Equal(4.00m, (await QueryAs(hiroshi, new GetApplicationScores.Query(id))).Score.Average);
        await SendAs(hiroshi, new CastVote.Command(ballot, VoteChoice.Approve));

        Assert.Equal([hiroshi.Id], await db.BoardVotes.Where(v => v.BallotId == ballot).Select(v => v.TrusteeUserId).ToListAsync());
        // Through the page, the recused trustee sees the application's name and their declaration, never the scores.
        var page = await (await SignedIn(erik)).GetStringAsync($"/review/{id}");
        Assert.DoesNotContain("4.00", page);
    }

    [Fact]
    public async Task AnAdministratorAlone_IsRefused_AnNgosApplicationFileAndScores()
    {
        var call = await OpenCall();
        var (_, maria) = await Ngo();
        var id = await CompleteDraft(maria, call.Id);
        var file = await FileOf(id);
        var admin = await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true);

        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(admin, new GetApplication.Query(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(admin, new GetAttachmentFile.Query(file)));
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(admin, new GetApplicationScores.Query(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(admin, new GetCallScores.Query(call.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(admin, new ListApplications.Query(new ListApplications.Filter())));
        // What an administrator is for still works.
        Assert.NotNull(await QueryAs(admin, new TrustFund.Application.Features.Users.ListUsers.Query()));
    }

    [Fact]
    public async Task Anonymous_IsRefused_AllButWhatIsDeclaredPublic()
    {
        var call = await OpenCall();
        var (_, maria) = await Ngo();
        var id = await CompleteDraft(maria, call.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendActingAs(null, new GetApplication.Query(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendActingAs(null, new ListMyNotifications.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendActingAs(null, new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow()))));
        var open = await SendActingAs<IReadOnlyList<ListOpenCalls.Item>>(null, new ListOpenCalls.Query());
        Assert.Contains(open, c => c.Id == call.Id);
    }

    [Fact]
    public async Task AnotherDonor_IsRefused_TheDonorAndItsReports_ThroughThePipelineThePageAndTheApi()
    {
        var norway = await Send(new CreateDonor.Command("Norway", DonorKind.MemberState, "NO"));
        var qatar = await Send(new CreateDonor.Command("Qatar", DonorKind.MemberState, "QA"));
        var statement = await Send(new TrustFund.Application.Features.Reports.IssueDonorStatement.Command(norway,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)));
        var doha = await CreateUser("fund@qatar.example", Roles.Donor);
        await Send(new LinkDonorUser.Command(qatar, "fund@qatar.example"));

        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(doha, new GetDonor.Query(norway)));
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(doha, new TrustFund.Application.Features.Reports.GetIssuedReportFile.Query(statement.ReportId)));
        Assert.Equal("Qatar", (await QueryAs(doha, new GetDonor.Query(qatar))).Name);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedIn(doha)).GetAsync($"/reports/{statement.ReportId}")).StatusCode);
        var api = await NewClient().WithBearer(await ApiClient.TokenFor(App, doha)).GetAsync($"/api/v1/reports/{statement.ReportId}");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Norway", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheNewerUseCases_AreDeclaredForTheirPeopleOnly()
    {
        var manager = await Manager();
        var admin = await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true);

        // The mail queue is the administrator's; the auditor's dossier the fund manager's (built by the system's job).
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(manager, new ListUndeliveredMail.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(manager, new ResendMail.Command(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => QueryAs(admin, new GetAuditorDossiers.Query(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(admin, new RequestAuditorDossier.Command(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(manager, new BuildAuditorDossier.Command(Guid.NewGuid())));
        Assert.Empty(await QueryAs(admin, new ListUndeliveredMail.Query()));
        // Open data is public by declaration, not by omission.
        Assert.NotEmpty(await SendActingAs<byte[]>(null, new GetIatiOrganisationFile.Query()));
    }

    [Fact]
    public async Task AJob_SendsAsTheSystem_WhichReachesOnlyWhatIsDeclaredForIt()
    {
        // The job as Hangfire runs it: resolved in a scope of its own, no request, no person.
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationJobs>().UnoreMissing(CancellationToken.None);

        var manager = await Manager();
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(manager, new NotifyMissingUnoreTable.Command()));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendActingAs(SystemUser.Instance, new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow()))));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendActingAs(null, new NotifyMissingUnoreTable.Command()));
    }

    private async Task<Guid> FileOf(Guid applicationId)
    {
        await using var db = App.NewDbContext();
        return await db.Attachments.Where(a => a.ApplicationId == applicationId).Select(a => a.Id).FirstAsync();
    }

    /// <summary>Sends in a scope of its own with no request: as nobody (null) or as the given actor.</summary>
    private async Task<T> SendActingAs<T>(ICurrentUser? actor, IMessage request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        if (actor is not null) scope.ServiceProvider.GetRequiredService<ActingUser>().As(actor);
        return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request))!;
    }

    private Task<object> SendActingAs(ICurrentUser? actor, IMessage request) => SendActingAs<object>(actor, request);
}

/// <summary>A request that declares nothing, for the controls above (it has no handler: the behaviour refuses it first).</summary>
public static class Undeclared
{
    public sealed record Query : IQuery<int>;
}
