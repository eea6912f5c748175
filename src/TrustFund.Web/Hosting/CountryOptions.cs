using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;

namespace TrustFund.Web.Hosting;

/// <summary>Countries for a select list, named and sorted in the page's language.</summary>
public sealed class CountryOptions(TrustFundDbContext db)
{
    public async Task<IReadOnlyList<(string Iso2, string Name)>> ForLanguage(string language, CancellationToken ct)
    {
        var countries = await db.Countries.AsNoTracking().ToListAsync(ct);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        return countries.Select(c => (c.Iso2, c.Name.For(language)))
            .OrderBy(c => c.Item2, StringComparer.Create(culture, ignoreCase: true)).ToList();
    }
}
