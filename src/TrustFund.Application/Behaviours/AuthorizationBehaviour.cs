using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Review;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Behaviours;

/// <summary>
/// Checks the request's declaration (<see cref="AuthorizeAttribute"/>, <see cref="AllowAnonymousAttribute"/>) against the
/// current user before anything else reads the request, and refuses with <see cref="ForbiddenException"/>. A request without a
/// declaration is refused too (and fails a test that enumerates them): forgetting must close the door, not open it.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user, TrustFundDbContext db, RecordOwners owners)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        // The message's own type: a caller that runs the behaviour by hand (the demo seeding) names only the interface.
        var declaration = Declaration.Of(message.GetType());
        if (declaration.Anonymous) return await next(message, cancellationToken);
        foreach (var rule in declaration.Rules)
            if (HasRole(rule) && await InScopeAsync(rule.Scope, message, cancellationToken))
                return await next(message, cancellationToken);
        throw new ForbiddenException(message.GetType());
    }

    private bool HasRole(AuthorizeAttribute rule) =>
        rule.Roles.Count == 0 ? user.UserId is not null : rule.Roles.Any(user.IsInRole);

    private async ValueTask<bool> InScopeAsync(Scope scope, TMessage message, CancellationToken ct)
    {
        switch (scope)
        {
            case Scope.Any:
                return true;
            case Scope.OwnOrganisation:
                return user.OrganisationId is { } organisation && await AllOwnedByAsync(organisation, message, ct);
            case Scope.OwnDonor:
                return await DonorOfUser(ct) is { } donor && await AllOfDonorAsync(donor, message, ct);
            case Scope.NotRecused:
                return user.UserId is { } me && await ApplicationOf(message, ct) is { } application
                    && !await db.Recusals().AnyAsync(d => d.ApplicationId == application && d.ReviewerUserId == me, ct);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether everything the request is about (an application, an attachment, a grant, a grant report: each one it names)
    /// is the organisation's. A thing that does not exist has no owner and is refused like another organisation's, so ids
    /// cannot be probed. Owners never change, so <see cref="RecordOwners"/> answers a second time from memory. A request
    /// about nothing in particular (the sender's own list or profile) only needs the sender to belong to an organisation;
    /// its handler reads theirs.
    /// </summary>
    private async ValueTask<bool> AllOwnedByAsync(Guid organisation, TMessage message, CancellationToken ct)
    {
        if (message is IAboutApplication application && await owners.OwnerAsync<GrantApplication>(application.ApplicationId, () =>
                db.Applications.Where(a => a.Id == application.ApplicationId).Select(a => (Guid?)a.OrganisationId).SingleOrDefaultAsync(ct)) != organisation)
            return false;
        if (message is IAboutAttachment attachment && await owners.OwnerAsync<Attachment>(attachment.AttachmentId, () =>
                db.Attachments.Where(f => f.Id == attachment.AttachmentId)
                    .Join(db.Applications, f => f.ApplicationId, a => a.Id, (f, a) => (Guid?)a.OrganisationId).SingleOrDefaultAsync(ct)) != organisation)
            return false;
        if (message is IAboutGrant grant && await owners.OwnerAsync<GrantAgreement>(grant.GrantId, () =>
                db.GrantAgreements.Where(g => g.Id == grant.GrantId).Select(g => (Guid?)g.OrganisationId).SingleOrDefaultAsync(ct)) != organisation)
            return false;
        if (message is IAboutGrantReport report && await owners.OwnerAsync<GrantReport>(report.ReportId, () =>
                db.GrantReports.Where(r => r.Id == report.ReportId)
                    .Join(db.GrantAgreements, r => r.GrantId, g => g.Id, (r, g) => (Guid?)g.OrganisationId).SingleOrDefaultAsync(ct)) != organisation)
            return false;
        return true;
    }

    private async ValueTask<Guid?> DonorOfUser(CancellationToken ct) =>
        user.UserId is { } me ? await db.Users.Where(u => u.Id == me).Select(u => u.DonorId).SingleOrDefaultAsync(ct) : null;

    private async ValueTask<bool> AllOfDonorAsync(Guid donor, TMessage message, CancellationToken ct)
    {
        if (message is IAboutDonor about && about.DonorId != donor) return false;
        if (message is IAboutIssuedReport report && await db.IssuedReports.Where(r => r.Id == report.IssuedReportId)
                .Select(r => r.DonorId).SingleOrDefaultAsync(ct) != donor) return false;
        return true;
    }

    private async ValueTask<Guid?> ApplicationOf(TMessage message, CancellationToken ct) => message switch
    {
        IAboutApplication r => r.ApplicationId,
        IAboutBallot r => await db.SessionBallots.Where(b => b.Id == r.BallotId).Select(b => (Guid?)b.ApplicationId).SingleOrDefaultAsync(ct),
        _ => null,
    };
}
