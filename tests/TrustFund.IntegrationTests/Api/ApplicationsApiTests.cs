using System.Net;
using System.Text.Json;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Api;

public sealed class ApplicationsApiTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task ListApplications_ForTheSecretariat_FiltersByStatusAndCall_WithoutDrafts()
    {
        var call = await OpenCall();
        var (_, colombia) = await Ngo();
        var (_, senegal) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var eligible = await CompleteDraft(colombia, call.Id, 30_000m);
        await SendAs(colombia, new SubmitApplication.Command(eligible));
        var draft = await CompleteDraft(senegal, call.Id);
        await Send(new DecideEligibility.Command(eligible, true, "Meets every criterion"));
        var manager = await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
        var api = NewClient().WithBearer(await ApiClient.TokenFor(App, manager));

        var all = await api.GetJsonAsync($"/api/v1/applications?call={call.Id}");
        var submitted = await api.GetJsonAsync("/api/v1/applications?status=Submitted");
        var one = await api.GetJsonAsync($"/api/v1/applications/{eligible}");

        Assert.Equal(1, all.GetProperty("totalCount").GetInt32());
        var item = all.GetProperty("items")[0];
        Assert.Equal("Casa Esperanza", item.GetProperty("organisation").GetString());
        Assert.Equal("Eligible", item.GetProperty("status").GetString());
        Assert.Equal(30_000m, item.GetProperty("requestedUsd").GetDecimal());
        Assert.Equal(52, item.GetProperty("peopleTargeted").GetInt32());
        Assert.Equal(0, submitted.GetProperty("totalCount").GetInt32());
        Assert.Equal("Meets every criterion", one.GetProperty("eligibilityReason").GetString());
        Assert.Equal(2, one.GetProperty("beneficiaries").GetArrayLength());
        Assert.Equal("Female", one.GetProperty("beneficiaries")[0].GetProperty("sex").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/applications/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/applications/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Applications_WithAnApplicantsOrDonorsToken_AreForbidden_EvenItsOwn()
    {
        var call = await OpenCall();
        var (_, colombia) = await Ngo();
        var own = await CompleteDraft(colombia, call.Id);
        await SendAs(colombia, new SubmitApplication.Command(own));
        var applicant = NewClient().WithBearer(await ApiClient.TokenFor(App, colombia));
        var donor = NewClient().WithBearer(await ApiClient.TokenFor(App, await CreateUser("donor@example.gov", Roles.Donor)));

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/applications/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await donor.GetAsync("/api/v1/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().GetAsync("/api/v1/applications")).StatusCode);
    }
}
