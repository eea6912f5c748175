using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Calls;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Audit;

public sealed class AuditTrailTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task PublishingACall_RecordsWhoWhenWhatAndWhich_InTheSameTransaction()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        var manager = await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true);
        var client = await SignedIn(manager);
        var now = App.Clock.GetUtcNow().AddMinutes(5);
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        App.Clock.SetUtcNow(at);

        await PostForm(client, "/fund/calls?handler=Publish&id=" + call.Id, [], pageUrl: "/fund/calls");

        await using var db = App.NewDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "PublishCall");
        Assert.Equal("Call", entry.EntityType);
        Assert.Equal(call.Id.ToString(), entry.EntityId);
        Assert.Equal(manager.Id, entry.UserId);
        Assert.Equal("manager@unodc.test", entry.UserName);
        Assert.Equal(at, entry.At);
        Assert.Contains("\"Status\":[\"Draft\",\"Published\"]", entry.Changes.Replace(" ", ""));
    }

    [Fact]
    public async Task ARefusedChange_LeavesNoAuditEntry()
    {
        var call = await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow())));
        App.Clock.Advance(TimeSpan.FromDays(60));

        await Assert.ThrowsAsync<TrustFund.Domain.Common.DomainException>(() => Send(new PublishCall.Command(call.Id)));

        await using var db = App.NewDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "PublishCall"));
    }

    [Fact]
    public async Task AuditPage_ListsAndFiltersEntries_ForAdminsOnly()
    {
        await Send(new CreateCall.Command(CallTestData.Form(App.Clock.GetUtcNow(), "Audited call")));
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));

        var html = await admin.GetStringAsync("/admin/audit?entityType=Call");
        Assert.Contains("CreateCall", html);
        Assert.Contains("Audited call", html);
        var none = await admin.GetStringAsync("/admin/audit?entityType=Call&userName=nobody-at-all");
        Assert.Contains("No audit entries match these filters.", none);

        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));
        Assert.StartsWith("/account/access-denied", LocationOf(await manager.GetAsync("/admin/audit")));
    }

    [Fact]
    public async Task PasswordHashes_NeverReachTheAuditTrail()
    {
        await CreateUser("ngo@example.org", Roles.Applicant);

        await using var db = App.NewDbContext();
        var userEntries = await db.AuditEntries.Where(e => e.EntityType == "ApplicationUser").ToListAsync();
        Assert.NotEmpty(userEntries);
        Assert.All(userEntries, e => Assert.DoesNotContain("PasswordHash", e.Changes));
    }

    [Fact]
    public async Task HangfireDashboard_IsForAdminsOnly()
    {
        var anonymous = await NewClient().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
    }
}
