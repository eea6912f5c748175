using System.Globalization;
using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using TrustFund.Application;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Behaviours;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Infrastructure;
using TrustFund.Infrastructure.Jobs;
using TrustFund.Web.Api;
using TrustFund.Web.Identity;
using TrustFund.Web.Localization;

namespace TrustFund.Web.Hosting;

public static class WebApp
{
    public const string LoginRateLimit = "login";

    public static WebApplication Build(string[] args)
    {
        // The server's own culture never shapes what the app reads or writes: a request runs in its reader's culture
        // (request localisation, below); jobs, seeding and start-up run in the invariant culture, so a server set up in
        // French or Spanish formats and parses nothing differently (issue 11).
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        var builder = WebApplication.CreateBuilder(args);
        // Structured (JSON) logs for log collectors; readable lines on a developer's terminal.
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment()) builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        else builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

        var connections = DatabaseConnection.Resolve(builder);
        var services = builder.Services;
        services.AddSingleton(connections);
        services.AddSingleton(PublicAddress.Configure(builder));
        TrustedProxies.Configure(builder);
        DataProtectionCertificate.Configure(builder);
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration, connections.Application);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(TrustFundDbContext), typeof(WebApp)];
            // Outermost first. The transaction comes last, so a refused command (validation) never opens one.
            options.PipelineBehaviors = [typeof(AuditBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<CountryOptions>();
        services.AddScoped<CodeNames>();
        AddIdentity(builder);

        // Write é, ñ, Кирилл and العربية as they are, not as &#xE9; escapes: smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton<TrustFund.Application.Reports.IDocumentText, CatalogueDocumentText>();
        services.AddSingleton(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Microsoft.Extensions.Localization.StringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.All.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeAreaFolder("Board", "/", Policies.BoardMembers);
                o.Conventions.AuthorizeAreaFolder("Fund", "/", Policies.Secretariat);
                o.Conventions.AuthorizeAreaFolder("Admin", "/", Policies.Admin);
                o.Conventions.AuthorizeAreaFolder("Apply", "/", Policies.Applicant);
                o.Conventions.AuthorizeAreaFolder("Donor", "/", Policies.Donor);
                o.Conventions.AuthorizeAreaFolder("Finance", "/", Policies.FinanceOfficers);
                o.Conventions.AuthorizeAreaFolder("Review", "/", Policies.Reviewers);
                o.Conventions.AddPageRoute("/Calls/Details", "calls/{slug}");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<UseCaseExceptionFilter>();
                o.Filters.Add<IdempotentPostFilter>();
                o.Filters.Add<UnreadableQueryValueFilter>();
                // One attachment is at most 10 MB; leave room for the form around it.
                o.MaxModelBindingCollectionSize = 2048;
                InvariantFormValueProviderFactory.ReplaceDefault(o.ValueProviderFactories);
                // Every message comes from the catalogue: the use cases' validators say what is required, so ASP.NET's
                // implicit [Required] on non-nullable strings ("The LegalName field is required.") is off, and the
                // binder's own messages ("The value '' is invalid.") are translated and name the field by its label.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                var catalogue = new JsonStringLocalizer();
                ModelBindingMessages.Use(o.ModelBindingMessageProvider, catalogue);
                o.ModelMetadataDetailsProviders.Add(new FieldLabels(catalogue));
            })
            // No data-val-* attributes: no script reads them, and they carried ASP.NET's English ("The Version field is required.").
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAntiforgery(o => o.Cookie.Name = "tf.af");
        // Every cookie (sign-in, second factor, antiforgery, language) travels over TLS only, except on a developer's
        // plain-http machine. Behind the TLS proxy the request is https through TrustedProxies.
        // A year, as security reviews expect (the default is 30 days); sent on https answers outside Development.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<CookiePolicyOptions>(o =>
            o.Secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);

        // Sign-in attempts per client address: posts only, so that opening the sign-in page costs nothing. Behind a
        // proxy the address is the client's (ForwardedHeaders), not the proxy's, so one busy NGO office does not lock out
        // the world. The limit per account is SignInAttempts, applied by the pages once they know the account.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<AuthenticationLog>().Throttled("address");
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(LoginRateLimit, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("page views")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 10),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
        });
        services.AddSingleton<SignInAttempts>();
        services.AddScoped<AuthenticationLog>();

        // The read API (/api/v1) and its description (/openapi/v1.json); enums travel by name, as in the audit trail,
        // and numbers as numbers (the web default also accepts strings, which muddles the published schema).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddReadApiDocument();
        // A value the API cannot read is refused naming the parameter and what was sent ("Failed to bind parameter
        // \"int page\" from \"abc\"."), for the program's author to mend; ASP.NET says it only in Development unless told.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = problem =>
        {
            if (problem.Exception is BadHttpRequestException refused) problem.ProblemDetails.Detail = refused.Message;
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void AddIdentity(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Security:MaxFailedLogins", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<TrustFundDbContext>()
            .AddUserManager<TrustFundUserManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<TrustFundClaimsPrincipalFactory>();
        services.AddApiTokenAuthentication();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "tf.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // What is left of the session, for the pages' timeout warning (SessionTimeout): what the ticket has left, or a
            // whole session when this request renews it (past half its time, or after Identity's security-stamp check).
            o.Events.OnCheckSlidingExpiration = context =>
            {
                SessionTimeout.Remember(context.HttpContext, context.ShouldRenew ? context.Options.ExpireTimeSpan : context.RemainingTime);
                return Task.CompletedTask;
            };
            var validatePrincipal = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                // Identity's check resolves its validator (SignInManager, UserManager and their stores) on every request
                // only to find the ticket younger than the interval: a seventh of a signed-in request's processor time.
                // The same test it makes first, made here, leaves the check to the requests that are due it.
                if (!SecurityStampCheckIsDue(context)) return;
                await validatePrincipal(context);
                if (context.ShouldRenew) SessionTimeout.Remember(context.HttpContext, context.Options.ExpireTimeSpan);
            };
            // The account's language follows its owner to any browser: signing in sets the pages' language to it.
            o.Events.OnSignedIn = context =>
            {
                if (context.Principal?.FindFirst(TrustFundClaims.Language)?.Value is { } language && SupportedCultures.All.Contains(language))
                    CultureCookieMiddleware.Remember(context.Response, language);
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.Configure<TwoFactorOptions>(builder.Configuration.GetSection("Security"));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.BoardMembers, p => p.RequireRole(Roles.Trustee, Roles.FundManager, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Secretariat, p => p.RequireRole(Roles.FundManager))
            .AddPolicy(Policies.Applicant, p => p.RequireRole(Roles.Applicant).RequireClaim(TrustFundClaims.OrganisationId))
            .AddPolicy(Policies.Donor, p => p.RequireRole(Roles.Donor))
            .AddPolicy(Policies.FinanceOfficers, p => p.RequireRole(Roles.CertifyingOfficer, Roles.ApprovingOfficer))
            .AddPolicy(Policies.Reviewers, p => p.RequireRole(Roles.Trustee, Roles.FundManager));
    }

    /// <summary>
    /// Identity's own rule (SecurityStampValidator.ValidateAsync): a ticket is checked against the account's security
    /// stamp when it has no issue time or is older than the interval, by the clock Identity is given.
    /// </summary>
    private static bool SecurityStampCheckIsDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is not { } issued) return true;
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var clock = options.TimeProvider ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        return clock.GetUtcNow() - issued > options.ValidationInterval;
    }

    private static void Configure(WebApplication app)
    {
        if (TrustedProxies.AreConfigured(app.Configuration)) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            // Programs reading the API get problem details for a refused value (400) and for a failure (500) alike; people
            // get the error page in their language.
            app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiRoutes.Prefix), api => api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => e is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError,
            }));
            app.UseWhen(c => !c.Request.Path.StartsWithSegments(ApiRoutes.Prefix), pages => pages.UseExceptionHandler("/error"));
            app.UseHsts();
        }
        // The reader's language is read before a status page re-runs the request as /error?code=…, which drops the
        // address's own ?culture= (a French link that leads nowhere gets the French "page not found").
        app.UseRequestLocalization();
        // A status without a body (a value the binder could not read, an unknown route or id) is the people's error page in
        // their language, but problem details (RFC 9457) for the programs reading the API, as its own refusals are.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiRoutes.Prefix), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments(ApiRoutes.Prefix), pages => pages.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
        app.UseCookiePolicy();
        app.UseStaticFiles();
        app.UseMiddleware<CultureCookieMiddleware>();
        // After the culture is known (the page is in the reader's language), before anything that reads the database.
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequireStaffTwoFactorMiddleware>();

        app.MapHealthChecks("/health");
        app.MapHangfireDashboard(SecurityHeadersMiddleware.DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardFilter()],
            DashboardTitle = "TrustFund jobs",
        });
        app.MapOpenApi();
        app.MapReadApi();
        TrustFund.Web.Api.OpenDataEndpoints.MapPublicFiles(app);
        app.MapRazorPages();
    }
}

public static class Policies
{
    /// <summary>Trustees, the fund manager(s) sitting ex officio, and the administrators who appoint them.</summary>
    public const string BoardMembers = "BoardMembers";

    public const string Admin = "Admin";
    public const string Secretariat = "Secretariat";
    public const string Applicant = "Applicant";
    public const string Donor = "Donor";

    /// <summary>The certifying and approving officers who move grant money (/finance).</summary>
    public const string FinanceOfficers = "FinanceOfficers";

    /// <summary>Trustees and the secretariat's technical reviewers, who score applications in /review.</summary>
    public const string Reviewers = "Reviewers";
}
