using FluentValidation;
using TrustFund.Application;
using TrustFund.Domain.Common;
using TrustFund.Domain.Security;
using TrustFund.Web.Identity;

namespace TrustFund.Web.Api;

public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// <summary>Maps every <see cref="IApiEndpoints"/> of this assembly under /api/v1, in a fixed order.</summary>
    public static RouteGroupBuilder MapReadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).AddEndpointFilter(RequireReadScope).AddEndpointFilter(TranslateUseCaseExceptions);
        var groups = typeof(ApiRoutes).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiEndpoints).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in groups) ((IApiEndpoints)Activator.CreateInstance(type)!).Map(api);
        return api;
    }

    /// <summary>
    /// Tokens carry the read scope and nothing else: whatever endpoint is added later, a token may only read with it.
    /// An endpoint that changes something would need a scope no token is given.
    /// </summary>
    private static ValueTask<object?> RequireReadScope(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (http.User.Identity?.IsAuthenticated == true && !(reading && http.User.HasClaim(ApiTokenAuthentication.ScopeClaim, ApiToken.ReadScope)))
            return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "API tokens carry the read scope only."));
        return next(context);
    }

    /// <summary>What the pages' UseCaseExceptionFilter does for forms, as problem details (RFC 9457) for programs.</summary>
    private static async ValueTask<object?> TranslateUseCaseExceptions(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (TrustFund.Application.Authorization.ForbiddenException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        catch (ValidationException validation)
        {
            return TypedResults.ValidationProblem(validation.Errors.GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }
        catch (DomainException rule)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: rule.Message);
        }
    }
}
