using TrustFund.Application.Features.Contributions;

namespace TrustFund.Web.Areas.Fund.Pages;

/// <summary>What the shared filter partial shows: the chosen period and donor, and the donors to choose from.</summary>
public sealed record PeriodDonorFilter(DateOnly? From, DateOnly? To, Guid? DonorId, IReadOnlyList<ListDonors.Item> Donors)
{
    public string Query => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&donorId={DonorId}";
}
