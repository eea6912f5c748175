using Microsoft.Extensions.DependencyInjection;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Hosting;

namespace TrustFund.IntegrationTests.OpenData;

/// <summary>The demo fund (a past funding cycle with three signed grants) seeded through the application's own use cases, as `dotnet run` does.</summary>
public static class DemoFund
{
    public static async Task SeedAsync(TrustFundAppFactory app)
    {
        var config = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        config["Demo:Password"] = "Demo-Password-2026";
        await DatabaseSetup.SeedAsync(app.Services, includeDemo: true);
    }
}
