using Hangfire.Dashboard;
using TrustFund.Application.Identity;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>The Hangfire dashboard can retry and delete jobs: administrators only.</summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
