using FluentValidation;
using TrustFund.Application;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Api;

public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// <summary>Maps every <see cref="IApiEndpoints"/> of this assembly under /api/v1, in a fixed order.</summary>
    public static RouteGroupBuilder MapReadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).AddEndpointFilter(TranslateUseCaseExceptions);
        var groups = typeof(ApiRoutes).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiEndpoints).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in groups) ((IApiEndpoints)Activator.CreateInstance(type)!).Map(api);
        return api;
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
