using Microsoft.AspNetCore.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Identity;

public static class IdentityFailure
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
