using System.Net;
using System.Text.Json;
using TrustFund.IntegrationTests.Features.Grants;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Api;

public sealed class GrantsApiTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task ListGrants_GivesTheSecretariatEachGrantWithItsJournalBalance_AndRefusesOthers()
    {
        var manager = await Manager();
        await Fund(100_000);
        await SignedAgreement(manager, 40_000);
        var api = NewClient().WithBearer(await ApiClient.TokenFor(App, manager));

        var response = await api.GetAsync("/api/v1/grants?status=Signed");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("totalCount").GetInt32());
        var grant = body.GetProperty("items")[0];
        Assert.Equal("Signed", grant.GetProperty("status").GetString());
        Assert.Equal(40_000m, grant.GetProperty("amount").GetDecimal());
        Assert.Equal(40_000m, grant.GetProperty("obligated").GetDecimal());

        var (_, ngo) = await Ngo("Other NGO", "SN", "other@ngo.org");
        var applicantApi = NewClient().WithBearer(await ApiClient.TokenFor(App, ngo));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicantApi.GetAsync("/api/v1/grants")).StatusCode);
    }
}
