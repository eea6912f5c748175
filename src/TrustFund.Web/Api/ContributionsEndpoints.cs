using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFund.Application;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Identity;

namespace TrustFund.Web.Api;

/// <summary>
/// Contributions received (receipts with their UNORE rate and USD value): the fund manager sees every donor's, as on
/// /fund/contributions; a donor only its own, as on its contributions page (reversed receipts left out, as there).
/// </summary>
public sealed class ContributionsEndpoints : IApiEndpoints
{
    public sealed record Contribution(Guid Id, DateOnly ValueDate, Guid PledgeId, string Donor, decimal Amount, string Currency,
        decimal UnoreRate, decimal UsdAmount, string BankReference, bool IsEarmarked, string? EarmarkPurpose, bool Reversed);

    public void Map(RouteGroupBuilder api)
    {
        var contributions = api.MapGroup("/contributions").WithTags("Contributions")
            .RequireAuthorization(policy => policy.RequireRole(Roles.FundManager, Roles.Donor));
        contributions.MapGet("", List).WithName("ListContributions")
            .WithSummary("Contributions received, newest value date first; a donor's token sees only that donor's.");
    }

    private static async Task<Ok<ApiPage<Contribution>>> List(IMediator mediator, ClaimsPrincipal user, CancellationToken ct,
        int page = 1, DateOnly? from = null, DateOnly? to = null, Guid? donorId = null)
    {
        if (user.IsInRole(Roles.FundManager))
        {
            var result = await mediator.Send(new ListContributions.Query(new ListContributions.Filter(from, to, donorId), page), ct);
            return TypedResults.Ok(new ApiPage<Contribution>(result.Items.Select(i => new Contribution(i.Id, i.ValueDate, i.PledgeId,
                    i.Donor, i.Amount, i.Currency, i.UnitsPerUsd, i.UsdAmount, i.BankReference, i.IsEarmarked, i.EarmarkPurpose,
                    i.ReversedAt is not null)).ToList(),
                result.Page, ListContributions.PageSize, result.TotalCount, result.PageCount));
        }

        // A donor: its own receipts only, whatever donorId it asks for.
        var mine = await mediator.Send(new ListMyContributions.Query(), ct);
        var receipts = mine is null ? [] : mine.Receipts
            .Where(r => (from is null || r.ValueDate >= from) && (to is null || r.ValueDate <= to)).ToList();
        var pledges = mine?.Pledges.ToDictionary(p => p.Id) ?? [];
        var size = ListContributions.PageSize;
        var current = Paging.Within(page, receipts.Count, size);
        var items = receipts.Skip((current - 1) * size).Take(size).Select(r => new Contribution(r.Id, r.ValueDate, r.PledgeId,
            mine!.DonorName, r.Amount, r.Currency, r.UnitsPerUsd, r.UsdAmount, r.BankReference, pledges[r.PledgeId].IsEarmarked,
            pledges[r.PledgeId].EarmarkPurpose, false)).ToList();
        return TypedResults.Ok(new ApiPage<Contribution>(items, current, size, receipts.Count, Math.Max(1, (receipts.Count + size - 1) / size)));
    }
}
