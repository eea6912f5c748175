using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.AuditorDossiers;

/// <summary>
/// A fund manager asks for a grant's auditor's dossier: recorded at once as queued, then built by a background job
/// (a large grant's attachments take a while to gather), whose progress the dossier page shows.
/// </summary>
public static class RequestAuditorDossier
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid GrantId) : ICommand<Guid>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, ICurrentUser user, IAuditorDossierQueue queue)
        : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var grant = await db.GrantAgreements.AsNoTracking().Where(g => g.Id == command.GrantId)
                .Select(g => new { g.Id, g.Status }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("grant agreement", command.GrantId);
            if (grant.Status == GrantStatus.Draft) throw new Domain.Common.DomainException("An auditor's dossier is made for a signed grant.");
            var dossier = new AuditorDossier(grant.Id, user.AsActor().Name, clock.GetUtcNow());
            db.AuditorDossiers.Add(dossier);
            await db.SaveChangesAsync(ct);
            // Queued after the row is saved, so the job always finds it.
            queue.Enqueue(dossier.Id);
            return dossier.Id;
        }
    }
}
