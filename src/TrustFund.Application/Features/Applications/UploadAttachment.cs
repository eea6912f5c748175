using System.Security.Cryptography;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>Attaches a PDF, DOCX, XLSX, JPEG or PNG (by content) of at most 10 MB, 50 MB per application.</summary>
public static class UploadAttachment
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ApplicationId, DocumentType Type, string FileName, byte[] Content) : ICommand<Guid>, IAboutApplication;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var application = await db.OwnForUpdate(user, command.ApplicationId, version: null, ct);
            if (!application.IsEditable) throw new DomainException("This application has been submitted and can no longer be changed.");
            if (command.Content.Length == 0) throw new DomainException("The file is empty.");
            if (command.Content.LongLength > Attachment.MaxFileBytes) throw new DomainException("A file may be at most 10 MB.");
            var kind = FileSignature.Detect(command.Content)
                ?? throw new DomainException("Only PDF, Word (DOCX), Excel (XLSX), JPEG and PNG files can be attached.");
            var used = await db.Attachments.Where(a => a.ApplicationId == application.Id).SumAsync(a => (long?)a.Size, ct) ?? 0;
            if (used + command.Content.LongLength > Attachment.MaxApplicationBytes)
                throw new DomainException("The attachments of one application may total at most 50 MB.");

            var name = Path.GetFileName(command.FileName.Replace('\\', '/'));
            if (string.IsNullOrWhiteSpace(name)) name = $"{command.Type}.{kind.Kind.ToLowerInvariant()}";
            var attachment = new Attachment(application.Id, command.Type, name.Length > 255 ? name[^255..] : name, kind.ContentType,
                command.Content, Convert.ToHexStringLower(SHA256.HashData(command.Content)), clock.GetUtcNow(), user.UserName);
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            return attachment.Id;
        }
    }
}
