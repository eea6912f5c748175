using System.Collections.Concurrent;

namespace TrustFund.Application.Authorization;

/// <summary>
/// Which organisation owns an application, an attachment, a grant or a grant report, as the authorisation of an
/// applicant's request asks. A record never changes owner (each sets it once, in its constructor), so an owner once
/// read is kept in this process's memory: every node may keep its own copy of the same unchanging fact, and the
/// 30-second autosave no longer spends its first database round trip on it. Only owners found are kept: an id that
/// does not exist is looked up every time and refused as before. A record deleted later keeps its owner here, and its
/// handler answers "not found" to that owner alone.
/// </summary>
public sealed class RecordOwners
{
    /// <summary>Far more than the records in use at once; past it the memory starts again empty rather than growing.</summary>
    internal const int Capacity = 200_000;

    private readonly ConcurrentDictionary<(Type Kind, Guid Id), Guid> known = new();

    public async ValueTask<Guid?> OwnerAsync<TRecord>(Guid id, Func<Task<Guid?>> lookUp)
    {
        if (known.TryGetValue((typeof(TRecord), id), out var owner)) return owner;
        var found = await lookUp();
        if (found is { } value)
        {
            if (known.Count >= Capacity) known.Clear();
            known[(typeof(TRecord), id)] = value;
        }
        return found;
    }
}
