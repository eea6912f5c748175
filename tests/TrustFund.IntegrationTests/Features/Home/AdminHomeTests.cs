using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Board;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Home;

public sealed class AdminHomeTests(TrustFundAppFactory app) : BoardTest(app)
{
    [Fact]
    public async Task AdminHome_ListsTermsEndingWithoutSuccessor_AndStaffWithoutTwoFactor()
    {
        var today = BoardTestData.Today;
        var ending = await Trustee("ending@trustees.test");
        await Appointed(ending, "SN", start: today.AddYears(-3).AddDays(40), end: today.AddDays(40));
        var covered = await Trustee("covered@trustees.test");
        await Appointed(covered, "JP", start: today.AddYears(-2), end: today.AddDays(20));
        await Appointed(await Trustee("successor@trustees.test"), "JP", start: today.AddDays(20), end: today.AddYears(3));
        var noSecondFactor = await CreateUser("lax@unodc.test", [Roles.FundManager], twoFactor: false);
        await CreateUser("ngo@example.org", [Roles.Applicant], twoFactor: false);

        var html = await HomePage.Get(await Admin());

        Assert.Equal(1, HomePage.Count(html, "admin-terms"));
        Assert.Contains(">ending</a>", HomePage.List(html, "admin-terms"));
        Assert.DoesNotContain(">covered</a>", HomePage.List(html, "admin-terms"));
        Assert.Contains($"the term ends on {TrustFund.Web.Days.Long(today.AddDays(40))}", HomePage.List(html, "admin-terms"));
        Assert.Equal(1, HomePage.Count(html, "admin-two-factor"));
        Assert.Contains($"href=\"/admin/users?search={Uri.EscapeDataString(noSecondFactor.Email!)}\"", HomePage.List(html, "admin-two-factor"));
        Assert.DoesNotContain("ngo@example.org", html);
    }
}
