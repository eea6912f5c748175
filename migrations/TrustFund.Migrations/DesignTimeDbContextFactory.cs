using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TrustFund.Application.Data;

namespace TrustFund.Migrations;

/// <summary>
/// Lets `dotnet ef migrations add X --project migrations/TrustFund.Migrations` build the model without starting
/// the app. Adding a migration needs no database; the connection string is only a placeholder.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TrustFundDbContext>
{
    public TrustFundDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TrustFundDbContext>()
            .UseNpgsql("Host=localhost;Database=trustfund_design", o => o.MigrationsAssembly("TrustFund.Migrations"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
