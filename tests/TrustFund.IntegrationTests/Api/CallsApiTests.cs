using System.Net;
using System.Text.Json;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Api;

public sealed class CallsApiTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ListCalls_GivesPublicCallsOnePageAtATime_WithoutDrafts()
    {
        var now = App.Clock.GetUtcNow();
        var early = await Send(new CreateCall.Command(CallTestData.Form(now, "Early shelter call")));
        await Send(new PublishCall.Command(early.Id));
        var late = await Send(new CreateCall.Command(CallTestData.Form(now, "Late legal aid call") with
            { DeadlineLocal = now.UtcDateTime.Date.AddDays(60).AddHours(12) }));
        await Send(new PublishCall.Command(late.Id));
        await Send(new CreateCall.Command(CallTestData.Form(now, "Secret draft call")));

        var first = await NewClient().GetJsonAsync("/api/v1/calls?pageSize=1");
        var second = await NewClient().GetJsonAsync("/api/v1/calls?pageSize=1&page=2");

        Assert.Equal(2, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, first.GetProperty("totalPages").GetInt32());
        var newest = first.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(late.Slug, newest.GetProperty("slug").GetString());
        Assert.Equal("Late legal aid call", newest.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("SGP2", newest.GetProperty("window").GetString());
        Assert.Equal("Published", newest.GetProperty("status").GetString());
        Assert.Equal(500_000m, newest.GetProperty("envelope").GetDecimal());
        Assert.Equal(early.Slug, second.GetProperty("items").EnumerateArray().Single().GetProperty("slug").GetString());
        Assert.DoesNotContain("Secret draft call", first.ToString() + second);
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1e309", "pageSize")]
    [InlineData("status=NoSuchStatus", "status")]
    public async Task ListCalls_AValueThatCannotBeRead_IsRefusedWithProblemDetails_NamingTheParameter(string query, string parameter)
    {
        var response = await NewClient().GetAsync($"/api/v1/calls?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains($" {parameter}\"", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetCall_BySlug_GivesTheCallInAllLanguages()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        await Send(new PublishCall.Command(call.Id));

        var json = await NewClient().GetJsonAsync($"/api/v1/calls/{call.Slug}");

        Assert.Equal("Hébergement et réinsertion 2027", json.GetProperty("title").GetProperty("fr").GetString());
        Assert.Equal("Europe/Vienna", json.GetProperty("timeZoneId").GetString());
        Assert.True(json.GetProperty("isOpen").GetBoolean());
    }

    [Fact]
    public async Task GetCall_Draft_IsNotFoundForThePublic_ButFoundWithTheFundManagersToken()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        var manager = await CreateUser("manager@unodc.org", [Roles.FundManager], twoFactor: true);

        var anonymous = await NewClient().GetAsync($"/api/v1/calls/{call.Slug}");
        var withToken = await NewClient().WithBearer(await ApiClient.TokenFor(App, manager)).GetAsync($"/api/v1/calls/{call.Slug}");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType); // not the HTML error page
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("Draft", await withToken.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ListCalls_PageSizeAboveTheLimit_IsCappedAtOneHundred()
    {
        var json = await NewClient().GetJsonAsync("/api/v1/calls?pageSize=5000&page=0");

        Assert.Equal(100, json.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(0, json.GetProperty("items").GetArrayLength());
    }
}
