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

/// <summary>
/// A class fixture for test classes that only read the demo fund (and sign in): it is reset and seeded for the class's
/// first test only, since seeding takes seconds and xunit runs a class's tests one after another with no other class's
/// in between. The class calls <see cref="SeedAsync"/> from its InitializeAsync instead of the usual reset.
/// </summary>
public sealed class DemoFundOnce
{
    private bool seeded;

    public async Task SeedAsync(TrustFundAppFactory app)
    {
        if (seeded) return;
        await app.ResetAsync();
        await DemoFund.SeedAsync(app);
        seeded = true;
    }
}
