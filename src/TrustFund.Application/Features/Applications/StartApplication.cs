using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Opens the organisation's application to a call: the existing one if there is one (a second click, a second
/// colleague), otherwise a new draft prefilled from the organisation's profile.
/// </summary>
public static class StartApplication
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid CallId) : ICommand<Guid>;

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var organisationId = user.OrganisationId
                ?? throw new DomainException("Only users of a registered organisation can apply.");
            var existing = await db.Applications.Where(a => a.CallId == command.CallId && a.OrganisationId == organisationId)
                .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            if (existing is { } id) return id;

            var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == command.CallId, ct) ?? throw new NotFoundException("call", command.CallId);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, ct);
            var p = organisation.Profile;
            var application = new GrantApplication(call, organisationId, new OrganisationSection
            {
                LegalName = organisation.LegalName, CountryIso2 = organisation.CountryIso2, RegistrationNumber = p.RegistrationNumber,
                RegistrationDate = p.RegistrationDate, UnppPartnerId = p.UnppPartnerId, YearsOfDirectAssistance = p.YearsOfDirectAssistance,
                IsNonProfit = p.IsNonProfit, HasPseaPolicy = p.HasPseaPolicy, BankAccountInOrganisationName = p.BankAccountInOrganisationName,
                ContactName = p.ContactName, ContactEmail = p.ContactEmail,
            }, clock.GetUtcNow(), user.UserName);
            application.SaveProject(new ProjectSection { ImplementationCountryIso2 = organisation.CountryIso2 }, clock.GetUtcNow());
            db.Applications.Add(application);
            // The transaction goes on after a refused insert only from a savepoint (the pipeline makes none of its own).
            var transaction = db.Database.CurrentTransaction;
            if (transaction is not null) await transaction.CreateSavepointAsync(nameof(StartApplication), ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A colleague started it at the same moment: theirs is the one (the unique index let only one in).
                if (transaction is not null) await transaction.RollbackToSavepointAsync(nameof(StartApplication), ct);
                db.ChangeTracker.Clear();
                return await db.Applications.Where(a => a.CallId == command.CallId && a.OrganisationId == organisationId)
                    .Select(a => a.Id).SingleAsync(ct);
            }
            return application.Id;
        }
    }
}
