using Mediator;
using TrustFund.Application.Features.OpenData;

namespace TrustFund.Web.Api;

/// <summary>
/// The IATI files, public like the grants page: at /open-data/ for the IATI registry and anyone's browser, and in the
/// read API for programs. Both are regenerated from the journal and the grants on each request.
/// </summary>
public sealed class OpenDataEndpoints : IApiEndpoints
{
    public const string ActivitiesPath = "/open-data/iati-activities.xml";
    public const string OrganisationPath = "/open-data/iati-organisation.xml";

    public void Map(RouteGroupBuilder api) => MapFiles(api.MapGroup("").WithTags("Open data"));

    /// <summary>The same two files at the site's root, where the IATI registry is pointed.</summary>
    public static void MapPublicFiles(IEndpointRouteBuilder app) => MapFiles(app.MapGroup("").ExcludeFromDescription());

    private static void MapFiles(RouteGroupBuilder group)
    {
        group.MapGet(ActivitiesPath, Activities).AllowAnonymous()
            .WithSummary("The IATI 2.03 activity file: the fund's activity with its incoming funds, and one activity per signed grant.");
        group.MapGet(OrganisationPath, Organisation).AllowAnonymous()
            .WithSummary("The IATI 2.03 organisation file: the fund's total budget and expenditure per year.");
    }

    private static async Task<IResult> Activities(IMediator mediator, CancellationToken ct) =>
        Results.File(await mediator.Send(new GetIatiActivityFile.Query(), ct), IatiXml.ContentType);

    private static async Task<IResult> Organisation(IMediator mediator, CancellationToken ct) =>
        Results.File(await mediator.Send(new GetIatiOrganisationFile.Query(), ct), IatiXml.ContentType);
}
