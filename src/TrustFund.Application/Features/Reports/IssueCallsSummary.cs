using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Reports;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Reports;

namespace TrustFund.Application.Features.Reports;

/// <summary>
/// Issues the "Calls for proposals" summary of a year: every call announced for that year (drafts excluded), rendered
/// to PDF and stored with its hash so the same document can be downloaded again unchanged.
/// </summary>
public static class IssueCallsSummary
{
    /// <param name="Language">The language the summary is issued in (en, fr, es).</param>
    [Authorize(Roles.FundManager)]
    public sealed record Command(int Year, PaperSize Paper = PaperSize.A4, string Language = "en") : ICommand<Result>;

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
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var language = command.Language;
            string T(string english) => text.Translate(language, english);
            // A call belongs to the year of its deadline in the call's own time zone, which can differ from the UTC
            // year near New Year: read a day either side, then decide in that zone.
            var from = new DateTimeOffset(command.Year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
            var to = new DateTimeOffset(command.Year, 12, 31, 0, 0, 0, TimeSpan.Zero).AddDays(2);
            var candidates = await db.Calls.AsNoTracking()
                .Where(c => c.Status != CallStatus.Draft && c.Deadline >= from && c.Deadline < to)
                .ToListAsync(ct);
            var lines = candidates
                .Select(c => (Call: c, Local: TimeZoneInfo.ConvertTime(c.Deadline, TimeZoneInfo.FindSystemTimeZoneById(c.TimeZoneId))))
                .Where(x => x.Local.Year == command.Year)
                .OrderBy(x => x.Call.Deadline).ThenBy(x => x.Call.Slug, StringComparer.Ordinal)
                .Select(x => new CallsSummaryData.Line(x.Call.Slug, x.Call.Title.For(language), x.Call.Window.Code(), x.Call.Envelope,
                    x.Call.MinGrant, x.Call.MaxGrant, x.Call.MaxDurationMonths, x.Call.Deadline, x.Call.TimeZoneId,
                    text.Name(language, x.Call.Status)))
                .ToList();

            var issuedAt = IssueDonorStatement.IssuedAt(clock);
            var title = string.Format(DocumentLanguages.Culture(language), T("Calls for proposals {0}"), command.Year.ToString(CultureInfo.InvariantCulture));
            var issuedBy = user.UserName ?? "TrustFund";
            var pdf = renderer.RenderCallsSummary(new CallsSummaryData(title, command.Year, issuedAt, issuedBy, lines) { Paper = command.Paper, Language = language });

            var parameters = JsonSerializer.Serialize(new { year = command.Year, language, paper = command.Paper.ToString() });
            var report = new IssuedReport(ReportKind.CallsSummary, title, parameters, pdf, user.UserId, user.UserName, issuedAt);
            db.IssuedReports.Add(report);
            await db.SaveChangesAsync(ct);
            return new Result(report.Id, report.Sha256);
        }
    }
}
