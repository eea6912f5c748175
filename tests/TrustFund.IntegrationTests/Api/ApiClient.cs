using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Security;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Api;

/// <summary>API clients for tests: a token stored straight in the database, and a client that sends it.</summary>
public static class ApiClient
{
    public static async Task<string> TokenFor(TrustFundAppFactory app, ApplicationUser user, DateTimeOffset? expiresAt = null)
    {
        var (token, secret) = ApiToken.Issue(user.Id, "test", app.Clock.GetUtcNow(), expiresAt);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return secret;
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A JSON answer that must have succeeded: its status and media type checked, its root element returned.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
