using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Security;

/// <summary>The keys that sign sign-in cookies are stored in the database only encrypted: a backup alone cannot forge a sign-in.</summary>
public sealed class DataProtectionKeyTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ANewKey_IsStoredEncryptedWithTheCertificate_NeverInClear()
    {
        var keys = App.Services.GetRequiredService<IKeyManager>();
        // The key ring reads the machine's clock, not the app's: a key dated by the test clock would be already expired
        // when the suite runs under faketime past it, and the next test's key ring would be refreshed around it.
        var now = DateTimeOffset.UtcNow;
        var key = keys.CreateNewKey(now, now.AddDays(90));

        await using var connection = new NpgsqlConnection(App.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys WHERE xml LIKE '%' || @id || '%'", connection);
        command.Parameters.AddWithValue("id", key.KeyId.ToString());
        var xml = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(xml);
        Assert.Contains("EncryptedData", xml);
        Assert.Contains("X509Data", xml); // encrypted to the certificate
        Assert.DoesNotContain("<masterKey", xml);
        // And the application can still read it back (a fresh key ring, as another replica would).
        Assert.Contains(keys.GetAllKeys(), k => k.KeyId == key.KeyId && k.Descriptor is not null);
    }
}
