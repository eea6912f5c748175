using Mediator;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Journal;

public static class GetFundSettings
{
    [Authorize(Roles.FundManager)]
    public sealed record Query : IQuery<Result>;

    /// <summary>Rates as fractions: 0.13 is 13%.</summary>
    public sealed record Result(decimal PscRate, decimal OperatingReserveRate);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var settings = await db.FundSettingsAsync(ct);
            return new Result(settings.PscRate, settings.OperatingReserveRate);
        }
    }
}
