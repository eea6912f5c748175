using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Calls;

/// <summary>The list of calls moves a call along its stages through each row's button (Move), and refuses a step out of turn.</summary>
public sealed class CallListFormTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    private async Task<CallStatus> StatusOf(Guid call)
    {
        await using var db = App.NewDbContext();
        return (await db.Calls.SingleAsync(c => c.Id == call)).Status;
    }

    [Fact]
    public async Task CallList_MovesAClosedCallToReview_ThenDecided_ThenArchived_OneButtonAtATime()
    {
        var (call, _) = await OpenCall();
        App.Clock.Advance(TimeSpan.FromDays(31));
        await Send(new CloseDueCalls.Command());
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        foreach (var (step, status) in new[] { ("StartReview", CallStatus.UnderReview), ("MarkDecided", CallStatus.Decided), ("Archive", CallStatus.Archived) })
        {
            var moved = await PostPageForm(manager, "/fund/calls", "Move", [], containing: $"to={step}");

            Assert.Equal("/fund/calls", LocationOf(moved));
            Assert.Equal(status, await StatusOf(call));
        }
        Assert.Contains("The call has moved to its next stage.", await manager.GetStringAsync("/fund/calls"));
    }

    [Fact]
    public async Task CallList_AStepOutOfTurn_IsRefusedNamingTheStatusesInTheReadersLanguage_AndAnUnreadableStepMovesNothing()
    {
        var (call, _) = await OpenCall();
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        await manager.GetAsync("/?culture=fr");
        var html = await manager.GetStringAsync("/fund/calls");
        var token = HiddenFieldsOf(WebUtility.HtmlDecode(html)).First(f => f.Key == "__RequestVerificationToken");

        // A published call whose deadline has not passed, posted as from a page loaded before someone else's step, or typed by hand.
        var early = await manager.PostAsync($"/fund/calls?handler=Move&id={call}&to=StartReview", new FormUrlEncodedContent([token]));
        var unreadable = await manager.PostAsync($"/fund/calls?handler=Move&id={call}&to=Explode", new FormUrlEncodedContent([token]));

        await AssertRefusedWith(early, "Cet appel est à l’état Publié\u00A0; seul un appel à l’état Clôturé peut passer à l’état En cours d’examen.");
        await AssertRefusedWith(unreadable, "«\u00A0Explode\u00A0» n’est pas une valeur valide.");
        Assert.Equal(CallStatus.Published, await StatusOf(call));
        var unknown = await manager.PostAsync($"/fund/calls?handler=Move&id={Guid.NewGuid()}&to=StartReview", new FormUrlEncodedContent([token]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
