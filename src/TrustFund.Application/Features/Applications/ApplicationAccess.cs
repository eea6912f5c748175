using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// The one place that decides who may see an application: its own organisation's users, and the secretariat.
/// Anyone else is told it does not exist (404), so ids cannot be probed.
/// </summary>
public static class ApplicationAccess
{
    /// <summary>
    /// The fund managers. An administrator manages people and settings and reads no NGO's files or scores unless also
    /// given the FundManager role, which the audit trail then shows.
    /// </summary>
    public static bool IsSecretariat(ICurrentUser user) => user.IsInRole(Roles.FundManager);

    public static IQueryable<GrantApplication> VisibleTo(this IQueryable<GrantApplication> applications, ICurrentUser user)
    {
        if (IsSecretariat(user)) return applications;
        var organisationId = user.OrganisationId;
        return organisationId is null ? applications.Where(_ => false) : applications.Where(a => a.OrganisationId == organisationId);
    }

    // Compiled once: every autosave asks it, and EF's per-call work of finding a cached query (a cache key over the
    // expression and the options) cost more processor time than reading the row.
    private static readonly Func<TrustFundDbContext, Guid, Guid, CancellationToken, Task<GrantApplication?>> OwnDraft =
        EF.CompileAsyncQuery((TrustFundDbContext db, Guid id, Guid organisationId, CancellationToken ct) =>
            db.Applications.SingleOrDefault(a => a.Id == id && a.OrganisationId == organisationId));

    /// <summary>Loads a draft for its organisation to change, checking the version the form was loaded with.</summary>
    public static async Task<GrantApplication> OwnForUpdate(this TrustFundDbContext db, ICurrentUser user, Guid id, uint? version,
        CancellationToken ct)
    {
        var organisationId = user.OrganisationId ?? throw new NotFoundException("application", id);
        var application = await OwnDraft(db, id, organisationId, ct) ?? throw new NotFoundException("application", id);
        if (version is { } v) db.Entry(application).Property("xmin").OriginalValue = v;
        return application;
    }
}
