using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Review;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Features.Board;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Review;

/// <summary>A call with eligible applications and a full board of five trustees (SN, JP, UA, CO, SE).</summary>
public abstract class ReviewTest(TrustFundAppFactory app) : ApplicationTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Clock.SetUtcNow(BoardTestData.Now);
    }

    protected async Task<List<ApplicationUser>> FullBoard()
    {
        var board = new List<ApplicationUser>();
        foreach (var (email, nationality) in BoardTestData.Trustees)
        {
            var person = await CreateUser(email, [Roles.Trustee], twoFactor: true);
            await Send(new AppointTrustee.Command(person.Id, nationality, null, null, new DateOnly(2026, 1, 1), null));
            board.Add(person);
        }
        return board;
    }

    /// <summary>Trustee by nationality, as in <see cref="BoardTestData.Trustees"/>.</summary>
    protected static ApplicationUser Of(List<ApplicationUser> board, string nationality) =>
        board[Array.FindIndex(BoardTestData.Trustees, t => t.Nationality == nationality)];

    protected async Task<Guid> EligibleApplication(Guid callId, string name, string country, decimal total = 40_000m)
    {
        var (_, user) = await Ngo(name, country, $"{name.Replace(" ", "").ToLowerInvariant()}@ngo.test");
        var id = await CompleteDraft(user, callId, total);
        await SendAs(user, new SubmitApplication.Command(id));
        await Send(new DecideEligibility.Command(id, true, "Meets every criterion."));
        return id;
    }

    /// <summary>The reviewer is assigned, declares no conflict and completes the assessment with one score for every criterion.</summary>
    protected async Task Scored(Guid application, ApplicationUser reviewer, int score = 4)
    {
        await Send(new AssignReviewer.Command(application, reviewer.Id));
        await SendAs(reviewer, new DeclareConflict.Command(application, false, null));
        await SendAs(reviewer, new SaveAssessment.Command(application, RubricCriterion.Default.Select(c => new CriterionScore(c.Name, score, null)).ToList(), true));
    }

    protected async Task<ApplicationUser> Manager() => await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
}
