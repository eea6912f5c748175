using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Domain.Organisations;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>
/// Database contexts come from EF's pool and go back to it when their scope ends. A context taken again must write its
/// new scope's person into the audit trail, never the person of the scope that used it before.
/// </summary>
public sealed class PooledContextTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    private sealed record Someone(Guid Id) : ICurrentUser
    {
        public Guid? UserId => Id;
        public string? UserName => "someone@example.org";
        public Guid? OrganisationId => null;
        public bool IsInRole(string role) => false;
    }

    [Fact]
    public async Task ContextsTakenAgainFromThePool_AuditTheirOwnScopesPerson_NotThePreviousOne()
    {
        var someone = new Someone(Guid.NewGuid());
        var expected = new Dictionary<string, Guid?>();
        var contexts = new HashSet<TrustFundDbContext>(ReferenceEqualityComparer.Instance);
        // One scope after the other, alternating a person and the system: the pool hands the same few contexts round.
        for (var i = 0; i < 20; i++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var acting = scope.ServiceProvider.GetRequiredService<ActingUser>();
            if (i % 2 == 0) acting.As(someone); else acting.AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            contexts.Add(db);
            var organisation = new Organisation($"Pooled NGO {i}", "CO", App.Clock.GetUtcNow());
            db.Add(organisation);
            await db.SaveChangesAsync();
            expected[organisation.Id.ToString()] = i % 2 == 0 ? someone.Id : null;
        }

        await using var check = App.NewDbContext();
        var ids = expected.Keys.ToList();
        var audited = await check.AuditEntries.Where(e => e.EntityType == nameof(Organisation) && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.UserId }).ToListAsync();

        Assert.True(contexts.Count < 20, $"the pool gave {contexts.Count} contexts for 20 scopes: none was taken again");
        Assert.Equal(20, audited.Count);
        Assert.All(audited, e => Assert.Equal(expected[e.EntityId], e.UserId));
    }
}
