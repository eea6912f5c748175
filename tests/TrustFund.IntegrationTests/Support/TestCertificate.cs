using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TrustFund.IntegrationTests.Support;

/// <summary>A throw-away self-signed certificate with its private key, written as a .pfx without password.</summary>
public static class TestCertificate
{
    public static string Write()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TrustFund tests", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // Validity is not checked for key encryption; a wide window keeps faketime runs of the suite happy too.
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(Path.GetTempPath(), $"trustfund-test-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}
