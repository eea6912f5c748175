using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Identity;

namespace TrustFund.Infrastructure.Seeding;

/// <summary>The seven roles exist in every environment; pages and policies refer to them by name.</summary>
public sealed class RoleSeeder(RoleManager<IdentityRole<Guid>> roles)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            IdentityFailure.ThrowIfFailed(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
        }
    }
}
