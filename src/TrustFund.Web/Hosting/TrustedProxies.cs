using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TrustFund.Web.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the reverse proxies named in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>, addresses, and <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges, both
/// separated by ';'). From anyone else they are ignored, so a client cannot pick the address the sign-in limit counts
/// or the log records. With none configured, no forwarded header is read at all.
/// </summary>
public static class TrustedProxies
{
    public static void Configure(WebApplicationBuilder builder)
    {
        var (proxies, networks) = Read(builder.Configuration);
        if (proxies.Length == 0 && networks.Length == 0) return;
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = builder.Configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);
            // The defaults trust loopback; only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
    }

    public static bool AreConfigured(IConfiguration configuration) => Read(configuration) is { } read
        && (read.Proxies.Length > 0 || read.Networks.Length > 0);

    private static (IPAddress[] Proxies, System.Net.IPNetwork[] Networks) Read(IConfiguration configuration)
    {
        static string[] List(string? value) => (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (List(configuration["ForwardedHeaders:KnownProxies"]).Select(IPAddress.Parse).ToArray(),
            List(configuration["ForwardedHeaders:KnownNetworks"]).Select(n => System.Net.IPNetwork.Parse(n)).ToArray());
    }
}
