using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;

namespace TrustFund.Application.Features.ExchangeRates;

/// <summary>
/// Imports a UNORE table from CSV, all or nothing: every line is checked first, and if any is wrong nothing is saved
/// and each wrong line is named. Format (documented on the import page, sample in seeds/demo/unore-sample.csv):
/// a header <c>currency,effective_from,units_per_usd</c>, then one rate per line, e.g. <c>EUR,2027-03-01,0.921</c>.
/// </summary>
public static class ImportUnoreRates
{
    public static readonly string[] Header = ["currency", "effective_from", "units_per_usd"];
    public const int MaxLines = 10_000;

    [Authorize(Roles.FundManager)]
    public sealed record Command(string Csv) : ICommand<Result>;

    public sealed record Result(int Imported);

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var errors = new List<ValidationFailure>();
            var rates = new List<(int Line, UnoreRate Rate)>();
            var lines = command.Csv.TrimStart('\uFEFF').Split('\n');
            if (lines.Length > MaxLines + 1) throw new DomainException("The file has too many lines: import at most 10,000 rates at a time.");
            if (lines.Length == 0 || !Fields(lines[0]).Select(f => f.ToLowerInvariant()).SequenceEqual(Header))
                throw new DomainException("The first line must be the header: currency,effective_from,units_per_usd");

            for (var i = 1; i < lines.Length; i++)
            {
                var line = i + 1;
                if (lines[i].Trim().Length == 0) continue;
                var fields = Fields(lines[i]);
                if (fields.Length != 3) { errors.Add(Error(line, "Line {0}: expected 3 fields, found {1}. Nothing was imported.", fields.Length)); continue; }
                if (!DateOnly.TryParseExact(fields[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                { errors.Add(Error(line, "Line {0}: “{1}” is not a date written as yyyy-mm-dd. Nothing was imported.", fields[1])); continue; }
                if (!decimal.TryParse(fields[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var units))
                { errors.Add(Error(line, "Line {0}: “{1}” is not a rate written with a decimal point, e.g. 0.921. Nothing was imported.", fields[2])); continue; }
                try
                {
                    var rate = new UnoreRate(fields[0], from, units, UnoreRateSource.Imported, now);
                    var twin = rates.FirstOrDefault(r => r.Rate.Currency == rate.Currency && r.Rate.EffectiveFrom == rate.EffectiveFrom);
                    if (twin.Rate is not null) errors.Add(Error(line, "Line {0}: repeats the {1} rate from {2} on line {3}. Nothing was imported.", rate.Currency, Iso(from), twin.Line));
                    else rates.Add((line, rate));
                }
                catch (DomainException e)
                {
                    errors.Add(Error(line, "Line {0}: {1}: {2} Nothing was imported.", fields[0], e));
                }
            }

            var currencies = rates.Select(r => r.Rate.Currency).Distinct().ToList();
            var dates = rates.Select(r => r.Rate.EffectiveFrom).Distinct().ToList();
            var existing = (await db.UnoreRates.AsNoTracking()
                    .Where(r => currencies.Contains(r.Currency) && dates.Contains(r.EffectiveFrom))
                    .Select(r => new { r.Currency, r.EffectiveFrom }).ToListAsync(ct))
                .Select(r => (r.Currency, r.EffectiveFrom)).ToHashSet();
            foreach (var (line, rate) in rates.Where(r => existing.Contains((r.Rate.Currency, r.Rate.EffectiveFrom))))
                errors.Add(Error(line, "Line {0}: a {1} rate from {2} is already in the table. Nothing was imported.", rate.Currency, Iso(rate.EffectiveFrom)));

            if (errors.Count > 0) throw new ValidationException(errors.OrderBy(e => (int)e.CustomState));
            if (rates.Count == 0) throw new DomainException("The file has no rates.");
            db.UnoreRates.AddRange(rates.Select(r => r.Rate));
            await db.SaveChangesAsync(ct);
            return new Result(rates.Count);
        }

        /// <summary>
        /// A refused line, said in the reader's language: the message is a catalogue text, the line number and the line's
        /// values its placeholders, and an entity's refusal among them is translated too (the page's exception filter).
        /// </summary>
        private static ValidationFailure Error(int line, string template, params object[] values) =>
            new("Upload", template)
            {
                CustomState = line,
                FormattedMessagePlaceholderValues = new object[] { line }.Concat(values)
                    .Select((value, i) => (value, i)).ToDictionary(x => x.i.ToString(CultureInfo.InvariantCulture), x => x.value),
            };

        /// <summary>Dates are written as the file writes them, so the reader finds the line.</summary>
        private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>The format has no quoted commas; quotes a spreadsheet adds around fields are dropped.</summary>
        private static string[] Fields(string line) => line.TrimEnd('\r').Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
    }
}
