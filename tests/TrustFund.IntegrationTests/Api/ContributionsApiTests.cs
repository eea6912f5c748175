using System.Net;
using System.Text.Json;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Donors;
using TrustFund.IntegrationTests.Features.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Api;

public sealed class ContributionsApiTests(TrustFundAppFactory app) : FinanceTest(app)
{
    [Fact]
    public async Task ListContributions_FundManagerSeesAll_ADonorOnlyItsOwn_AnApplicantIsForbidden()
    {
        var norway = await Donor();
        var acme = await Donor("Acme Foundation", DonorKind.Foundation, null);
        await Receive(await Pledge(norway, 1_000, "USD", LastMonth), 600.40m, "USD", LastMonth.AddDays(1), "NO-1");
        await Receive(await Pledge(acme, 2_000, "USD", LastMonth), 2_000, "USD", LastMonth.AddDays(2), "ACME-1");
        var manager = NewClient().WithBearer(await ApiClient.TokenFor(App,
            await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true)));
        var donorUser = await CreateUser("treasury@norway.no", Roles.Donor);
        await Send(new LinkDonorUser.Command(norway, "treasury@norway.no"));
        var donor = NewClient().WithBearer(await ApiClient.TokenFor(App, donorUser));
        var applicant = NewClient().WithBearer(await ApiClient.TokenFor(App, await CreateUser("ngo@example.org", Roles.Applicant)));

        var all = await manager.GetJsonAsync("/api/v1/contributions");
        var onlyAcme = await manager.GetJsonAsync($"/api/v1/contributions?donorId={acme}");
        var own = await donor.GetJsonAsync($"/api/v1/contributions?donorId={acme}"); // asking for another donor changes nothing

        Assert.Equal(2, all.GetProperty("totalCount").GetInt32());
        Assert.Equal("ACME-1", onlyAcme.GetProperty("items")[0].GetProperty("bankReference").GetString());
        Assert.Equal(1, own.GetProperty("totalCount").GetInt32());
        var mine = own.GetProperty("items")[0];
        Assert.Equal("NO-1", mine.GetProperty("bankReference").GetString());
        Assert.Equal(600.40m, mine.GetProperty("usdAmount").GetDecimal());
        Assert.DoesNotContain("ACME", own.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/contributions")).StatusCode);
    }
}
