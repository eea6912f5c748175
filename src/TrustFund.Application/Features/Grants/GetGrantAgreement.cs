using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>One agreement with its reports, payments, amendments and its money as the journal has it.</summary>
public static class GetGrantAgreement
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid GrantId) : IQuery<Result>;

    /// <summary>Version: the agreement's row version, which an edit form sends back so that a conflicting save is refused.</summary>
    public sealed record Result(GrantAgreement Grant, IReadOnlyList<GrantPayment> Payments, GrantBalance Balance, uint Version);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var grant = await db.GrantAgreements.AsNoTracking().Include(g => g.Reports).SingleOrDefaultAsync(g => g.Id == query.GrantId, ct)
                ?? throw new NotFoundException("grant agreement", query.GrantId);
            var version = await db.GrantAgreements.Where(g => g.Id == grant.Id).Select(g => EF.Property<uint>(g, "xmin")).SingleAsync(ct);
            var payments = await db.GrantPayments.AsNoTracking().Where(p => p.GrantId == grant.Id).OrderBy(p => p.InstalmentNumber).ToListAsync(ct);
            return new Result(grant, payments, await db.GrantBalanceAsync(grant.Id, ct), version);
        }
    }
}
