using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFund.Application;
using TrustFund.Application.Features.Reports;
using TrustFund.Application.Identity;
using TrustFund.Domain.Reports;

namespace TrustFund.Web.Api;

/// <summary>Issued reports: the fund manager sees every one, a donor those issued to it (as on /fund/reports and /reports).</summary>
public sealed class ReportsEndpoints : IApiEndpoints
{
    public sealed record ReportSummary(Guid Id, ReportKind Kind, string Title, DateTimeOffset IssuedAt, string? IssuedBy,
        int SizeBytes, string Sha256, Guid? DonorId, string? DonorName, string DownloadUrl);

    public void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports")
            .RequireAuthorization(policy => policy.RequireRole(Roles.FundManager, Roles.Donor));
        reports.MapGet("", List).WithName("ListReports").WithSummary("Issued reports the caller may see, newest first.");
        reports.MapGet("/{id:guid}", Download).WithName("DownloadReport")
            .WithSummary("The report's PDF exactly as issued; its SHA-256 is in the ETag.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<ApiPage<ReportSummary>>> List(IMediator mediator, CancellationToken ct,
        int page = 1, int pageSize = PagedList<ReportSummary>.DefaultPageSize, ReportKind? kind = null)
    {
        var result = await mediator.Send(new ListIssuedReports.Query(page, pageSize, kind), ct);
        return TypedResults.Ok(ApiPage<ReportSummary>.From(result, r => new ReportSummary(r.Id, r.Kind, r.Title, r.IssuedAt,
            r.IssuedBy, r.SizeBytes, r.Sha256, r.DonorId, r.DonorName, $"{ApiRoutes.Prefix}/reports/{r.Id}")));
    }

    private static async Task<FileContentHttpResult> Download(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var file = await mediator.Send(new GetIssuedReportFile.Query(id), ct);
        http.Response.Headers.ETag = $"\"{file.Sha256}\"";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
