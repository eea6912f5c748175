using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;

namespace TrustFund.Web.Hosting;

/// <summary>
/// The names, in the reader's language, of the reference codes an application or a report carries: countries ("CO"),
/// forms of exploitation ("FORCED_LABOUR") and types of assistance. A person reads "Colombie" and "Travail forcé";
/// exports keep the codes, which are data. The codes of the three lists never collide (two letters against words).
/// </summary>
public sealed class CodeNames(CountryOptions countries, TrustFundDbContext db)
{
    public async Task<Dictionary<string, string>> ForLanguage(string language, CancellationToken ct)
    {
        var names = (await countries.ForLanguage(language, ct)).ToDictionary(c => c.Iso2, c => c.Name);
        foreach (var f in await db.FormsOfExploitation.AsNoTracking().ToListAsync(ct)) names[f.Code] = f.Name.For(language);
        foreach (var a in await db.AssistanceTypes.AsNoTracking().ToListAsync(ct)) names[a.Code] = a.Name.For(language);
        return names;
    }
}
