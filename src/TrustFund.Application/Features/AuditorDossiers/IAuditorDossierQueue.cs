namespace TrustFund.Application.Features.AuditorDossiers;

/// <summary>Hands a requested dossier to the background jobs, which run <see cref="BuildAuditorDossier"/> for it.</summary>
public interface IAuditorDossierQueue
{
    void Enqueue(Guid dossierId);
}
