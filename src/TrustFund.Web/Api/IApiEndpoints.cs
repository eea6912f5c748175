namespace TrustFund.Web.Api;

/// <summary>
/// One resource of the read API (calls, reports, ...). Implement it in one file in this folder: <see cref="ApiRoutes"/>
/// finds every implementation and hands it the /api/v1 group, which already authenticates API tokens, turns
/// NotFoundException into 404 and describes the routes in /openapi/v1.json.
/// </summary>
public interface IApiEndpoints
{
    void Map(RouteGroupBuilder api);
}
