using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Identity;
using TrustFund.IntegrationTests.Features.Applications;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>
/// Sweeps every routed page and API endpoint the application maps, so a page added tomorrow without authorisation or
/// antiforgery fails here, not in production. Route values are filled with values that match no record: the answer
/// must be a refusal before any record is looked up.
/// </summary>
public sealed class EndpointProtectionTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    /// <summary>What anyone may open: the public call pages, the way in (sign-in, registration, password reset), health and the API's description.</summary>
    private static readonly HashSet<string> Public =
    [
        "/", "/Index", "/calls/{slug}", "/Calls/Details", "/error", "/register", "/health", "/openapi/{documentName}.json",
        "/api/v1/calls/", "/api/v1/calls/{slug}", // published calls are public, as on the pages
        // the grants the fund publishes: the page and the IATI files, at the root and in the API
        "/grants", "/open-data/iati-activities.xml", "/open-data/iati-organisation.xml",
        "/api/v1/open-data/iati-activities.xml", "/api/v1/open-data/iati-organisation.xml",
        "/Account/Login", "/Account/Logout",
        "/account/login", "/account/logout", "/account/login-2fa", "/account/access-denied", "/account/confirm-email",
        "/account/forgot-password", "/account/reset-password",
    ];

    /// <summary>Areas no applicant (NGO user) may enter.</summary>
    private static readonly string[] StaffAreas = ["/fund", "/admin", "/board", "/review", "/finance", "/donor"];

    [Fact]
    public async Task EveryEndpoint_ButThePublicOnes_RefusesAnAnonymousVisitor()
    {
        var client = NewClient();
        var open = new List<string>();
        foreach (var route in Routes().Where(r => !Public.Contains(r.Template)))
        {
            var response = await client.GetAsync(route.Url);
            var refused = route.Url.StartsWith("/api/")
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && LocationOf(response).StartsWith("/account/login");
            if (!refused) open.Add($"{route.Template} → {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(Routes().Count > 60, "the sweep found too few routes to be looking at the real application");
        Assert.True(open.Count == 0, "Open to anonymous visitors:\n" + string.Join("\n", open));
    }

    [Fact]
    public async Task EveryStaffOrDonorPage_RefusesAnApplicant()
    {
        var ngo = await SignedIn(await CreateUser("ngo@example.org", Roles.Applicant));
        var open = new List<string>();
        foreach (var route in Routes().Where(r => StaffAreas.Any(area => r.Url.StartsWith(area + "/") || r.Url == area)))
        {
            var response = await ngo.GetAsync(route.Url);
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && LocationOf(response).StartsWith("/account/access-denied"));
            if (!refused) open.Add($"{route.Template} → {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.Contains(Routes(), r => r.Url.StartsWith("/fund/"));
        Assert.True(open.Count == 0, "Open to an NGO user:\n" + string.Join("\n", open));
    }

    [Fact]
    public async Task EveryPagePost_WithoutTheAntiforgeryToken_IsRefused_EvenForAUserWhoMayUseIt()
    {
        // One account holding every role (with two-factor) and an organisation, so that authorisation lets each post through
        // to the antiforgery check.
        var (organisation, _) = await Ngo();
        var everything = await SignedIn(await CreateUser("all-roles@unodc.org", Roles.All, twoFactor: true, organisation.Id));
        var accepted = new List<string>();
        foreach (var route in Routes().Where(r => r.IsPage && r.Template != "/error"))
        {
            var response = await everything.PostAsync(route.Url, new FormUrlEncodedContent([]));
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{route.Template} → {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(accepted.Count == 0, "Posts accepted without an antiforgery token:\n" + string.Join("\n", accepted));
    }

    private sealed record Route(string Template, string Url, bool IsPage);

    private List<Route> Routes()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => new Route(Template(e.RoutePattern), Url(e.RoutePattern),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null))
            .Where(r => !r.Template.StartsWith("/hangfire")) // the dashboard has its own admin-only filter, tested with the jobs
            .DistinctBy(r => r.Template)
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();
    }

    private static string Template(RoutePattern pattern) => "/" + (pattern.RawText ?? "").TrimStart('/');

    /// <summary>A URL for the pattern: a fresh GUID for guid parameters, 1 for numbers, a word otherwise, nothing for optional ones.</summary>
    private static string Url(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { IsCatchAll: true } => "",
            RoutePatternParameterPart parameter when Constraint(pattern, parameter.Name) is "guid" => Guid.NewGuid().ToString(),
            RoutePatternParameterPart parameter when Constraint(pattern, parameter.Name) is "int" or "long" => "1",
            RoutePatternParameterPart parameter when parameter.Name == "documentName" => "v1",
            _ => "no-such-thing",
        })));
        return "/" + string.Join("/", segments.Where(s => s.Length > 0));
    }

    private static string? Constraint(RoutePattern pattern, string parameter) =>
        pattern.ParameterPolicies.TryGetValue(parameter, out var policies)
            ? policies.Select(p => p.Content).FirstOrDefault(c => c is "guid" or "int" or "long")
            : null;
}
