using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// Draws up the agreement for an approved application: grantee, approved amount, the project's period, its budget lines
/// and the default instalment and reporting schedules. The draft stays editable until it is signed; the new agreement raises
/// GrantAgreementDrawnUp, and <see cref="GranteeMoneyNotice.TellAgreementReady"/> tells the grantee it is ready for signature.
/// </summary>
public static class CreateGrantAgreement
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ApplicationId) : ICommand<Guid>;

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("application", command.ApplicationId);
            if (application.Status != ApplicationStatus.Approved || application.ApprovedAmount is not { } amount)
                throw new DomainException("An agreement can be drawn up only for an approved application.");
            if (await db.GrantAgreements.AnyAsync(g => g.ApplicationId == application.Id, ct))
                throw new DomainException("This application already has a grant agreement.");
            if (application.Project.StartDate is not { } start || application.Project.EndDate is not { } end)
                throw new DomainException("The application gives no project period.");

            var grant = new GrantAgreement(application.Id, application.OrganisationId, application.Organisation.LegalName,
                "GA-" + application.ReferenceNumber, amount, start, end,
                application.Budget.Select(l => new GrantBudgetLine(l.Category.ToString(), l.Description, l.Amount)), clock.GetUtcNow());
            db.GrantAgreements.Add(grant);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Two fund managers drew it up at the same moment: the unique index let one through.
                throw new DomainException("This application already has a grant agreement.");
            }
            return grant.Id;
        }
    }
}
