using Microsoft.Extensions.Configuration;
using Npgsql;
using TrustFund.Infrastructure.Database;

namespace TrustFund.UnitTests.Database;

/// <summary>The connection string the application uses carries the pool's and the statement preparation's settings.</summary>
public sealed class PoolSettingsTests
{
    private const string Plain = "Host=localhost;Database=trustfund;Username=app";

    private static NpgsqlConnectionStringBuilder With(params (string Key, string Value)[] settings) =>
        new(DatabaseResilience.WithPoolSettings(Plain, new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build()));

    [Fact]
    public void ByDefault_StatementsArePreparedFromTheirSecondUse_AndThePoolKeepsTen()
    {
        var connection = With();
        Assert.Equal(100, connection.MaxAutoPrepare);
        Assert.Equal(2, connection.AutoPrepareMinUsages);
        Assert.Equal(100, connection.MaxPoolSize);
        Assert.Equal(10, connection.MinPoolSize);
    }

    [Fact]
    public void TheSettingsChangeThem_AndZeroTurnsPreparationOff()
    {
        var connection = With(("Database:MaxAutoPrepare", "0"), ("Database:AutoPrepareMinUsages", "5"),
            ("Database:MaxPoolSize", "20"), ("Database:MinPoolSize", "50"));
        Assert.Equal(0, connection.MaxAutoPrepare);
        Assert.Equal(5, connection.AutoPrepareMinUsages);
        Assert.Equal(20, connection.MaxPoolSize);
        Assert.Equal(20, connection.MinPoolSize); // never above the maximum
    }
}
