using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

public static class RemoveAttachment
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid ApplicationId, Guid AttachmentId) : ICommand<Unit>, IAboutApplication, IAboutAttachment;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var application = await db.OwnForUpdate(user, command.ApplicationId, version: null, ct);
            if (!application.IsEditable) throw new DomainException("This application has been submitted and can no longer be changed.");
            // Loaded and removed through the change tracker, not deleted in one statement, so that the audit interceptor
            // records the removal (name, type, size, hash) in the same save. Removing a file is rare; reading it once is cheap.
            var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == command.AttachmentId && a.ApplicationId == application.Id, ct)
                ?? throw new NotFoundException("attachment", command.AttachmentId);
            db.Attachments.Remove(attachment);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
