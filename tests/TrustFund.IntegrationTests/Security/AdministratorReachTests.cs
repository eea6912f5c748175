using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>An administrator manages people and settings; being one does not open an NGO's files or applications.</summary>
public sealed class AdministratorReachTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task AnAdministratorAlone_IsForbidden_AnNgosFile_WhileTheFundManagerGetsIt()
    {
        var (id, user, _) = await SignedInWithADraft();
        await SendAs(user, new UploadAttachment.Command(id, DocumentType.RegistrationCertificate, "registration.pdf", Pdf));
        await using var db = App.NewDbContext();
        var file = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == id).Select(a => a.Id).SingleAsync();
        var admin = await SignedIn(await CreateUser("admin@unodc.test", [Roles.Admin], twoFactor: true));
        var manager = await SignedIn(await CreateUser("manager@unodc.test", [Roles.FundManager], twoFactor: true));

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/files/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/files/{file}")).StatusCode);
    }
}
