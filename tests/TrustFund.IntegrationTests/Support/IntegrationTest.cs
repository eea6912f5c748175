using System.Net;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Authorization;
using TrustFund.Application.Identity;

namespace TrustFund.IntegrationTests.Support;

[Collection(AppCollection.Name)]
public abstract partial class IntegrationTest(TrustFundAppFactory app) : IAsyncLifetime
{
    public const string Password = "Correct-Horse-42";
    protected TrustFundAppFactory App { get; } = app;

    public virtual Task InitializeAsync() => App.ResetAsync();
    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient NewClient() =>
        // https, as behind the TLS proxy: outside Development every cookie is Secure, and a browser keeps it from plain http.
        App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });

    /// <summary>
    /// Runs a use case as the test's set-up hand (<see cref="TestOperator"/>: every staff role and the system, no account),
    /// for the steps that put the fund where a test needs it. Who may send what is tested with <see cref="SendAs{T}"/>.
    /// </summary>
    protected async Task<T> Send<T>(ICommand<T> command)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().As(TestOperator.Instance);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Reads through a use case as the set-up hand (see <see cref="Send{T}"/>), to check what a step left behind.</summary>
    protected async Task<T> Query<T>(IQuery<T> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().As(TestOperator.Instance);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    /// <summary>Runs a use case as this person, the way a page would after they signed in.</summary>
    protected async Task<T> SendAs<T>(ApplicationUser user, ICommand<T> command)
    {
        await using var scope = App.Services.CreateAsyncScope();
        // Set here, not in a helper: an AsyncLocal set inside an awaited method does not flow back to its caller.
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = await SignedInContext(scope, user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    protected async Task<T> QueryAs<T>(ApplicationUser user, IQuery<T> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = await SignedInContext(scope, user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpContext> SignedInContext(AsyncServiceScope scope, ApplicationUser user)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        return new Microsoft.AspNetCore.Http.DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
    }

    protected async Task<ApplicationUser> CreateUser(string email, params string[] roles) => await CreateUser(email, roles, twoFactor: false);

    protected async Task<ApplicationUser> CreateUser(string email, string[] roles, bool twoFactor, Guid? organisationId = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0],
            OrganisationId = organisationId, CreatedAt = App.Clock.GetUtcNow(),
        };
        IdentityFailure.ThrowIfFailed(await users.CreateAsync(user, Password));
        if (roles.Length > 0) IdentityFailure.ThrowIfFailed(await users.AddToRolesAsync(user, roles));
        if (twoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return user;
    }

    protected async Task<string> AuthenticatorKey(ApplicationUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id.ToString()))!))!;
    }

    /// <summary>Signs in through the real login page (and the 2FA page when the account has it).</summary>
    protected async Task<HttpClient> SignedIn(ApplicationUser user, string? password = null)
    {
        var client = NewClient();
        var response = await PostForm(client, "/account/login", new() { ["Email"] = user.Email!, ["Password"] = password ?? Password });
        if (response.Headers.Location is not null && LocationOf(response).StartsWith("/account/login-2fa"))
        {
            var key = await AuthenticatorKey(user);
            response = await PostForm(client, LocationOf(response),
                new() { ["Code"] = AuthenticatorCode.At(key, UnusedCodeTime(user.Id)) });
        }
        // A refusal says why (the page's message, the app's warnings), so that a rare failure in CI can be explained.
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && !LocationOf(response).StartsWith("/account/login"),
            $"sign-in of {user.Email} answered {(int)response.StatusCode} {response.Headers.Location}: " +
            $"{Truncated(await response.Content.ReadAsStringAsync())}; warnings: " +
            string.Join(" | ", App.Log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).TakeLast(5).Select(e => e.Message)));
        return client;
    }

    /// <summary>The demo fund's password for its accounts (DemoFund.SeedAsync sets it).</summary>
    public const string DemoPassword = "Demo-Password-2026";

    /// <summary>A demo account signed in, with an authenticator added for staff (who must use one).</summary>
    protected async Task<HttpClient> SignedInDemo(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}");
        if (!await users.GetTwoFactorEnabledAsync(user) && (await users.GetRolesAsync(user)).Any(Roles.Staff.Contains))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return await SignedIn(user, DemoPassword);
    }

    private static string Truncated(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, HashSet<long>> UsedCodeSteps = new();

    /// <summary>
    /// An authenticator code is accepted once, and the app accepts the codes of the two 30-second steps either side of its
    /// clock (the test clock): a test that signs the same person in several times takes an unused step's code each time,
    /// and past five moves the test clock on by five steps, as a person signing in again minutes later would.
    /// </summary>
    private DateTimeOffset UnusedCodeTime(Guid userId)
    {
        var used = UsedCodeSteps.GetOrAdd(userId, _ => []);
        lock (used)
            while (true)
            {
                var now = AuthenticatorCode.StepOf(App.Clock.GetUtcNow());
                foreach (var step in new[] { now, now + 1, now + 2, now - 1, now - 2 })
                    if (used.Add(step)) return AuthenticatorCode.MiddleOf(step);
                App.Clock.Advance(TimeSpan.FromSeconds(30 * (2 * AuthenticatorCode.StepsTolerated + 1)));
            }
    }

    /// <summary>Posts a form the way a browser does: first GET the page for its antiforgery token.</summary>
    protected static async Task<HttpResponseMessage> PostForm(HttpClient client, string url, Dictionary<string, string> fields,
        string? pageUrl = null)
    {
        var page = await client.GetAsync(pageUrl ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl ?? url} ({(int)page.StatusCode})");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        // Like a browser, send back the page's hidden fields (row versions, return URLs) unless the test sets them.
        foreach (Match hidden in HiddenField().Matches(html))
            fields.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
        // Each post is a new one, as the page was loaded anew: the page's idempotency key, not one left in a reused dictionary.
        if (IdempotencyKey().Match(html) is { Success: true } key) fields["__IdempotencyKey"] = key.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Where a redirect goes, as a local path, whether the server wrote it absolute or not.</summary>
    /// <summary>The markup of a page's error summary (empty when the page has none), to look at its messages alone.</summary>
    protected static string ErrorSummary(string html)
    {
        var start = html.IndexOf("class=\"error-summary\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    protected static string LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"Expected a redirect, got {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("<input type=\"hidden\"[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"__IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();
}
