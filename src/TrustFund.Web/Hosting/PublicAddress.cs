using Microsoft.AspNetCore.HostFiltering;
using TrustFund.Application.Abstractions;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Where TrustFund is reached, and so which Host headers it answers. <c>App:PublicBaseUrl</c> builds every e-mailed
/// link; Production refuses to start without it (or with plain http), Development defaults to the app's own address.
/// <c>AllowedHosts</c>, when not configured, is the public address's host (plus localhost outside Production), so a
/// request naming another host is refused with 400 before any page runs.
/// </summary>
public static class PublicAddress
{
    public const string DevelopmentDefault = "http://localhost:5000";

    public static PublicSite Configure(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["App:PublicBaseUrl"];
        var production = builder.Environment.IsProduction();
        if (string.IsNullOrWhiteSpace(configured) && production)
            throw new InvalidOperationException(
                "App:PublicBaseUrl is not set. Production builds every e-mailed link (password reset, invitations, notifications) " +
                "from it and never from the request: set it to the site's https address (for example App__PublicBaseUrl=https://trustfund.example.org).");
        var site = new PublicSite(string.IsNullOrWhiteSpace(configured) ? OwnAddress(builder.Configuration) : configured);
        if (production && !site.BaseUrl.StartsWith("https://", StringComparison.Ordinal))
            throw new InvalidOperationException($"App:PublicBaseUrl must be an https address in Production (it is '{site.BaseUrl}').");

        var allowed = builder.Configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed is not { Length: > 0 })
        {
            var host = new Uri(site.BaseUrl).Host;
            allowed = production ? [host] : [host, "localhost", "127.0.0.1"];
        }
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = allowed;
            o.AllowEmptyHosts = false;
        });
        return site;
    }

    /// <summary>The first address Kestrel is told to listen on, with a wildcard host read as localhost.</summary>
    private static string OwnAddress(IConfiguration configuration)
    {
        var first = (configuration["urls"] ?? DevelopmentDefault).Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Replace("://*", "://localhost").Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost")
            .Replace("://[::]", "://localhost");
    }
}
