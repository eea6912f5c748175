using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;

namespace TrustFund.Application.Identity;

/// <summary>Facts about the signed-in person that are not in the cookie, read fresh so a change applies at once.</summary>
public sealed class IdentityLookup(TrustFundDbContext db, ICurrentUser user)
{
    public async Task<bool> IsOrganisationAdmin(CancellationToken ct) =>
        user.UserId is { } id && await db.Users.AnyAsync(u => u.Id == id && u.IsOrganisationAdmin, ct);
}
