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

    [Fact]
    public async Task EveryRoute_SendsTheSecurityHeaders_SignedInOrNot()
    {
        var (organisation, _) = await Ngo();
        var everything = await SignedIn(await CreateUser("all-roles@unodc.org", Roles.All, twoFactor: true, organisation.Id));
        var urls = Routes().Select(r => r.Url)
            .Concat(["/hangfire", "/hangfire/jobs/succeeded", "/hangfire-not-the-dashboard", "/css/site.css", "/js/site.js", "/no-such-page",
                "/api/v1/no-such-thing"]).ToList();
        var missing = new List<string>();
        foreach (var (who, client) in new[] { ("anonymous", NewClient()), ("signed in", everything) })
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var headers = response.Headers;
                string? Header(string name) => headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
                var policy = url == "/hangfire" || url.StartsWith("/hangfire/") ? Web.Hosting.SecurityHeadersMiddleware.DashboardContentSecurityPolicy
                    : Web.Hosting.SecurityHeadersMiddleware.ContentSecurityPolicy;
                if (Header("Content-Security-Policy") != policy
                    || Header("X-Content-Type-Options") != "nosniff" || Header("X-Frame-Options") != "DENY"
                    || Header("Referrer-Policy") != "same-origin")
                    missing.Add($"{who} {url} → {(int)response.StatusCode}");
            }

        Assert.True(missing.Count == 0, "Answers without the security headers:\n" + string.Join("\n", missing));
        Assert.Contains("frame-ancestors 'none'", Web.Hosting.SecurityHeadersMiddleware.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", Web.Hosting.SecurityHeadersMiddleware.ContentSecurityPolicy);
    }

    [Fact]
    public async Task TheJobsDashboard_AloneMayUseInlineStyles_AndItsScriptsStayStrict()
    {
        var admin = await SignedIn(await CreateUser("admin@unodc.org", [Roles.Admin], twoFactor: true));

        var dashboard = await admin.GetAsync("/hangfire");
        var page = await admin.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var dashboardPolicy = string.Join(",", dashboard.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", dashboardPolicy);
        Assert.Contains("script-src 'self';", dashboardPolicy);
        Assert.Contains("frame-ancestors 'none'", dashboardPolicy);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(dashboardPolicy, "unsafe-inline"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Web.Hosting.SecurityHeadersMiddleware.ContentSecurityPolicy, string.Join(",", page.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public void NoView_HasInlineScript_InlineHandlers_OrInlineStyles()
    {
        // The policy forbids them, so a browser would silently ignore them: the page would look or work wrong.
        var views = Directory.GetFiles(WebSourceFolder(), "*.cshtml", SearchOption.AllDirectories);
        var offending = views.SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => System.Text.RegularExpressions.Regex.IsMatch(x.line, @"<script(?![^>]*\bsrc=)|\son[a-z]+\s*=|\sstyle\s*=|javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(x => $"{Path.GetRelativePath(WebSourceFolder(), x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(views.Length > 50, "found too few views to be looking at the application's source");
        Assert.True(offending.Count == 0, "Inline script or style in views:\n" + string.Join("\n", offending));
    }

    private static string WebSourceFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TrustFund.sln"))) folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("TrustFund.sln not found above the test's folder"), "src", "TrustFund.Web");
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
