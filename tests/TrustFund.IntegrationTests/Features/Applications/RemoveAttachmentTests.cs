using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Domain.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class RemoveAttachmentTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task RemovingAnAttachment_IsAudited_WithWhoWhatAndTheFilesHash_NotItsContent()
    {
        var (id, user, client) = await SignedInWithADraft();
        await SendAs(user, new UploadAttachment.Command(id, DocumentType.RegistrationCertificate, "registration.pdf", Pdf));
        await using var before = App.NewDbContext();
        var attachment = await before.Attachments.AsNoTracking().SingleAsync(a => a.ApplicationId == id);

        var response = await PostForm(client, $"/apply/{id}/attachments?handler=Remove&attachmentId={attachment.Id}", [],
            pageUrl: $"/apply/{id}/attachments");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = App.NewDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.Id == attachment.Id));
        var entry = await db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Attachment) && e.Change == "Deleted");
        Assert.Equal((nameof(RemoveAttachment), attachment.Id.ToString(), user.Email), (entry.Action, entry.EntityId, entry.UserName));
        var removed = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal("registration.pdf", removed.GetProperty("FileName")[0].GetString());
        Assert.Equal(attachment.Sha256, removed.GetProperty("Sha256")[0].GetString());
        Assert.False(removed.TryGetProperty("Content", out _));
    }
}
