using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

public static class RemoveAttachment
{
    public sealed record Command(Guid ApplicationId, Guid AttachmentId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var application = await db.OwnForUpdate(user, command.ApplicationId, version: null, ct);
            if (!application.IsEditable) throw new DomainException("This application has been submitted and can no longer be changed.");
            var deleted = await db.Attachments.Where(a => a.Id == command.AttachmentId && a.ApplicationId == application.Id)
                .ExecuteDeleteAsync(ct);
            if (deleted == 0) throw new NotFoundException("attachment", command.AttachmentId);
            return Unit.Value;
        }
    }
}
