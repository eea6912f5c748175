using System.Net;
using System.Text.Json;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Api;

public sealed class OpenApiDocumentTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task OpenApiDocument_ListsTheApiRoutesOnly_WithTheBearerScheme()
    {
        var response = await NewClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/calls", paths);
        Assert.Contains("/api/v1/calls/{slug}", paths);
        Assert.Contains("/api/v1/reports", paths);
        Assert.Contains("/api/v1/reports/{id}", paths);
        Assert.Contains("/api/v1/applications", paths);
        Assert.Contains("/api/v1/applications/{id}", paths);
        Assert.Contains("/api/v1/contributions", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/", path)); // no Razor pages, health or Hangfire

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var listReports = document.GetProperty("paths").GetProperty("/api/v1/reports").GetProperty("get");
        Assert.True(listReports.GetProperty("security")[0].TryGetProperty("bearer", out _));
        var listCalls = document.GetProperty("paths").GetProperty("/api/v1/calls").GetProperty("get");
        Assert.False(listCalls.TryGetProperty("security", out _)); // public: a token is accepted, not required
    }
}
