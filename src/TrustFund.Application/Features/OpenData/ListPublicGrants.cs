using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.OpenData;

/// <summary>
/// The public grants page (/grants) and its CSV and JSON downloads: every signed grant with its country, organisation
/// (or the generic name when withheld), window, amount, dates and status, filtered by year of signature, regional group
/// and country. Open to everyone: it holds nothing the IATI file does not publish.
/// </summary>
public static class ListPublicGrants
{
    public sealed record Filter(int? Year = null, string? RegionalGroup = null, string? Country = null);

    [AllowAnonymous]
    public sealed record Query(Filter Filter) : IQuery<Result>;

    [AllowAnonymous]
    public sealed record ExportQuery(Filter Filter, string Language) : IQuery<CsvExport>;

    public sealed record Item(string ReferenceNumber, LocalizedText Organisation, string CountryIso2, LocalizedText Country,
        string? RegionalGroupCode, FundingWindow Window, decimal AmountUsd, DateOnly StartDate, DateOnly EndDate, DateOnly SignedOn,
        int ActivityStatus, string IatiIdentifier);

    /// <summary>The items, and what the filters may choose from (years, groups and countries that have grants).</summary>
    public sealed record Result(IReadOnlyList<Item> Items, IReadOnlyList<int> Years, IReadOnlyList<(string Code, LocalizedText Name)> RegionalGroups,
        IReadOnlyList<(string Iso2, LocalizedText Name)> Countries)
    {
        public decimal TotalUsd => Items.Sum(i => i.AmountUsd) + 0.00m;
    }

    /// <summary>The IATI ActivityStatus code as the page names it.</summary>
    public static string StatusName(int activityStatus) => activityStatus switch
    {
        4 => "Completed",
        3 => "Finishing",
        _ => "Under way",
    };

    internal static async Task<Result> RunAsync(TrustFundDbContext db, OpenDataText text, OpenDataOptions options, TimeProvider clock,
        Filter filter, CancellationToken ct)
    {
        var today = clock.Today();
        var all = await PublicGrants.LoadAsync(db, text, ct);
        var groups = await db.RegionalGroups.AsNoTracking().OrderBy(g => g.Code).ToListAsync(ct);
        var matching = all
            .Where(g => filter.Year is not { } year || g.Year == year)
            .Where(g => string.IsNullOrEmpty(filter.RegionalGroup) || g.RegionalGroupCode == filter.RegionalGroup)
            .Where(g => string.IsNullOrEmpty(filter.Country) || string.Equals(g.CountryIso2, filter.Country, StringComparison.OrdinalIgnoreCase))
            .Select(g => new Item(g.ReferenceNumber, g.Organisation, g.CountryIso2, g.Country, g.RegionalGroupCode, g.Window, g.Amount,
                g.StartDate, g.EndDate, g.SignedOn, g.ActivityStatus(today), GetIatiActivityFile.Identifier(options, g.ReferenceNumber)))
            .ToList();
        return new Result(matching,
            all.Select(g => g.Year).Distinct().OrderDescending().ToList(),
            groups.Where(r => all.Any(g => g.RegionalGroupCode == r.Code)).Select(r => (r.Code, r.Name)).ToList(),
            all.GroupBy(g => g.CountryIso2).Select(c => (c.Key, c.First().Country)).OrderBy(c => c.Item2.En, StringComparer.Ordinal).ToList());
    }

    public sealed class Handler(TrustFundDbContext db, OpenDataText text, Microsoft.Extensions.Options.IOptions<OpenDataOptions> options,
        TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct) =>
            await RunAsync(db, text, options.Value, clock, query.Filter, ct);
    }

    /// <summary>The same rows as a spreadsheet, names in the reader's language.</summary>
    public sealed class ExportHandler(TrustFundDbContext db, OpenDataText text, Microsoft.Extensions.Options.IOptions<OpenDataOptions> options,
        TimeProvider clock) : IQueryHandler<ExportQuery, CsvExport>
    {
        public async ValueTask<CsvExport> Handle(ExportQuery query, CancellationToken ct)
        {
            var result = await RunAsync(db, text, options.Value, clock, query.Filter, ct);
            var language = LocalizedText.Languages.Contains(query.Language) ? query.Language : "en";
            return CsvExport.Build("grants.csv",
                ["iati_identifier", "reference", "organisation", "country_iso2", "country", "regional_group", "window", "amount_usd",
                 "start_date", "end_date", "signed_on", "status"],
                result.Items.Select(i => (IReadOnlyList<object?>)[i.IatiIdentifier, i.ReferenceNumber, i.Organisation.For(language), i.CountryIso2,
                    i.Country.For(language), i.RegionalGroupCode, i.Window.Code(), i.AmountUsd, i.StartDate, i.EndDate, i.SignedOn,
                    text.T(StatusName(i.ActivityStatus)).For(language)]));
        }
    }
}
