using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Countries for a select list, named and sorted in the page's language. The list changes only when reference data
/// is re-seeded, so each language's list is built once per process: the application form renders it on every step.
/// </summary>
public sealed class CountryOptions(TrustFundDbContext db)
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Iso2, string Name)>> Cache = new();

    public async Task<IReadOnlyList<(string Iso2, string Name)>> ForLanguage(string language, CancellationToken ct)
    {
        if (Cache.TryGetValue(language, out var cached)) return cached;
        var countries = await db.Countries.AsNoTracking().ToListAsync(ct);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        var list = countries.Select(c => (c.Iso2, c.Name.For(language)))
            .OrderBy(c => c.Item2, StringComparer.Create(culture, ignoreCase: true)).ToList();
        // An empty table (a test that has not seeded yet) is not worth remembering.
        if (list.Count > 0) Cache[language] = list;
        return list;
    }
}
