using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Calls;

public static class GetCallForEditing
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid CallId) : IQuery<Result>;
    public sealed record Result(Guid Id, string Slug, CallStatus Status, uint Version, CallForm Form);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var found = await db.Calls.AsNoTracking().Where(c => c.Id == query.CallId)
                .Select(c => new { Call = c, Version = EF.Property<uint>(c, "xmin") })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("call", query.CallId);
            var call = found.Call;
            return new Result(call.Id, call.Slug, call.Status, found.Version, CallForm.From(call));
        }
    }
}
