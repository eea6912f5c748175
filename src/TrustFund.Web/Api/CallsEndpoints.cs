using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFund.Application;
using TrustFund.Application.Features.Calls;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Api;

/// <summary>Calls for proposals: public, as on the public pages (drafts only for the fund manager, by slug).</summary>
public sealed class CallsEndpoints : IApiEndpoints
{
    public sealed record Title(string En, string? Fr, string? Es);

    public sealed record CallSummary(string Slug, Title Title, string Window, decimal Envelope, decimal MinGrant,
        decimal MaxGrant, int MaxDurationMonths, DateTimeOffset Deadline, string TimeZoneId, CallStatus Status);

    public sealed record CallDetails(string Slug, Title Title, Title Description, string Window, decimal Envelope,
        decimal MinGrant, decimal MaxGrant, int MaxDurationMonths, DateTimeOffset Deadline, string TimeZoneId,
        DateTimeOffset QuestionDeadline, CallStatus Status, bool IsOpen);

    public void Map(RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls").WithTags("Calls");
        calls.MapGet("", List).WithName("ListCalls")
            .WithSummary("Published and closed calls, newest deadline first (never drafts).");
        calls.MapGet("/{slug}", Get).WithName("GetCall")
            .WithSummary("One call by its slug; a draft is found only by the fund manager.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<ApiPage<CallSummary>>> List(IMediator mediator, CancellationToken ct,
        int page = 1, int pageSize = PagedList<CallSummary>.DefaultPageSize, CallStatus? status = null)
    {
        var result = await mediator.Send(new ListPublicCalls.Query(page, pageSize, status), ct);
        return TypedResults.Ok(ApiPage<CallSummary>.From(result, c => new CallSummary(c.Slug, new Title(c.TitleEn, c.TitleFr, c.TitleEs),
            c.Window.Code(), c.Envelope, c.MinGrant, c.MaxGrant, c.MaxDurationMonths, c.Deadline, c.TimeZoneId, c.Status)));
    }

    private static async Task<Ok<CallDetails>> Get(string slug, IMediator mediator, CancellationToken ct)
    {
        var c = await mediator.Send(new GetCall.Query(slug), ct);
        return TypedResults.Ok(new CallDetails(c.Slug, new Title(c.Title.En, c.Title.Fr, c.Title.Es),
            new Title(c.Description.En, c.Description.Fr, c.Description.Es), c.Window.Code(), c.Envelope, c.MinGrant,
            c.MaxGrant, c.MaxDurationMonths, c.Deadline, c.TimeZoneId, c.QuestionDeadline, c.Status, c.IsOpen));
    }
}
