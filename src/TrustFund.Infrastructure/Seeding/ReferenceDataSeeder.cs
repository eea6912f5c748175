using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Auditing;
using TrustFund.Application.Data;
using TrustFund.Domain.Common;
using TrustFund.Domain.ReferenceData;

namespace TrustFund.Infrastructure.Seeding;

/// <summary>
/// Loads seeds/reference (regional groups, countries, forms of exploitation, types of assistance) in every
/// environment. It inserts what is missing and corrects what differs, so running it twice changes nothing.
/// </summary>
public sealed class ReferenceDataSeeder(TrustFundDbContext db, AuditContext audit)
{
    public async Task<int> SeedAsync(string seedsDirectory, CancellationToken ct = default)
    {
        audit.Action = "SeedReferenceData";
        var folder = Path.Combine(seedsDirectory, "reference");

        var groups = await db.RegionalGroups.ToDictionaryAsync(g => g.Code, ct);
        foreach (var row in CsvFile.Read(Path.Combine(folder, "regional_groups.csv")))
        {
            var name = Names(row);
            if (groups.TryGetValue(row["code"], out var group)) { if (group.Name != name) group.Rename(name); }
            else db.RegionalGroups.Add(new RegionalGroup(row["code"], name));
        }

        var countries = await db.Countries.ToDictionaryAsync(c => c.Iso2, ct);
        foreach (var row in CsvFile.Read(Path.Combine(folder, "countries.csv")))
        {
            var status = Enum.Parse<UnStatus>(row["un_status"]);
            var group = string.IsNullOrEmpty(row["regional_group"]) ? null : row["regional_group"];
            if (countries.TryGetValue(row["iso2"], out var country)) country.Update(row["iso3"], Names(row), status, group);
            else db.Countries.Add(new Country(row["iso2"], row["iso3"], Names(row), status, group));
        }

        await SeedItems(db.FormsOfExploitation, Path.Combine(folder, "forms_of_exploitation.csv"),
            (code, name, order) => new FormOfExploitation(code, name, order), ct);
        await SeedItems(db.AssistanceTypes, Path.Combine(folder, "assistance_types.csv"),
            (code, name, order) => new AssistanceType(code, name, order), ct);

        return await db.SaveChangesAsync(ct);
    }

    private static async Task SeedItems<T>(DbSet<T> set, string file, Func<string, LocalizedText, int, T> create,
        CancellationToken ct) where T : ReferenceItem
    {
        var existing = await set.ToDictionaryAsync(i => i.Code, ct);
        foreach (var row in CsvFile.Read(file))
        {
            var order = int.Parse(row["sort_order"]);
            if (existing.TryGetValue(row["code"], out var item)) item.Update(Names(row), order);
            else set.Add(create(row["code"], Names(row), order));
        }
    }

    private static LocalizedText Names(IReadOnlyDictionary<string, string> row) =>
        new(row["name_en"], NullIfEmpty(row["name_fr"]), NullIfEmpty(row["name_es"]));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
