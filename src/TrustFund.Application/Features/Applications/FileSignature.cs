using System.IO.Compression;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// Recognises a file by its content, never by its name: a renamed executable stays an executable.
/// DOCX and XLSX are ZIP packages, told apart by the parts inside them.
/// </summary>
public static class FileSignature
{
    public static (string Kind, string ContentType)? Detect(byte[] content)
    {
        ReadOnlySpan<byte> head = content.AsSpan(0, Math.Min(content.Length, 8));
        if (head.StartsWith("%PDF-"u8)) return ("PDF", "application/pdf");
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("PNG", "image/png");
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ("JPEG", "image/jpeg");
        if (head.StartsWith("PK\x03\x04"u8)) return OfficePackage(content);
        return null;
    }

    private static (string, string)? OfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml")) return null;
            if (names.Any(n => n.StartsWith("word/")))
                return ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            if (names.Any(n => n.StartsWith("xl/")))
                return ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
