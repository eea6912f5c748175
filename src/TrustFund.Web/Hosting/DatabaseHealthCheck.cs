using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrustFund.Application.Data;

namespace TrustFund.Web.Hosting;

/// <summary>/health answers 200 only while the database answers.</summary>
public sealed class DatabaseHealthCheck(TrustFundDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
