using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace TrustFund.Web.Hosting;

/// <summary>
/// The data-protection keys (which sign the sign-in cookie, its "second factor done" claim included, and the reset
/// tokens) live in the database, shared by every replica; they are stored encrypted with a certificate that does not,
/// so a database backup alone cannot forge a sign-in. Production loads the certificate from
/// <c>DataProtection:CertificatePath</c> (a .pfx with its private key, password in <c>DataProtection:CertificatePassword</c>)
/// and refuses to start without it. Development makes one and keeps it beside its embedded database; tests make a
/// throw-away one per run.
/// </summary>
public static class DataProtectionCertificate
{
    public static void Configure(WebApplicationBuilder builder)
    {
        var certificate = Load(builder);
        builder.Services.AddDataProtection()
            .ProtectKeysWithCertificate(certificate)
            // Linux has no certificate store to find it in by thumbprint: name it for decryption too.
            .UnprotectKeysWithAnyCertificate(certificate);
    }

    private static X509Certificate2 Load(WebApplicationBuilder builder)
    {
        var path = builder.Configuration["DataProtection:CertificatePath"];
        var password = builder.Configuration["DataProtection:CertificatePassword"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"DataProtection:CertificatePath names '{path}', which does not exist.");
            return WithPrivateKey(X509CertificateLoader.LoadPkcs12FromFile(path, password), path);
        }
        if (builder.Environment.IsProduction())
            throw new InvalidOperationException(
                "DataProtection:CertificatePath is not set. Production encrypts the data-protection keys it stores in the database " +
                "with a certificate kept outside it (a .pfx with its private key): set DataProtection__CertificatePath and " +
                "DataProtection__CertificatePassword (README, \"Deployment with Docker Compose\").");
        if (!builder.Environment.IsDevelopment()) return X509CertificateLoader.LoadPkcs12(MakeCertificate(), null);

        var kept = Path.Combine(builder.Environment.ContentRootPath, ".local", "dataprotection.pfx");
        if (!File.Exists(kept))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
            File.WriteAllBytes(kept, MakeCertificate());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(kept, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(kept, null);
    }

    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, string path) => certificate.HasPrivateKey
        ? certificate
        : throw new InvalidOperationException($"The certificate in '{path}' has no private key: the keys could be encrypted but never read back.");

    /// <summary>A self-signed RSA certificate as a .pfx without password (development and tests only).</summary>
    private static byte[] MakeCertificate()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=TrustFund data protection (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}
