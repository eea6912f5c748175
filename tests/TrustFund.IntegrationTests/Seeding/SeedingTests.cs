using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.IntegrationTests.Support;
using TrustFund.Web.Hosting;

namespace TrustFund.IntegrationTests.Seeding;

public sealed class SeedingTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ReferenceData_HoldsEveryUnStateWithItsRegionalGroup()
    {
        await using var db = App.NewDbContext();

        Assert.Equal(193, await db.Countries.CountAsync(c => c.UnStatus == Domain.ReferenceData.UnStatus.Member));
        Assert.Equal(2, await db.Countries.CountAsync(c => c.UnStatus == Domain.ReferenceData.UnStatus.Observer));
        Assert.Equal(5, await db.RegionalGroups.CountAsync());
        Assert.Null((await db.Countries.SingleAsync(c => c.Iso2 == "KI")).RegionalGroupCode);
        Assert.Equal("WEOG", (await db.Countries.SingleAsync(c => c.Iso2 == "IL")).RegionalGroupCode);
        Assert.Equal("WEOG", (await db.Countries.SingleAsync(c => c.Iso2 == "TR")).RegionalGroupCode);
        Assert.Equal("WEOG", (await db.Countries.SingleAsync(c => c.Iso2 == "US")).RegionalGroupCode);
        Assert.Equal("Côte d'Ivoire", (await db.Countries.SingleAsync(c => c.Iso2 == "CI")).Name.En);
        Assert.Equal(9, await db.FormsOfExploitation.CountAsync());
        Assert.Equal(8, await db.AssistanceTypes.CountAsync());
    }

    [Fact]
    public async Task Seeding_TwiceIncludingDemoData_ChangesNothingTheSecondTime()
    {
        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);
        var before = await Snapshot();
        App.Clock.Advance(TimeSpan.FromDays(3)); // a later run must not move the demo deadlines either

        await DatabaseSetup.SeedAsync(WithDemoPassword(), includeDemo: true);

        Assert.Equal(before, await Snapshot());
        await using var db = App.NewDbContext();
        Assert.Equal(2, await db.Calls.CountAsync());
        Assert.Equal(5, await db.TrusteeAppointments.Select(a => a.RegionalGroupCode).Distinct().CountAsync()); // one seat per group
        Assert.Equal(2, await db.ContributionReceipts.CountAsync());
        Assert.Equal(5, await db.Users.CountAsync(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Trustee"))));
    }

    private IServiceProvider WithDemoPassword()
    {
        var config = App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        config["Demo:Password"] = "Demo-Password-2026";
        return App.Services;
    }

    private async Task<string> Snapshot()
    {
        await using var db = App.NewDbContext();
        return string.Join("|",
            await db.AuditEntries.CountAsync(),
            await db.Countries.CountAsync(),
            await db.Users.CountAsync(),
            await db.Organisations.CountAsync(),
            await db.Donors.CountAsync(),
            await db.TrusteeAppointments.CountAsync(),
            await db.UnoreRates.CountAsync(),
            await db.ContributionReceipts.CountAsync(),
            await db.JournalEntries.CountAsync(),
            string.Join(",", await db.Calls.OrderBy(c => c.Slug).Select(c => c.Slug + "@" + c.Deadline).ToListAsync()));
    }
}
