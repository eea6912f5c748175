using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

public sealed class AssignmentTests(TrustFundAppFactory app) : ReviewTest(app)
{
    [Fact]
    public async Task AssignAutomatically_SpreadsEvenly_AvoidsPreFlaggedAndConflictedReviewers_AndStartsReview()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var countries = new[] { "CO", "SN", "JP", "BR", "KE", "IN", "UA", "MX", "SE", "FR" };
        var ids = new List<Guid>();
        for (var i = 0; i < countries.Length; i++) ids.Add(await EligibleApplication(call.Id, $"Ngo {i}", countries[i]));
        // Erik (SE) declared a tie with the Brazilian NGO, and a conflict on the Mexican one.
        await using (var db = App.NewDbContext())
        {
            var brazil = await db.Organisations.SingleAsync(o => o.CountryIso2 == "BR");
            db.DeclaredAffiliations.Add(new DeclaredAffiliation(Of(board, "SE").Id, brazil.Id, "Former board member", App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var erik = Of(board, "SE");
        await Send(new AssignReviewer.Command(ids[7], Of(board, "SN").Id));
        await SendAs(erik, new DeclareConflict.Command(ids[7], true, "I advise this NGO."));

        var result = await Send(new AssignReviewersAutomatically.Command(call.Id));

        await using var check = App.NewDbContext();
        var assignments = await check.ReviewAssignments.ToListAsync();
        Assert.Equal(0, result.Short);
        Assert.All(ids, id => Assert.True(assignments.Count(a => a.ApplicationId == id) >= 2));
        var loads = board.Select(t => assignments.Count(a => a.ReviewerUserId == t.Id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"uneven loads {string.Join(",", loads)}");
        var organisations = await check.Organisations.ToDictionaryAsync(o => o.Id, o => o.CountryIso2);
        var applications = await check.Applications.ToListAsync();
        var nationality = BoardTestData_Nationality(board);
        Assert.DoesNotContain(assignments, a => nationality[a.ReviewerUserId] == organisations[applications.Single(x => x.Id == a.ApplicationId).OrganisationId]);
        var brazilApplication = applications.Single(a => organisations[a.OrganisationId] == "BR");
        Assert.DoesNotContain(assignments, a => a.ApplicationId == brazilApplication.Id && a.ReviewerUserId == erik.Id);
        Assert.DoesNotContain(assignments, a => a.ApplicationId == ids[7] && a.ReviewerUserId == erik.Id);
        Assert.All(applications, a => Assert.Equal(ApplicationStatus.UnderReview, a.Status));
    }

    [Fact]
    public async Task AssignByHand_ReviewerWhoDeclaredAConflict_IsRefused()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var id = await EligibleApplication(call.Id, "Casa Esperanza", "CO");
        var erik = Of(board, "SE");
        await Send(new AssignReviewer.Command(id, Of(board, "JP").Id));
        await SendAs(erik, new DeclareConflict.Command(id, true, "My employer funds them."));

        var error = await Assert.ThrowsAsync<DomainException>(() => Send(new AssignReviewer.Command(id, erik.Id)));

        Assert.Equal("This reviewer declared a conflict of interest on this application.", error.Message);
    }

    [Fact]
    public async Task RankingAndAssignments_ListApplicationsAtEveryReviewStep_NotOnlyUnderReview()
    {
        var call = await OpenCall();
        var board = await FullBoard();
        var ids = new List<Guid>();
        foreach (var (name, country) in new[] { ("Shortlisted Ngo", "CO"), ("Reserve Ngo", "SN"), ("Review Ngo", "KE") })
        {
            var id = await EligibleApplication(call.Id, name, country);
            await Send(new AssignReviewer.Command(id, Of(board, "JP").Id));
            ids.Add(id);
        }
        await Send(new DecideSelection.Command(ids[0], Selection.Shortlist, "Shortlisted."));
        await Send(new DecideSelection.Command(ids[1], Selection.ReserveList, "Reserve."));
        var manager = await Manager();

        var ranking = await QueryAs(manager, new GetCallScores.Query(call.Id));
        var assignments = await QueryAs(manager, new GetReviewAssignments.Query(call.Id));

        Assert.Equal(ids.Order(), ranking.Rows.Select(r => r.ApplicationId).Order());
        Assert.Equal(ids.Order(), assignments.Applications.Select(r => r.ApplicationId).Order());
    }

    private static Dictionary<Guid, string> BoardTestData_Nationality(List<TrustFund.Application.Identity.ApplicationUser> board) =>
        board.Select((t, i) => (t.Id, Board.BoardTestData.Trustees[i].Nationality)).ToDictionary(x => x.Id, x => x.Item2);
}
