using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrustFund.Application.Features.Contributions;
using TrustFund.Application.Features.Journal;
using TrustFund.Domain.Finance;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Finance;

public sealed class JournalTests(TrustFundAppFactory app) : FinanceTest(app)
{
    [Theory]
    [InlineData("UPDATE journal_entries SET usd_amount = 0")]
    [InlineData("UPDATE journal_entries SET reason = 'tidied up' WHERE id = (SELECT min(id) FROM journal_entries)")]
    [InlineData("DELETE FROM journal_entries")]
    public async Task Journal_RefusesUpdateAndDelete_AtTheDatabaseLevel(string sql)
    {
        var pledge = await Pledge(await Donor(), 1_000, "USD", LastMonth);
        await Receive(pledge, 1_000, "USD", LastMonth);
        // As the owner: the application's role is refused before the trigger is reached (DatabaseRoleTests); the
        // trigger stops the owner, who may otherwise change any table.
        await using var connection = new NpgsqlConnection(App.OwnerConnectionString);
        await connection.OpenAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        });

        Assert.Equal(PostgresErrorCodes.RestrictViolation, error.SqlState);
        Assert.Contains("journal_entries is append-only", error.MessageText);
        await using var db = App.NewDbContext();
        var entry = await db.JournalEntries.SingleAsync();
        Assert.Equal((1_000m, null), (entry.UsdAmount, entry.Reason));
    }

    [Fact]
    public async Task Dashboard_EqualsTheJournalsSums_PerYear()
    {
        await Rate("EUR", LastMonth, 0.9m);
        var pledge = await Pledge(await Donor(), 90_000, "EUR", LastMonth);
        await Receive(pledge, 45_000, "EUR", LastMonth.AddDays(1), "FIRST");     // USD 50,000
        var wrong = await Receive(pledge, 9_000, "EUR", LastMonth.AddDays(2), "WRONG");   // USD 10,000, reversed below
        await Send(new ReverseReceipt.Command(wrong.ReceiptId, "Booked twice"));
        var older = await Pledge(await Donor("Freedom Fund Foundation", Domain.Donors.DonorKind.Foundation, "US"), 30_000, "USD",
            LastMonth.AddYears(-1));
        await Receive(older, 30_000, "USD", LastMonth.AddYears(-1), "OLDER");
        await BookGrantEvents(LastMonth.AddDays(5));

        var dashboard = await Query(new GetFundDashboard.Query());
        var expected = await JournalSumsFromSql();

        foreach (var year in dashboard.Years)
        {
            var sums = expected.GetValueOrDefault(year.Number) ?? [];
            decimal Of(string type) => sums.GetValueOrDefault(type);
            Assert.Equal(Of("ContributionReceived"), year.Received);
            Assert.Equal(Of("ObligationRaised"), year.Obligated);
            Assert.Equal(Of("Disbursement"), year.Disbursed);
            Assert.Equal(Of("PscCharge"), year.Psc);
            Assert.Equal(Of("Refund"), year.Refunds);
        }
        Assert.Equal(expected.Keys.Order(), dashboard.Years.Select(y => y.Number).Where(expected.ContainsKey));
        Assert.Equal(80_000m, dashboard.Total.Received);                  // 50,000 + 30,000; the reversed 10,000 is gone
        Assert.Equal(50_000m, dashboard.Total.PledgedNotReceived);        // EUR 45,000 still to come at 0.9
        // cash 80,000 − 20,000 − 2,600 + 1,000 = 58,400; open obligations 60,000 − 20,000 = 40,000 (+13% PSC = 45,200)
        Assert.Equal(40_000m, dashboard.Total.OpenObligationsAtEnd);
        Assert.Equal(13_200m, dashboard.Total.AvailableAtEnd);

        var client = await FundManager();
        var html = await client.GetStringAsync("/fund/dashboard");
        Assert.Contains("USD 80,000.00", html);
        Assert.Contains("USD 13,200.00", html);
    }

    [Fact]
    public async Task FundSettings_ChangeTheAvailability_AndStartAtTheDefaults()
    {
        await Receive(await Pledge(await Donor(), 100_000, "USD", LastMonth), 100_000, "USD", LastMonth);
        await BookGrantEvents(LastMonth, obligation: 50_000, disbursed: 0, refund: 0);
        var client = await FundManager();
        Assert.Contains("value=\"13.00\"", await client.GetStringAsync("/fund/settings"));
        Assert.Equal(43_500m, (await Query(new GetFundDashboard.Query())).Total.AvailableAtEnd); // 100,000 − 56,500

        Assert.Equal("/fund/settings", LocationOf(await PostForm(client, "/fund/settings",
            new() { ["PscPercent"] = "7", ["OperatingReservePercent"] = "10" })));

        Assert.Equal(36_500m, (await Query(new GetFundDashboard.Query())).Total.AvailableAtEnd); // 100,000 − 53,500 − 10,000
        var refused = await PostForm(client, "/fund/settings", new() { ["PscPercent"] = "130", ["OperatingReservePercent"] = "0" });
        Assert.Contains("The programme support cost rate must be between 0% and 100%.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ExportJournal_IsFilteredByDonorAndPeriod_AndShowsReversals()
    {
        var norway = await Donor();
        var foundation = await Donor("Freedom Fund Foundation", Domain.Donors.DonorKind.Foundation, "US");
        var receipt = await Receive(await Pledge(norway, 5_000, "USD", LastMonth), 5_000, "USD", LastMonth, "NOR-1");
        await Send(new ReverseReceipt.Command(receipt.ReceiptId, "Wrong, amount"));
        await Receive(await Pledge(foundation, 3_000, "USD", LastMonth), 3_000, "USD", LastMonth, "FOUNDATION-1");
        var client = await FundManager();

        var csv = await client.GetStringAsync($"/fund/journal?handler=Csv&donorId={norway}&from={LastMonth:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("entry,recorded_at,recorded_by,event_type,reverses_entry,", lines[0]);
        Assert.Contains(",ContributionReceived,,,,", lines[1]);
        Assert.Contains(",Reversal,", lines[2]);
        Assert.Contains(",ContributionReceived,\"Wrong, amount\",", lines[2]);
        Assert.Contains(",-5000.00,USD,1.000000,-5000.00,ContributionReceipt,", lines[2]);
        Assert.DoesNotContain("FOUNDATION-1", csv);
        var page = await client.GetStringAsync($"/fund/journal?donorId={norway}");
        Assert.Contains("NOR-1", page);
        Assert.DoesNotContain("FOUNDATION-1", page);
    }

    /// <summary>Grants do not exist yet: book their events straight into the journal as the grant work will.</summary>
    private async Task BookGrantEvents(DateOnly on, decimal obligation = 60_000, decimal disbursed = 20_000, decimal refund = 1_000)
    {
        await using var db = App.NewDbContext();
        var now = App.Clock.GetUtcNow();
        var agreement = new JournalDocument("GrantAgreement", Guid.NewGuid(), "VTF/2027/001");
        void Book(JournalEventType type, decimal usd, JournalDocument document)
        {
            if (usd > 0) db.JournalEntries.Add(JournalEntry.Record(type, on, Money.InUsd(usd), 1, document, null, Actor.System, now));
        }
        Book(JournalEventType.ObligationRaised, obligation, agreement);
        var payment = new JournalDocument("Payment", Guid.NewGuid(), "PAY-001");
        Book(JournalEventType.Disbursement, disbursed, payment);
        Book(JournalEventType.ObligationLiquidated, disbursed, payment);
        Book(JournalEventType.PscCharge, disbursed * 0.13m, payment);
        Book(JournalEventType.Refund, refund, agreement);
        await db.SaveChangesAsync();
    }

    /// <summary>The journal's USD sums per year and kind, computed by PostgreSQL independently of the application's code.</summary>
    private async Task<Dictionary<int, Dictionary<string, decimal>>> JournalSumsFromSql()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT extract(year FROM value_date)::int, coalesce(reversed_event_type, event_type), sum(usd_amount)
            FROM journal_entries GROUP BY 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var sums = new Dictionary<int, Dictionary<string, decimal>>();
        while (await reader.ReadAsync())
        {
            var year = reader.GetInt32(0);
            if (!sums.TryGetValue(year, out var byType)) sums[year] = byType = [];
            byType[reader.GetString(1)] = reader.GetDecimal(2);
        }
        Assert.NotEmpty(sums);
        return sums;
    }
}
