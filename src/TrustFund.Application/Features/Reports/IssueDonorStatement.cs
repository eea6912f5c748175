using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Reports;
using TrustFund.Domain.Donors;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Reports;

namespace TrustFund.Application.Features.Reports;

/// <summary>
/// Issues one donor's statement for a period and stores it issued to that donor, whose accounts can then download it.
/// The receipts listed are the journal's contribution entries for the donor in the period, reversals included, so the
/// statement's total is the journal's to the cent. It is issued in the donor's language.
/// </summary>
public static class IssueDonorStatement
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid DonorId, DateOnly From, DateOnly To, PaperSize Paper = PaperSize.A4) : ICommand<Result>;

    public sealed record Result(Guid ReportId, string Sha256);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.DonorId).NotEmpty().WithMessage("Choose a donor.");
            RuleFor(x => x.From).GreaterThanOrEqualTo(new DateOnly(2010, 1, 1)).WithMessage("Choose a period between 2010 and 2100.");
            RuleFor(x => x.To).LessThanOrEqualTo(new DateOnly(2100, 12, 31)).WithMessage("Choose a period between 2010 and 2100.");
            RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).WithMessage("The end of the period must not be before its start.");
            RuleFor(x => x.Paper).IsInEnum().WithMessage("Choose A4 or Letter paper.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, IReportRenderer renderer, ICurrentUser user, TimeProvider clock, IDocumentText text)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var donor = await db.Donors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DonorId, ct)
                ?? throw new NotFoundException("donor", command.DonorId);
            var data = await Statement(db, donor, command.From, command.To, IssuedAt(clock), user.UserName ?? "TrustFund", text, ct);
            var pdf = renderer.RenderDonorStatement(data with { Paper = command.Paper });

            var parameters = JsonSerializer.Serialize(new
            {
                donorId = donor.Id, from = command.From, to = command.To, language = data.Language, paper = command.Paper.ToString(),
            });
            var report = new IssuedReport(ReportKind.DonorStatement, data.Title, parameters, pdf, user.UserId, user.UserName,
                data.IssuedAt, donor.Id);
            db.IssuedReports.Add(report);
            await db.SaveChangesAsync(ct);
            return new Result(report.Id, report.Sha256);
        }
    }

    /// <summary>Whole seconds: the PDF's dates have no fractions, and the stored date should be the printed one.</summary>
    internal static DateTimeOffset IssuedAt(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    internal static async Task<DonorStatementData> Statement(TrustFundDbContext db, Donor donor, DateOnly from, DateOnly to,
        DateTimeOffset issuedAt, string issuedBy, IDocumentText text, CancellationToken ct)
    {
        var language = DocumentLanguages.Normalise(donor.Language);
        string T(string english) => text.Translate(language, english);
        var pledges = await db.Pledges.AsNoTracking().Where(p => p.DonorId == donor.Id).ToListAsync(ct);
        var entries = await db.ContributionEntries()
            .Where(j => j.DonorId == donor.Id && j.ValueDate >= from && j.ValueDate <= to)
            .OrderBy(j => j.ValueDate).ThenBy(j => j.Id)
            .ToListAsync(ct);
        // Which pledge each entry's receipt belongs to, for the earmarks (an entry's document is the receipt).
        var receiptIds = entries.Where(e => e.DocumentId != null).Select(e => e.DocumentId!.Value).Distinct().ToList();
        var pledgeOfReceipt = await db.ContributionReceipts.AsNoTracking().Where(r => receiptIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.PledgeId, ct);

        var pledgeLines = pledges.Where(p => p.PledgedOn >= from && p.PledgedOn <= to)
            .OrderBy(p => p.PledgedOn).ThenBy(p => p.CreatedAt)
            .Select(p => new DonorStatementData.PledgeLine(p.PledgedOn, p.Amount, p.Currency, p.RateAtPledge, p.UsdEquivalent,
                p.IsEarmarked ? p.EarmarkPurpose : null))
            .ToList();
        var receiptLines = entries.Select(e => new DonorStatementData.ReceiptLine(e.ValueDate, e.DocumentReference ?? "", e.Amount,
            e.Currency, e.Rate, e.UsdAmount, e.EventType == JournalEventType.Reversal)).ToList();

        decimal ReceivedUsd(Guid pledgeId) => entries
            .Where(e => e.DocumentId is { } receipt && pledgeOfReceipt.GetValueOrDefault(receipt) == pledgeId).Sum(e => e.UsdAmount);
        var earmarks = pledges.Where(p => p.IsEarmarked)
            .Select(p => (Pledge: p, Received: ReceivedUsd(p.Id)))
            .Where(x => (x.Pledge.PledgedOn >= from && x.Pledge.PledgedOn <= to) || x.Received != 0)
            .GroupBy(x => x.Pledge.EarmarkPurpose ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DonorStatementData.EarmarkLine(g.Key,
                g.Where(x => x.Pledge.PledgedOn >= from && x.Pledge.PledgedOn <= to).Sum(x => x.Pledge.UsdEquivalent),
                g.Sum(x => x.Received)))
            .ToList();

        var countryName = donor.CountryIso2 is null ? null
            : await db.Countries.AsNoTracking().Where(c => c.Iso2 == donor.CountryIso2).Select(c => c.Name).SingleOrDefaultAsync(ct);
        var country = countryName?.For(language);
        var culture = DocumentLanguages.Culture(language);
        var title = string.Format(culture, T("Donor statement: {0}, {1}"), donor.Name, Period(from, to, culture));
        return new DonorStatementData(title, donor.Name, text.Name(language, donor.Kind), country, from, to, issuedAt, issuedBy,
            pledgeLines, receiptLines, entries.Sum(e => e.UsdAmount), earmarks, await FundedGrants(db, donor.Id, to, language, ct))
        {
            Language = language,
        };
    }

    /// <summary>
    /// The grants this donor's earmarked money funds: its allocations in force at the end of the period (made by then
    /// and not withdrawn by then), one line per grant and earmark.
    /// </summary>
    private static async Task<List<DonorStatementData.FundedGrantLine>> FundedGrants(TrustFundDbContext db, Guid donorId, DateOnly to,
        string language, CancellationToken ct)
    {
        var periodEnd = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var allocations = await (
                from a in db.EarmarkAllocations.AsNoTracking()
                join p in db.Pledges on a.PledgeId equals p.Id
                join g in db.GrantAgreements on a.GrantId equals g.Id
                join application in db.Applications on g.ApplicationId equals application.Id
                where p.DonorId == donorId && a.AllocatedAt < periodEnd && (a.WithdrawnAt == null || a.WithdrawnAt >= periodEnd)
                select new { g.ReferenceNumber, g.Grantee, p.EarmarkPurpose, a.UsdAmount, application.Project, application.Organisation })
            .ToListAsync(ct);
        var countries = (await db.Countries.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Iso2, c => c.Name.For(language));
        return allocations
            .GroupBy(a => (a.ReferenceNumber, a.Grantee, Country: a.Project.ImplementationCountryIso2 ?? a.Organisation.CountryIso2,
                Earmark: a.EarmarkPurpose ?? ""))
            .OrderBy(g => g.Key.ReferenceNumber, StringComparer.Ordinal).ThenBy(g => g.Key.Earmark, StringComparer.Ordinal)
            .Select(g => new DonorStatementData.FundedGrantLine(g.Key.ReferenceNumber, g.Key.Grantee,
                countries.GetValueOrDefault(g.Key.Country, g.Key.Country), g.Key.Earmark, g.Sum(a => a.UsdAmount)))
            .ToList();
    }

    /// <summary>"MemberState" → "Member state", "ReferenceLetter1" → "Reference letter 1": enum names as words for the documents.</summary>
    internal static string Words(string pascalCase) =>
        string.Concat(pascalCase.Select((ch, i) => i == 0 ? ch.ToString()
            : char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch)
            : char.IsDigit(ch) && !char.IsDigit(pascalCase[i - 1]) ? " " + ch
            : ch.ToString()));

    /// <summary>A calendar year by its number, any other period by its first and last days.</summary>
    internal static string Period(DateOnly from, DateOnly to, CultureInfo culture) =>
        from.Month == 1 && from.Day == 1 && to == new DateOnly(from.Year, 12, 31)
            ? from.Year.ToString(CultureInfo.InvariantCulture)
            : $"{from.ToString("d MMM yyyy", culture)} – {to.ToString("d MMM yyyy", culture)}";
}
