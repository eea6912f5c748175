using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Hosting;

namespace TrustFund.IntegrationTests.Features.Finance;

public sealed class DemoDonorSeedTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task DemoSeed_LinksTheDemoDonorAccountsToTheirDonors()
    {
        App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Demo:Password"] = "Demo-Password-2026";

        await DatabaseSetup.SeedAsync(App.Services, includeDemo: true);

        await using var db = App.NewDbContext();
        var norway = await db.Donors.SingleAsync(d => d.Name == "Norway");
        var account = await db.Users.SingleAsync(u => u.Email == "donor.norway@trustfund.test");
        Assert.Equal(norway.Id, account.DonorId);
    }
}
