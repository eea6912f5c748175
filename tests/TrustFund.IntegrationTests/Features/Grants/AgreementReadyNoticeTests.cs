using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Grants;

/// <summary>The grantee hears that its agreement is drawn up and ready for signature: in its language, once (DOMAIN.md section 5).</summary>
public sealed class AgreementReadyNoticeTests(TrustFundAppFactory app) : GrantTest(app)
{
    [Fact]
    public async Task DrawingUpTheAgreement_TellsTheGranteeOnceInItsLanguage_ThatItIsReadyForSignature()
    {
        var applicationId = await ApprovedApplication(40_000m);
        Guid grantee;
        int noticesBefore;
        await using (var db = App.NewDbContext())
        {
            grantee = await db.Users.Where(u => u.Email == "ngo1@example.org").Select(u => u.Id).SingleAsync();
            await db.Users.Where(u => u.Id == grantee).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "fr"));
            noticesBefore = await db.Notifications.CountAsync(n => n.UserId == grantee);
        }
        var manager = await SignedIn(await Manager());

        var created = await PostPageForm(manager, "/fund/grants", "Create", [], containing: applicationId.ToString());
        // Drawn up a second time (a double click, a second manager): refused, and nobody is told twice.
        var again = await PostForm(manager, "/fund/grants?handler=Create", new() { ["applicationId"] = applicationId.ToString() }, "/fund/grants");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await AssertRefusedWith(again, "This application already has a grant agreement.");
        await using var check = App.NewDbContext();
        var reference = await check.GrantAgreements.Where(g => g.ApplicationId == applicationId).Select(g => g.ReferenceNumber).SingleAsync();
        var mail = Assert.Single(await check.OutboxEmails.Where(e => e.To == "ngo1@example.org" && e.Subject.Contains(reference)).ToListAsync());
        Assert.Equal($"Accord de subvention {reference} prêt pour la signature", mail.Subject);
        Assert.Contains("Il est prêt pour la signature", mail.TextBody);
        Assert.Equal(noticesBefore + 1, await check.Notifications.CountAsync(n => n.UserId == grantee));
    }
}
