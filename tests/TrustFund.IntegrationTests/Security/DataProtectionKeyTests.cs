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
        // A key from instants the test chooses, long expired on whatever day the suite runs: what is checked is how it is
        // stored and that it reads back, not its dates; and an expired key never becomes the ring's default for signing
        // the cookies of the tests that follow (the key ring reads the machine's clock, not the app's test clock).
        var activation = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var key = keys.CreateNewKey(activation, activation.AddDays(90));

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
