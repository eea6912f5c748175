using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Identity;

/// <summary>
/// Identity's user manager, with one rule added: a new password (changed, reset or set) revokes the account's API
/// tokens. Whoever had the old password may have made a token with it; the token must not outlive it. The revocations
/// are saved with the new password hash, in the same SaveChanges, and audited like any change.
/// </summary>
public sealed class TrustFundUserManager(IUserStore<ApplicationUser> store, IOptions<IdentityOptions> options,
    IPasswordHasher<ApplicationUser> hasher, IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators, ILookupNormalizer normalizer, IdentityErrorDescriber errors,
    IServiceProvider services, ILogger<UserManager<ApplicationUser>> logger, TrustFundDbContext db, TimeProvider clock)
    : UserManager<ApplicationUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword) =>
        RevokingApiTokens(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(ApplicationUser user, string token, string newPassword) =>
        RevokingApiTokens(user, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> AddPasswordAsync(ApplicationUser user, string password) =>
        RevokingApiTokens(user, () => base.AddPasswordAsync(user, password));

    /// <summary>
    /// Marks the account's working tokens revoked, then lets Identity change the password, whose save writes both.
    /// If the change is refused (wrong current password, weak new one) the revocations are dropped unsaved.
    /// </summary>
    private async Task<IdentityResult> RevokingApiTokens(ApplicationUser user, Func<Task<IdentityResult>> changePassword)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(CancellationToken);
        foreach (var token in tokens) token.Revoke(now);
        var result = await changePassword();
        if (!result.Succeeded)
            foreach (var token in tokens) db.Entry(token).State = EntityState.Detached;
        return result;
    }
}
