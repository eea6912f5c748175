using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Web.Api;

/// <summary>Grant agreements with their balances from the journal, for the secretariat, as on /fund/grants.</summary>
public sealed class GrantsEndpoints : IApiEndpoints
{
    public sealed record Grant(Guid Id, string ReferenceNumber, string Grantee, GrantStatus Status, decimal Amount, DateOnly StartDate,
        DateOnly EndDate, DateTimeOffset? SignedAt, bool AuditRequired, int Amendments, decimal Obligated, decimal Disbursed, decimal OpenObligation);

    public void Map(RouteGroupBuilder api)
    {
        var grants = api.MapGroup("/grants").WithTags("Grants").RequireAuthorization(policy => policy.RequireRole(Roles.FundManager));
        grants.MapGet("", List).WithName("ListGrants")
            .WithSummary("Grant agreements, filtered by signature period and status, with their balances from the journal.");
    }

    private static async Task<Ok<ApiPage<Grant>>> List(IMediator mediator, CancellationToken ct, int page = 1, DateOnly? from = null,
        DateOnly? to = null, GrantStatus? status = null)
    {
        var result = await mediator.Send(new ListGrants.Query(new ListGrants.Filter(from, to, status), page), ct);
        return TypedResults.Ok(new ApiPage<Grant>(result.Items.Select(g => new Grant(g.Id, g.ReferenceNumber, g.Grantee, g.Status, g.Amount,
                g.StartDate, g.EndDate, g.SignedAt, g.AuditRequired, g.Amendments, g.Balance.Obligated, g.Balance.Disbursed,
                g.Balance.OpenObligation)).ToList(),
            result.Page, ListGrants.PageSize, result.TotalCount, result.PageCount));
    }
}
