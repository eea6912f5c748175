using TrustFund.Application.Authorization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;

namespace TrustFund.UnitTests.Security;

public sealed class RecordOwnersTests
{
    private static readonly Guid Record = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Organisation = Guid.Parse("0193a1b2-0000-7000-8000-0000000000aa");

    [Fact]
    public async Task AnOwnerFound_IsAnsweredFromMemoryAfterwards_ForThatKindOfRecordOnly()
    {
        var owners = new RecordOwners();
        var lookUps = 0;
        Task<Guid?> LookUp() { lookUps++; return Task.FromResult<Guid?>(Organisation); }

        Assert.Equal(Organisation, await owners.OwnerAsync<GrantApplication>(Record, LookUp));
        Assert.Equal(Organisation, await owners.OwnerAsync<GrantApplication>(Record, LookUp));
        Assert.Equal(1, lookUps);

        // The same id as another kind of record is another question (a grant's id is not an application's).
        Assert.Equal(Organisation, await owners.OwnerAsync<GrantAgreement>(Record, LookUp));
        Assert.Equal(2, lookUps);
    }

    [Fact]
    public async Task ARecordNotFound_IsLookedUpAgainEveryTime_SoOneCreatedLaterIsSeen()
    {
        var owners = new RecordOwners();
        Guid? owner = null;
        var lookUps = 0;
        Task<Guid?> LookUp() { lookUps++; return Task.FromResult(owner); }

        Assert.Null(await owners.OwnerAsync<GrantApplication>(Record, LookUp));
        owner = Organisation;
        Assert.Equal(Organisation, await owners.OwnerAsync<GrantApplication>(Record, LookUp));
        Assert.Equal(2, lookUps);
    }
}
