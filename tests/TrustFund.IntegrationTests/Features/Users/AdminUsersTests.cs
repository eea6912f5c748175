using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Users;

public sealed class AdminUsersTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Admin_CreatesAUserWithRoles_WhoGetsAnEmailToChooseAPassword()
    {
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));

        var response = await PostForm(admin, "/admin/users/new", new()
        {
            ["Email"] = "certifier@unodc.test", ["DisplayName"] = "Chen Certifier", ["PreferredLanguage"] = "en",
            ["Roles"] = Roles.CertifyingOfficer,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = App.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "certifier@unodc.test");
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name).ToListAsync();
        Assert.Equal([Roles.CertifyingOfficer], roles);
        Assert.Contains(await db.OutboxEmails.ToListAsync(), e => e.To == "certifier@unodc.test");
        Assert.Contains("Chen Certifier", await admin.GetStringAsync("/admin/users?search=chen"));
    }

    [Fact]
    public async Task Admin_ChangesRoles()
    {
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        var person = await CreateUser("someone@unodc.test", Roles.Trustee);

        var response = await PostForm(admin, $"/admin/users/{person.Id}/roles", new() { ["Roles"] = Roles.FundManager });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = App.NewDbContext();
        var roles = await db.UserRoles.Where(r => r.UserId == person.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name).ToListAsync();
        Assert.Equal([Roles.FundManager], roles);
    }

    [Fact]
    public async Task CreateUser_WithAnAddressAlreadyTaken_IsRefusedWithAClearMessage()
    {
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        await CreateUser("taken@unodc.test", Roles.Trustee);

        var response = await PostForm(admin, "/admin/users/new", new()
        {
            ["Email"] = "taken@unodc.test", ["DisplayName"] = "Someone", ["PreferredLanguage"] = "en",
        });

        Assert.Contains("An account with this e-mail address already exists.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UserPages_AreForAdminsOnly()
    {
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        Assert.StartsWith("/account/access-denied", LocationOf(await manager.GetAsync("/admin/users")));
    }
}
