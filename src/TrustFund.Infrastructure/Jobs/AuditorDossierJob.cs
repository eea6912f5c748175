using Hangfire;
using TrustFund.Application.Features.AuditorDossiers;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>Builds one requested auditor's dossier in the background; running it twice leaves a complete dossier as it is.</summary>
public sealed class AuditorDossierJob(SystemSender system)
{
    [AutomaticRetry(Attempts = 2)]
    public async Task Build(Guid dossierId, CancellationToken ct) => await system.Send(new BuildAuditorDossier.Command(dossierId), ct);
}

public sealed class HangfireAuditorDossierQueue(IBackgroundJobClient jobs) : IAuditorDossierQueue
{
    public void Enqueue(Guid dossierId) => jobs.Enqueue<AuditorDossierJob>(job => job.Build(dossierId, CancellationToken.None));
}
