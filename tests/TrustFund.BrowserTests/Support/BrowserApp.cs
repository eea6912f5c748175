using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using TrustFund.Application.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using TrustFund.Infrastructure.EmbeddedPostgres;

namespace TrustFund.BrowserTests.Support;

/// <summary>
/// The real application on a real port (Kestrel), in Development with its demo data, on a throw-away database,
/// driven by Debian's Chromium through Playwright.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo-Password-2026";
    private readonly EmbeddedPostgresServer _postgres = EmbeddedPostgresServer.StartTemporary();
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }
    public string? SkipReason { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "trustfund-browser-mail", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The app's clock: it starts at the tests' fixed instant, not the machine's time, and ticks from there, so the
    /// demo data (seeded relative to "now") and every date a test types are the same whatever day the suite runs.
    /// </summary>
    public TestClock Clock { get; } = new(ticking: true);

    /// <summary>The app's "today" in UTC, for dates a test types into a form.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public BrowserApp() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TrustFund", _postgres.ConnectionString);
        builder.UseSetting("ConnectionStrings:TrustFundMigrations", _postgres.MigrationsConnectionString);
        builder.UseSetting("Hangfire:RunServer", "false");
        builder.UseSetting("Smtp:PickupDirectory", PickupDirectory);
        builder.UseSetting("Outbox:PollSeconds", "1");
        builder.UseSetting("Demo:Password", DemoPassword);
        // The two-factor step is tested through HTTP; here the demo staff accounts sign in with a password.
        builder.UseSetting("Security:ExemptDemoAccountsFromTwoFactor", "true");
        // Every browser signs in from 127.0.0.1: the money test alone signs three people in, two of them with a second factor.
        builder.UseSetting("Security:LoginAttemptsPerMinute", "100");
        builder.UseSetting("Security:LoginAttemptsPerAccountPerMinute", "100");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        var chromium = ChromiumPath();
        if (chromium is null)
        {
            SkipReason = "Chromium is not installed: run 'apt-get install chromium' (Debian) to run the browser tests.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                throw new InvalidOperationException("CI is set and " + SkipReason);
            return;
        }
        // CI runs the browser tests beside the unit and integration projects on two cores: a page can take longer than
        // Playwright's 5-second default for an expectation while the others load the machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // --no-sandbox because CI runs as root; the rest keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
            Env = BrowserEnvironment(),
        });
    }

    /// <summary>
    /// The browser gets the suite's environment without a preloaded clock library: the suite may run under `faketime`
    /// (to prove it does not depend on the machine's date), and Chromium's own timers stall under it. What the tests
    /// check is the app's behaviour on its own clock (the test clock), which the browser's clock does not touch.
    /// </summary>
    private static Dictionary<string, string> BrowserEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: (string?)e.Value ?? ""))
            .Where(e => e.Name != "LD_PRELOAD" && !e.Name.StartsWith("FAKETIME", StringComparison.Ordinal))
            .ToDictionary(e => e.Name, e => e.Value);

    public async Task<IPage> NewPage(string language = "en")
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = language });
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through the real login form (and the 2FA step when a key is given); dialogs are accepted.</summary>
    public async Task<IPage> SignIn(string email, string? authenticatorKey = null, string language = "en")
    {
        var page = await NewPage(language);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(DemoPassword);
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        if (authenticatorKey is not null)
        {
            await SignedInOrExplain(page, email, url => url.Contains("/account/login-2fa"));
            // The person's phone agrees with the app's clock (the test clock, ticking from its fixed start).
            await page.Locator("#Code").FillAsync(AuthenticatorCode.At(authenticatorKey, Clock.GetUtcNow()));
            await page.Locator("form.stack button[type=submit]").ClickAsync();
        }
        await SignedInOrExplain(page, email, url => !url.Contains("/account/login"));
        return page;
    }

    /// <summary>
    /// Waits for the sign-in to move on; if it does not, fails with what the page says (an error message, a refusal)
    /// rather than a bare timeout, so a failure in CI tells its cause.
    /// </summary>
    private static async Task SignedInOrExplain(IPage page, string email, Func<string, bool> arrived)
    {
        try
        {
            await page.ArrivedAt(arrived, 60_000);
        }
        catch (TimeoutException e)
        {
            var says = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }); // the page's own words, not the navigation
            throw new InvalidOperationException($"Signing in {email} stopped at {page.Url}; the page says: {says[..Math.Min(says.Length, 600)]}", e);
        }
    }

    /// <summary>A finance officer with two-factor authentication on the account (not only a demo exemption), as moving money needs; returns the authenticator key.</summary>
    public async Task<string> OfficerWithTwoFactor(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TrustFund.Application.Identity.ApplicationUser>>();
        var user = new TrustFund.Application.Identity.ApplicationUser
            { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = Clock.GetUtcNow() };
        await users.CreateAsync(user, DemoPassword);
        await users.AddToRoleAsync(user, role);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>
    /// The request context of this person signed in, for test set-up that runs use cases as them. The caller assigns
    /// it to IHttpContextAccessor itself: an AsyncLocal set inside an awaited method does not flow back to its caller.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Http.HttpContext> SignedInContext(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TrustFund.Application.Identity.ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<TrustFund.Application.Identity.ApplicationUser>>().CreateAsync(user);
        return new Microsoft.AspNetCore.Http.DefaultHttpContext { User = principal, RequestServices = services };
    }

    private static string? ChromiumPath() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        _postgres.Dispose();
        if (Directory.Exists(PickupDirectory)) Directory.Delete(PickupDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

public static class Mailbox
{
    /// <summary>Waits (up to 30 s) for an e-mail to this address to appear in the pickup folder, as the dispatcher writes it.</summary>
    public static async Task<MimeKit.MimeMessage> WaitFor(string folder, string to, Func<MimeKit.MimeMessage, bool>? matching = null)
    {
        // A bounded number of looks, not a deadline read from the machine's date (which a test run under faketime may hold still).
        for (var look = 0; look < 600; look++)
        {
            if (Directory.Exists(folder))
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to) && (matching is null || matching(message))) return message;
                }
            await Task.Delay(50); // polls for the file the dispatcher writes; gives up after 600 looks (30 s and more)
        }
        throw new Xunit.Sdk.XunitException($"No e-mail to {to} arrived in {folder}.");
    }
}
