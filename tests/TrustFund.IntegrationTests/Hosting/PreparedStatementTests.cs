using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Data;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// The application's connections keep the statements they run again prepared, so PostgreSQL does not parse and plan
/// the same statement on every request (DatabaseResilience.WithPoolSettings; figures in the benchmarks' README).
/// </summary>
public sealed class PreparedStatementTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task AQueryRunTwiceOnAConnection_IsPreparedThere_AndStillAnswersTheSame()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        await db.Database.OpenConnectionAsync(); // one connection for the whole test: prepared statements belong to it
        try
        {
            var query = db.FormsOfExploitation.AsNoTracking().OrderBy(f => f.SortOrder).Select(f => f.Code);
            var answers = new List<List<string>>();
            for (var i = 0; i < 3; i++) answers.Add(await query.ToListAsync());

            // This statement exactly: the pooled connection may already hold others that earlier tests prepared on it.
            var sql = query.ToQueryString();
            var prepared = await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement = {sql}").SingleAsync();

            Assert.Equal(1, prepared);
            Assert.NotEmpty(answers[0]);
            Assert.All(answers, a => Assert.Equal(answers[0], a));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
