using System.Runtime.CompilerServices;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// Hangfire keeps its log provider in a static, set by the last host that configured it, and builds its global job
/// filters (which take a logger) once, on first use. The suite starts several hosts in one process (derived factories
/// with other settings, extra nodes) and disposes them; if the filters were first built after such a host had gone,
/// they would take its disposed logger factory and fail for the rest of the run. So they are built before any host starts.
/// </summary>
internal static class HangfireStatics
{
    [ModuleInitializer]
    internal static void BuildBeforeAnyHost()
    {
        RuntimeHelpers.RunClassConstructor(typeof(Hangfire.GlobalJobFilters).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(Hangfire.Common.JobFilterProviders).TypeHandle);
    }
}
