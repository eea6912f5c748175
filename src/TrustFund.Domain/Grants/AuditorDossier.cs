using System.Security.Cryptography;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// One auditor's dossier of a grant (DOMAIN.md section 12): a ZIP gathering every document, decision, vote, payment,
/// journal entry and report, with a manifest of SHA-256 hashes. Requested by a fund manager and built by a background
/// job, which reports its progress here; once ready its bytes and their hash never change, and the hash reaches the
/// audit trail with the row, so an auditor can prove the file they were given is the one the fund produced.
/// </summary>
public sealed class AuditorDossier : Entity
{
    private AuditorDossier() { }

    public AuditorDossier(Guid grantId, string requestedBy, DateTimeOffset now)
    {
        GrantId = grantId;
        RequestedBy = requestedBy;
        RequestedAt = now;
        Status = DossierStatus.Queued;
    }

    public Guid GrantId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public DossierStatus Status { get; private set; }

    /// <summary>Percent of the files gathered, for the progress shown while the job runs.</summary>
    public int Progress { get; private set; }

    public string? FileName { get; private set; }
    public byte[]? Content { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the ZIP.</summary>
    public string? Sha256 { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }
    public string? Failure { get; private set; }

    public void ReportProgress(int percent)
    {
        if (Status is DossierStatus.Ready) return;
        Status = DossierStatus.Running;
        Progress = Math.Clamp(percent, 0, 99);
    }

    public void Complete(string fileName, byte[] content, DateTimeOffset now)
    {
        if (Status is DossierStatus.Ready) throw new DomainException("This dossier is already complete.");
        FileName = fileName;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Progress = 100;
        Status = DossierStatus.Ready;
        CompletedAt = now;
        Failure = null;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Status = DossierStatus.Failed;
        Failure = reason.Length > 1000 ? reason[..1000] : reason;
        CompletedAt = now;
    }
}

public enum DossierStatus { Queued, Running, Ready, Failed }
