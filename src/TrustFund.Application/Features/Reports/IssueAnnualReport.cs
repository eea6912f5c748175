using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Board;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Reports;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Reports;

namespace TrustFund.Application.Features.Reports;

/// <summary>
/// Issues the annual fund report of a calendar (= fiscal) year and stores it. Money comes from the journal (so the
/// financial statement's totals are the journal's), pledges from the pledges, the board from the appointments that
/// overlapped the year, selection and targeted victims from the applications submitted in the year, grants from the
/// agreements and the journal, victims assisted from the grantees' accepted narrative reports.
/// </summary>
public static class IssueAnnualReport
{
    /// <param name="Language">The language the report is issued in (en, fr, es).</param>
    [Authorize(Roles.FundManager)]
    public sealed record Command(int Year, PaperSize Paper = PaperSize.A4, string Language = "en") : ICommand<Result>;

    /// <summary>
    /// The January job's command: last year's report in each language not yet issued for that year (so the job is safe
    /// to run twice, and a run stopped half-way issues only what is missing the next time).
    /// </summary>
    [Authorize(Roles.System)]
    public sealed record LastYearCommand : ICommand<IReadOnlyList<Result>>;

    public sealed record Result(Guid ReportId, string Sha256);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Year).InclusiveBetween(2010, 2100).WithMessage("Choose a year between 2010 and 2100.");
            RuleFor(x => x.Paper).IsInEnum().WithMessage("Choose A4 or Letter paper.");
            RuleFor(x => x.Language).Must(l => LocalizedText.Languages.Contains(l)).WithMessage("Choose English, French or Spanish.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, IReportRenderer renderer, ICurrentUser user, TimeProvider clock, IDocumentText text)
        : ICommandHandler<Command, Result>
    {
        public ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            Issue(db, renderer, user, clock, command.Year, command.Paper, command.Language, text, ct);
    }

    /// <summary>
    /// The January job issues the year's report of record once in each of the fund's three working languages: the fund
    /// manager sends it to trustees, donors and NGOs who read English, French or Spanish, and the reports page offers all
    /// three, so none should have to be issued by hand. "Already issued" is the year and the language, read from the
    /// report's parameters, not its title (which is itself translated, and which a fund manager's own issue shares).
    /// </summary>
    public sealed class LastYearHandler(TrustFundDbContext db, IReportRenderer renderer, ICurrentUser user, TimeProvider clock, IDocumentText text)
        : ICommandHandler<LastYearCommand, IReadOnlyList<Result>>
    {
        public async ValueTask<IReadOnlyList<Result>> Handle(LastYearCommand command, CancellationToken ct)
        {
            var year = Domain.Common.FundCalendar.Today(clock).Year - 1; // Vienna's year: 1 January begins there an hour before UTC
            // Two runs at once (a retry while the first still renders) take turns here: the second then sees the first's reports.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('annual-fund-report'))", ct);
            var kind = nameof(ReportKind.AnnualFundReport);
            var yearText = year.ToString(CultureInfo.InvariantCulture);
            // Reports issued before they recorded a language were English.
            var issued = await db.Database.SqlQuery<string>($"""
                SELECT coalesce(parameters->>'language', 'en') AS "Value" FROM issued_reports
                WHERE kind = {kind} AND parameters->>'year' = {yearText}
                """).ToListAsync(ct);
            var results = new List<Result>();
            foreach (var language in LocalizedText.Languages.Where(l => !issued.Contains(l)))
                results.Add(await Issue(db, renderer, user, clock, year, PaperSize.A4, language, text, ct));
            return results;
        }
    }

    private static string Title(int year, string language, IDocumentText text) =>
        string.Format(DocumentLanguages.Culture(language), T(text, language, "Annual report {0}"), year.ToString(CultureInfo.InvariantCulture));

    private static string T(IDocumentText text, string language, string english) => text.Translate(language, english);

    private static async ValueTask<Result> Issue(TrustFundDbContext db, IReportRenderer renderer, ICurrentUser user, TimeProvider clock,
        int year, PaperSize paper, string language, IDocumentText text, CancellationToken ct)
    {
        var data = await Build(db, year, IssueDonorStatement.IssuedAt(clock), user.UserName ?? "TrustFund", language, text, ct);
        var pdf = renderer.RenderAnnualReport(data with { Paper = paper });
        var parameters = JsonSerializer.Serialize(new { year, language, paper = paper.ToString() });
        var report = new IssuedReport(ReportKind.AnnualFundReport, data.Title, parameters, pdf, user.UserId, user.UserName, data.IssuedAt);
        db.IssuedReports.Add(report);
        await db.SaveChangesAsync(ct);
        return new Result(report.Id, report.Sha256);
    }

    /// <summary>
    /// The report's data in English without the pages' catalogue (codes spelt out in words); public so the benchmark can
    /// time building and rendering apart from storing.
    /// </summary>
    public static Task<AnnualReportData> Build(TrustFundDbContext db, int year, DateTimeOffset issuedAt, string issuedBy,
        CancellationToken ct) => Build(db, year, issuedAt, issuedBy, "en", new EnglishDocumentText(), ct);

    /// <summary>The report's data with every name (groups, countries, kinds, statuses) in <paramref name="language"/>.</summary>
    public static async Task<AnnualReportData> Build(TrustFundDbContext db, int year, DateTimeOffset issuedAt, string issuedBy,
        string language, IDocumentText text, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var settings = await db.FundSettingsAsync(ct);

        // Money: one grouped query over the journal up to the year's end.
        var sums = await db.JournalEntries.AsNoTracking().Where(j => j.ValueDate <= last)
            .GroupBy(j => new { Current = j.ValueDate >= first, Type = j.ReversedEventType ?? j.EventType })
            .Select(g => new { g.Key.Current, g.Key.Type, Usd = g.Sum(j => j.UsdAmount) })
            .ToListAsync(ct);
        var before = FundPosition.From(sums.Where(s => !s.Current).Select(s => (s.Type, s.Usd)));
        var flows = FundPosition.From(sums.Where(s => s.Current).Select(s => (s.Type, s.Usd)));
        var toDate = FundPosition.From(sums.Select(s => (s.Type, s.Usd)));
        var statement = new AnnualReportData.FinancialStatement(before.Cash, flows.Received, flows.Refunds, flows.Disbursed, flows.Psc,
            flows.ObligationsRaised, flows.ObligationsLiquidated, flows.ObligationsReleased, toDate.OpenObligations,
            Money.RoundToCents(toDate.Received * settings.OperatingReserveRate), toDate.Available(settings));

        // Donors: pledged in the year (at pledge-date rates) against deposited in the year (the journal's USD).
        var pledged = await db.Pledges.AsNoTracking().Where(p => p.PledgedOn >= first && p.PledgedOn <= last)
            .GroupBy(p => p.DonorId).Select(g => new { g.Key, Usd = g.Sum(p => p.UsdEquivalent) })
            .ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
        var deposited = await db.ContributionEntries().Where(j => j.DonorId != null && j.ValueDate >= first && j.ValueDate <= last)
            .GroupBy(j => j.DonorId!.Value).Select(g => new { g.Key, Usd = g.Sum(j => j.UsdAmount) })
            .ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
        var donorIds = pledged.Keys.Concat(deposited.Keys).Distinct().ToList();
        var donors = (await db.Donors.AsNoTracking().Where(d => donorIds.Contains(d.Id)).ToListAsync(ct))
            .Select(d => new AnnualReportData.DonorLine(d.Name, text.Name(language, d.Kind), pledged.GetValueOrDefault(d.Id),
                deposited.GetValueOrDefault(d.Id)))
            .OrderByDescending(d => d.DepositedUsd).ThenByDescending(d => d.PledgedUsd).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();

        // The report's year and the four before it, pledged against deposited.
        var firstOfFive = new DateOnly(year - 4, 1, 1);
        var pledgedByYear = await db.Pledges.AsNoTracking().Where(p => p.PledgedOn >= firstOfFive && p.PledgedOn <= last)
            .GroupBy(p => p.PledgedOn.Year).Select(g => new { g.Key, Usd = g.Sum(p => p.UsdEquivalent) })
            .ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
        var depositedByYear = await db.ContributionEntries().Where(j => j.ValueDate >= firstOfFive && j.ValueDate <= last)
            .GroupBy(j => j.ValueDate.Year).Select(g => new { g.Key, Usd = g.Sum(j => j.UsdAmount) })
            .ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
        var byYear = Enumerable.Range(year - 4, 5)
            .Select(y => new AnnualReportData.YearLine(y, pledgedByYear.GetValueOrDefault(y), depositedByYear.GetValueOrDefault(y)))
            .ToList();

        var groups = (await db.RegionalGroups.AsNoTracking().ToListAsync(ct)).ToDictionary(g => g.Code, g => g.Name.For(language));
        var countries = (await db.Countries.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Iso2, c => c.Name.For(language));
        var names = new Names(language, text, groups, countries);
        var board = await Board(db, year, names, ct);
        var (selection, targets, received, eligible, approved) = await Applications(db, year, names, ct);

        var summary = new AnnualReportData.Figures(pledged.Values.Sum(), flows.Received, flows.Disbursed, flows.Psc,
            statement.AvailableAtEnd, donors.Count, received, eligible, approved, settings.PscRate);
        return new AnnualReportData(Title(year, language, text), year, issuedAt, issuedBy, summary, statement, donors, board,
            await Sessions(db, year, language, ct), selection, targets, await GrantsAwarded(db, year, names, ct), byYear)
        {
            Implementation = await Implementation(db, year, Domain.Common.FundCalendar.DateOf(issuedAt), names, ct),
            Victims = await Victims(db, year, names, ct),
            Language = language,
        };
    }

    /// <summary>How the report names what it counts, in its language: regional groups and countries by code, enum values, fixed words.</summary>
    private sealed record Names(string Language, IDocumentText Text, IReadOnlyDictionary<string, string> Groups,
        IReadOnlyDictionary<string, string> Countries)
    {
        public string T(string english) => Text.Translate(Language, english);

        public string Of(Enum value) => Text.Name(Language, value);

        public string Group(string? code) => code is null ? T("No regional group") : Groups.GetValueOrDefault(code, code);

        public string Country(string iso2) => Countries.GetValueOrDefault(iso2, iso2);

        public string Date(DateOnly date) => date.ToString("d MMM yyyy", DocumentLanguages.Culture(Language));
    }

    /// <summary>Each seat with everyone who held it at some time in the year, the year's chairperson marked.</summary>
    private static async Task<List<AnnualReportData.BoardSeat>> Board(TrustFundDbContext db, int year, Names names, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var appointments = await db.TrusteeAppointments.AsNoTracking().ToListAsync(ct);
        var serving = appointments.Where(a => a.CountsAsATerm && a.Overlaps(from, from.AddYears(1))).ToList();
        var chairId = await db.ChairDesignations.AsNoTracking().Where(c => c.Year == year).Select(c => (Guid?)c.AppointmentId)
            .SingleOrDefaultAsync(ct);
        var people = await TrusteeDirectory.NamesAndNationalities(db, serving, ct);
        var chairperson = names.T("chairperson");
        return BoardOfTrustees.SeatGroups.Select(code => new AnnualReportData.BoardSeat(names.Group(code),
            serving.Where(a => a.RegionalGroupCode == code).OrderBy(a => a.TermStart)
                .Select(a => $"{people.Names[a.TrusteeUserId]} ({people.Countries[a.NationalityIso2].For(names.Language)}), "
                    + $"{names.Date(a.TermStart)} – {names.Date(a.EffectiveEnd)}"
                    + (a.Id == chairId ? ", " + chairperson : ""))
                .ToList())).ToList();
    }

    /// <summary>The board's sessions held in the year, with the number of ballots it closed.</summary>
    private static async Task<List<AnnualReportData.BoardSessionLine>> Sessions(TrustFundDbContext db, int year, string language,
        CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var sessions = await db.BoardSessions.AsNoTracking().Where(s => s.Date >= first && s.Date <= last)
            .Join(db.Calls, s => s.CallId, c => c.Id, (s, c) => new { s.Id, s.Date, c.Title.En, c.Title.Fr, c.Title.Es })
            .ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var decided = await db.SessionBallots.AsNoTracking().Where(b => ids.Contains(b.SessionId) && b.ClosedAt != null && b.WithdrawalReason == null)
            .GroupBy(b => b.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return sessions.Select(s => new { s.Id, s.Date, Title = new LocalizedText(s.En, s.Fr, s.Es).For(language) })
            .OrderBy(s => s.Date).ThenBy(s => s.Title, StringComparer.Ordinal)
            .Select(s => new AnnualReportData.BoardSessionLine(s.Date, s.Title, decided.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>
    /// The grants signed in the year, with the grantee's country, region and window. The amount is the journal's: the
    /// obligations raised for the grant up to the year's end (signature and any increase by amendment), reversals included.
    /// </summary>
    private static async Task<List<AnnualReportData.GrantLine>> GrantsAwarded(TrustFundDbContext db, int year, Names names,
        CancellationToken ct)
    {
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddYears(1);
        var last = new DateOnly(year, 12, 31);
        var signed = db.GrantAgreements.Where(g => g.SignedAt >= start && g.SignedAt < end).Select(g => g.Id);
        var obligated = await db.JournalEntries.AsNoTracking()
            .Where(j => j.DocumentType == GrantAgreement.DocumentType && signed.Contains(j.DocumentId!.Value) && j.ValueDate <= last
                && (j.ReversedEventType ?? j.EventType) == JournalEventType.ObligationRaised)
            .GroupBy(j => j.DocumentId!.Value).Select(g => new { g.Key, Usd = g.Sum(j => j.UsdAmount) })
            .ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
        var rows = await (from g in db.GrantAgreements.AsNoTracking()
                          join a in db.Applications on g.ApplicationId equals a.Id
                          join call in db.Calls on a.CallId equals call.Id
                          join o in db.Organisations on g.OrganisationId equals o.Id
                          join country in db.Countries on o.CountryIso2 equals country.Iso2
                          where g.SignedAt >= start && g.SignedAt < end
                          select new { g.Id, g.ReferenceNumber, g.Grantee, country.Iso2, country.RegionalGroupCode, call.Window, g.Status })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.ReferenceNumber, StringComparer.Ordinal)
            .Select(r => new AnnualReportData.GrantLine(r.ReferenceNumber, r.Grantee, names.Group(r.RegionalGroupCode), names.Country(r.Iso2),
                r.Window.Code(), obligated.GetValueOrDefault(r.Id) + 0.00m, names.Of(r.Status)))
            .ToList();
    }

    /// <summary>
    /// Every grant under implementation during the year (signed by its end, and not ended before it starts), as it stands
    /// on <paramref name="asOf"/> (the report's date): the agreement's status, disbursed according to the journal up to that
    /// date, and its reports accepted against those due by then (a report accepted early counts as due).
    /// </summary>
    private static async Task<List<AnnualReportData.ImplementationLine>> Implementation(TrustFundDbContext db, int year, DateOnly asOf,
        Names names, CancellationToken ct)
    {
        var end = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var first = new DateOnly(year, 1, 1);
        var grants = db.GrantAgreements.Where(g => g.SignedAt < end && g.EndDate >= first);
        var rows = await (from g in grants.AsNoTracking()
                          join o in db.Organisations on g.OrganisationId equals o.Id
                          join country in db.Countries on o.CountryIso2 equals country.Iso2
                          select new { g.Id, g.ReferenceNumber, g.Grantee, country.Iso2, g.Status, g.EndDate })
            .ToListAsync(ct);
        var ids = grants.Select(g => g.Id);
        var disbursed = await db.JournalEntries.AsNoTracking()
            .Where(j => j.DocumentType == GrantAgreement.DocumentType && ids.Contains(j.DocumentId!.Value) && j.ValueDate <= asOf
                && (j.ReversedEventType ?? j.EventType) == JournalEventType.Disbursement)
            .GroupBy(j => j.DocumentId!.Value).Select(g => new { g.Key, Usd = g.Sum(j => j.UsdAmount) })
            .ToDictionaryAsync(x => x.Key, x => x.Usd, ct);
        var reports = await db.GrantReports.AsNoTracking().Where(r => ids.Contains(r.GrantId))
            .GroupBy(r => r.GrantId)
            .Select(g => new
            {
                g.Key,
                Accepted = g.Count(r => r.Status == GrantReportStatus.Accepted),
                Due = g.Count(r => r.DueOn <= asOf || r.Status == GrantReportStatus.Accepted),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        return rows.OrderBy(r => r.ReferenceNumber, StringComparer.Ordinal)
            .Select(r => new AnnualReportData.ImplementationLine(r.ReferenceNumber, r.Grantee, names.Country(r.Iso2),
                names.Of(r.Status), r.EndDate, disbursed.GetValueOrDefault(r.Id) + 0.00m,
                reports.GetValueOrDefault(r.Id)?.Accepted ?? 0, reports.GetValueOrDefault(r.Id)?.Due ?? 0))
            .ToList();
    }

    /// <summary>
    /// Victims assisted, from the narrative reports the secretariat ACCEPTED (submitted, sent-back and draft reports do
    /// not count) whose due date falls in the year: a report belongs to the year its due date is in.
    /// The narrative form asks for the victims assisted without limiting them to the report's period (unlike the
    /// financial form, which asks for spending "in the period"), so a grant's later report repeats the people of its
    /// earlier ones: we take each grant's LATEST accepted narrative report of the year (by due date, the final report
    /// before the interim one on the same date) and never add two reports of one grant.
    /// </summary>
    private static async Task<AnnualReportData.VictimsAssisted> Victims(TrustFundDbContext db, int year, Names names, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var reports = await db.GrantReports.AsNoTracking()
            .Where(r => r.Status == GrantReportStatus.Accepted && r.DueOn >= first && r.DueOn <= last && r.Narrative != null
                && (r.Kind == GrantReportKind.InterimNarrative || r.Kind == GrantReportKind.FinalNarrative))
            .Select(r => new AcceptedNarrative(r.GrantId, r.Kind, r.DueOn, r.Narrative!))
            .ToListAsync(ct);
        if (reports.Count == 0) return AnnualReportData.VictimsAssisted.None;
        var forms = await db.FormsOfExploitation.AsNoTracking().ToListAsync(ct);
        var assistance = await db.AssistanceTypes.AsNoTracking().ToListAsync(ct);
        return VictimsAssisted(reports, new ReferenceNames(
            forms.ToDictionary(f => f.Code, f => f.Name.For(names.Language)),
            assistance.ToDictionary(f => f.Code, f => f.Name.For(names.Language)),
            names.Countries)
        {
            Code = names.Of,
            OtherNationalities = names.T("Other nationalities ({0})"),
        });
    }

    /// <summary>An accepted narrative report of the year, as the victims section reads it.</summary>
    public sealed record AcceptedNarrative(Guid GrantId, GrantReportKind Kind, DateOnly DueOn, NarrativeReport Narrative);

    /// <summary>Names of the codes a narrative report counts by, in the report's language (English unless set).</summary>
    public sealed record ReferenceNames(IReadOnlyDictionary<string, string> Forms, IReadOnlyDictionary<string, string> Assistance,
        IReadOnlyDictionary<string, string> Countries)
    {
        /// <summary>The name of a sex or an age group.</summary>
        public Func<Enum, string> Code { get; init; } = value => value.ToString();

        /// <summary>The line that adds up the nationalities not shown one by one, {0} being how many.</summary>
        public string OtherNationalities { get; init; } = "Other nationalities ({0})";
    }

    /// <summary>How many nationalities the report names; the rest are added up as "Other nationalities".</summary>
    public const int NationalitiesShown = 8;

    /// <summary>
    /// Adds up the reports the section uses: each grant's latest accepted narrative report (see <see cref="Victims"/>).
    /// Public so the benchmark times it with the rendering.
    /// </summary>
    public static AnnualReportData.VictimsAssisted VictimsAssisted(IEnumerable<AcceptedNarrative> accepted, ReferenceNames names)
    {
        var reports = accepted.ToList();
        var latest = reports.GroupBy(r => r.GrantId)
            .Select(g => g.OrderByDescending(r => r.DueOn).ThenByDescending(r => r.Kind == GrantReportKind.FinalNarrative).First().Narrative)
            .ToList();
        if (latest.Count == 0) return AnnualReportData.VictimsAssisted.None;

        static Dictionary<string, int> Sum(IEnumerable<ReportCount> counts) =>
            counts.GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Number), StringComparer.Ordinal);
        // Sex and age group in their fixed order, zeros included; the others largest first, zeros left out.
        List<AnnualReportData.CountLine> Fixed<T>(Dictionary<string, int> sums) where T : struct, Enum =>
            Enum.GetValues<T>().Select(code => new AnnualReportData.CountLine(names.Code(code), sums.GetValueOrDefault(code.ToString()))).ToList();
        static List<AnnualReportData.CountLine> Largest(Dictionary<string, int> sums, IReadOnlyDictionary<string, string> names) =>
            sums.Where(s => s.Value > 0).Select(s => new AnnualReportData.CountLine(names.GetValueOrDefault(s.Key, s.Key), s.Value))
                .OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();

        var nationalities = Largest(Sum(latest.SelectMany(n => n.ByNationality)), names.Countries);
        if (nationalities.Count > NationalitiesShown + 1)
            nationalities = [.. nationalities.Take(NationalitiesShown),
                new AnnualReportData.CountLine(string.Format(CultureInfo.InvariantCulture, names.OtherNationalities, nationalities.Count - NationalitiesShown),
                    nationalities.Skip(NationalitiesShown).Sum(l => l.Count))];
        return new AnnualReportData.VictimsAssisted(latest.Count, reports.Count,
            Fixed<Sex>(Sum(latest.SelectMany(n => n.BySex))),
            Fixed<AgeGroup>(Sum(latest.SelectMany(n => n.ByAgeGroup))),
            Largest(Sum(latest.SelectMany(n => n.ByForm)), names.Forms),
            Largest(Sum(latest.SelectMany(n => n.ByAssistance)), names.Assistance),
            nationalities);
    }

    private static readonly ApplicationStatus[] PastEligibility =
    [
        ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationStatus.Shortlisted, ApplicationStatus.ReserveList,
        ApplicationStatus.NotSelected, ApplicationStatus.Recommended, ApplicationStatus.Approved, ApplicationStatus.Rejected,
    ];

    /// <summary>
    /// Applications submitted in the year (UTC), by the regional group of the country where the project would run (the
    /// organisation's country when none is given), and the people they target.
    /// </summary>
    private static async Task<(List<AnnualReportData.SelectionLine>, List<AnnualReportData.TargetLine>, int, int, int)> Applications(
        TrustFundDbContext db, int year, Names names, CancellationToken ct)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt >= from && a.SubmittedAt < from.AddYears(1))
            .Select(a => new { a.Status, a.Organisation, a.Project, a.Beneficiaries, a.History })
            .ToListAsync(ct);
        var groupOfCountry = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso2, c => c.RegionalGroupCode, ct);
        var forms = (await db.FormsOfExploitation.AsNoTracking().ToListAsync(ct)).ToDictionary(f => f.Code, f => f.Name.For(names.Language));

        var rows = applications.Select(a =>
        {
            var country = a.Project.ImplementationCountryIso2 ?? a.Organisation.CountryIso2;
            var code = groupOfCountry.GetValueOrDefault(country);
            return new
            {
                Group = names.Group(code),
                Eligible = PastEligibility.Contains(a.Status) || a.History.Any(h => h.Status == ApplicationStatus.Eligible),
                Approved = a.Status == ApplicationStatus.Approved,
                a.Status,
                a.Beneficiaries,
            };
        }).ToList();
        var selection = rows.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AnnualReportData.SelectionLine(g.Key, g.Count(), g.Count(r => r.Eligible), g.Count(r => r.Approved)))
            .ToList();
        var targets = rows.Where(r => r.Status != ApplicationStatus.Withdrawn).SelectMany(r => r.Beneficiaries)
            .GroupBy(t => (t.Sex, t.AgeGroup, t.FormOfExploitationCode))
            .Select(g => new AnnualReportData.TargetLine(names.Of(g.Key.Sex), names.Of(g.Key.AgeGroup),
                forms.GetValueOrDefault(g.Key.FormOfExploitationCode, g.Key.FormOfExploitationCode), g.Sum(t => t.Count)))
            .OrderBy(t => t.FormOfExploitation, StringComparer.Ordinal).ThenBy(t => t.Sex, StringComparer.Ordinal)
            .ThenBy(t => t.AgeGroup, StringComparer.Ordinal)
            .ToList();
        return (selection, targets, rows.Count, rows.Count(r => r.Eligible), rows.Count(r => r.Approved));
    }
}
