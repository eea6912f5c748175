using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace TrustFund.Web.Api;

/// <summary>/openapi/v1.json describes the read API only (not the pages), with the personal-token bearer scheme.</summary>
public static class OpenApiSetup
{
    public const string BearerSchemeName = "bearer";

    public static IServiceCollection AddReadApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "TrustFund read API",
                    Version = "v1",
                    Description = "Read-only API of the UN Voluntary Trust Fund for Victims of Trafficking in Persons. " +
                                  "Authenticate with a personal API token (create one at /account/api-tokens): " +
                                  "Authorization: Bearer tf_... The same rules as the pages decide what you may read.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "tf_ personal API token",
                    Description = "A personal API token, sent as Authorization: Bearer tf_...",
                };
                return Task.CompletedTask;
            });
            // Routes that need a signed-in caller say so; public ones (calls) accept a token but do not need one.
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [],
                    });
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API token." });
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's owner may not read this." });
                }
                return Task.CompletedTask;
            });
        });
}
