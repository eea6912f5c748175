using System.Security.Cryptography;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Reports;

/// <summary>
/// A document as it was issued: its exact bytes and their SHA-256, who issued it, when and from which parameters.
/// Never changed afterwards, so downloading it a year later gives the same document.
/// </summary>
public sealed class IssuedReport : Entity
{
    private IssuedReport() { }

    public IssuedReport(ReportKind kind, string title, string parametersJson, byte[] content, Guid? issuedById,
        string? issuedByName, DateTimeOffset issuedAt, Guid? donorId = null)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("A report needs a title.", nameof(title));
        if (content.Length == 0) throw new ArgumentException("A report cannot be empty.", nameof(content));
        Kind = kind;
        Title = title;
        ParametersJson = parametersJson;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        SizeBytes = content.Length;
        IssuedById = issuedById;
        IssuedByName = issuedByName;
        IssuedAt = issuedAt;
        DonorId = donorId;
    }

    public ReportKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>What the report was issued for, as JSON (e.g. {"year":2026}), so it can be told apart and re-issued.</summary>
    public string ParametersJson { get; private set; } = "{}";

    public byte[] Content { get; private set; } = [];

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>, taken when the report was issued.</summary>
    public string Sha256 { get; private set; } = "";

    public int SizeBytes { get; private set; }
    public Guid? IssuedById { get; private set; }

    /// <summary>Kept as text so the record still names the issuer after the account is renamed or removed.</summary>
    public string? IssuedByName { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Set when the report is issued to a donor, who may then download it.</summary>
    public Guid? DonorId { get; private set; }

    public string FileName => $"{Kind}-{IssuedAt.UtcDateTime:yyyyMMdd-HHmmss}.pdf";
}
