using System.Net;
using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Calls;

public sealed class PublicCallPagesTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task HomePage_ListsOpenCalls_ButNotDraftsOrClosedCalls()
    {
        var now = App.Clock.GetUtcNow();
        var open = await Send(new CreateCall.Command(CallTestData.Form(now, "Open shelter call")));
        await Send(new PublishCall.Command(open.Id));
        await Send(new CreateCall.Command(CallTestData.Form(now, "Draft legal aid call")));
        var closing = await Send(new CreateCall.Command(CallTestData.Form(now, "Soon closed call")));
        await Send(new PublishCall.Command(closing.Id));
        App.Clock.Advance(TimeSpan.FromDays(40));
        var reopened = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow(), "Later call")));
        await Send(new PublishCall.Command(reopened.Id));

        var html = await NewClient().GetStringAsync("/");

        Assert.Contains("Later call", html);
        Assert.DoesNotContain("Open shelter call", html); // its deadline passed when the clock moved on
        Assert.DoesNotContain("Draft legal aid call", html);
    }

    [Fact]
    public async Task HomePage_ShowsDeadlineInTheCallsTimeZone()
    {
        var form = CallTestData.Form(App.Clock.GetUtcNow()) with { DeadlineLocal = new DateTime(2030, 3, 31, 23, 59, 0) };
        var call = await Send(new CreateCall.Command(form));
        await Send(new PublishCall.Command(call.Id));

        var html = await NewClient().GetStringAsync("/?culture=en");

        Assert.Contains("Sunday, March 31, 2030, 23:59 (Europe/Vienna)", html);
        Assert.Contains("datetime=\"2030-03-31T21:59:00Z\"", html); // summer time: UTC+2
    }

    [Fact]
    public async Task CultureQuery_ShowsFrenchTitleAndTexts_AndIsRemembered()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        await Send(new PublishCall.Command(call.Id));
        var client = NewClient();

        var response = await client.GetAsync("/?culture=fr");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hébergement et réinsertion 2027", html);
        Assert.Contains("Appels à propositions ouverts", html);
        Assert.Contains("lang=\"fr\"", html);

        var next = await client.GetStringAsync($"/calls/{call.Slug}");
        Assert.Contains("Hébergement et réinsertion 2027", next);
    }

    [Fact]
    public async Task CallPage_FallsBackToEnglish_WhenNoSpanishText()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        await Send(new PublishCall.Command(call.Id));

        var html = await NewClient().GetStringAsync($"/calls/{call.Slug}?culture=es");

        Assert.Contains("Alojamiento y reintegración 2027", html);
        Assert.Contains("Grants for NGOs assisting victims of trafficking.", html); // no Spanish description given
    }

    [Fact]
    public async Task DraftCall_IsNotFound_ForThePublic()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));

        var response = await NewClient().GetAsync($"/calls/{call.Slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_Answers200_WhenTheDatabaseAnswers()
    {
        var response = await NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CloseDueCalls_ClosesAtTheDeadline_NotASecondBefore()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        await Send(new PublishCall.Command(call.Id));
        await using var db = App.NewDbContext();
        var deadline = db.Calls.Single(c => c.Id == call.Id).Deadline;

        App.Clock.SetUtcNow(deadline.AddSeconds(-1));
        Assert.Equal(0, await Send(new CloseDueCalls.Command()));
        App.Clock.SetUtcNow(deadline);
        Assert.Equal(1, await Send(new CloseDueCalls.Command()));
        Assert.Equal(0, await Send(new CloseDueCalls.Command())); // a second run changes nothing

        await using var after = App.NewDbContext();
        Assert.Equal(CallStatus.Closed, after.Calls.Single(c => c.Id == call.Id).Status);
    }
}
