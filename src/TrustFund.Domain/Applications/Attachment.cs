using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications;

/// <summary>A file attached to an application, kept in the database with it; its SHA-256 proves it unchanged.</summary>
public sealed class Attachment : Entity
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxApplicationBytes = 50 * 1024 * 1024;

    private Attachment() { }

    public Attachment(Guid applicationId, DocumentType type, string fileName, string contentType, byte[] content, string sha256,
        DateTimeOffset now, string? by)
    {
        ApplicationId = applicationId;
        Type = type;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        Sha256 = sha256;
        UploadedAt = now;
        UploadedBy = by;
    }

    public Guid ApplicationId { get; private set; }
    public DocumentType Type { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }
    public string? UploadedBy { get; private set; }
}
