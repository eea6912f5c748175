# Builds the one image used by the web replicas, the worker and the migration step.
# Pinned to a release (pin to a digest, image@sha256:..., when a release goes into production).
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/TrustFund.Web/TrustFund.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "TrustFund.Web.dll"]
