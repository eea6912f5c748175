using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Reports;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Applications;

/// <summary>
/// An application's summary as a PDF, for its own organisation and the secretariat (anyone else: not found), in the
/// reader's language. Rendered on request rather than stored: it is a copy of the application, dated by the application,
/// so it is the same file each time in a given language.
/// </summary>
public static class GetApplicationSummaryPdf
{
    [Authorize(Roles.FundManager)]
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query(Guid ApplicationId, string Language = "en") : IQuery<File>, IAboutApplication;

    public sealed record File(string FileName, byte[] Content);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, IReportRenderer renderer, IDocumentText text) : IQueryHandler<Query, File>
    {
        public async ValueTask<File> Handle(Query query, CancellationToken ct)
        {
            var application = await db.Applications.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(a => a.Id == query.ApplicationId, ct)
                ?? throw new NotFoundException("application", query.ApplicationId);
            var language = LocalizedText.Languages.Contains(query.Language) ? query.Language : "en";
            var data = await Summary(db, application, language, text, ct);
            var name = application.ReferenceNumber ?? "draft-" + application.Id.ToString("N")[..8];
            return new File($"application-{name}.pdf", renderer.RenderApplicationSummary(data));
        }
    }

    /// <summary>The summary's data with every name (statuses, categories, document types, headings) in <paramref name="language"/>.</summary>
    internal static async Task<ApplicationSummaryData> Summary(TrustFundDbContext db, GrantApplication a, string language, IDocumentText text,
        CancellationToken ct)
    {
        string Name(Enum value) => text.Name(language, value);
        string Label(string english) => text.Translate(language, english);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, ct);
        var isoCodes = new[] { a.Organisation.CountryIso2, a.Project.ImplementationCountryIso2 ?? "" };
        var countries = await db.Countries.AsNoTracking().Where(c => isoCodes.Contains(c.Iso2)).ToDictionaryAsync(c => c.Iso2, c => c.Name.For(language), ct);
        var forms = await db.FormsOfExploitation.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name.For(language), ct);
        var attachments = await db.Attachments.AsNoTracking().Where(x => x.ApplicationId == a.Id)
            .OrderBy(x => x.Type).ThenBy(x => x.UploadedAt)
            .Select(x => new { x.Type, x.FileName, x.Size, x.Sha256 }).ToListAsync(ct);
        string Country(string? iso2) => iso2 is null ? "" : countries.GetValueOrDefault(iso2, iso2);
        var p = a.Project;
        return new ApplicationSummaryData(a.ReferenceNumber, Name(a.Status),
            a.SubmittedAt ?? a.UpdatedAt, call.Title.For(language), call.Window.Code(), a.Organisation.LegalName, Country(a.Organisation.CountryIso2),
            a.Organisation.RegistrationNumber, a.Organisation.UnppPartnerId, a.Organisation.YearsOfDirectAssistance, p.Title,
            p.ImplementationCountryIso2 is null ? null : Country(p.ImplementationCountryIso2), p.StartDate, p.EndDate, p.DurationMonths,
            [
                (Label("Context and needs"), p.Context), (Label("Objectives"), p.Objectives), (Label("Activities"), p.Activities),
                (Label("Work plan"), p.WorkPlan), (Label("Risks and how you will manage them"), p.Risks),
                (Label("How survivors take part in the project"), p.SurvivorInvolvement),
            ],
            a.Beneficiaries.Select(t => new ApplicationSummaryData.TargetLine(Name(t.Sex), Name(t.AgeGroup),
                forms.GetValueOrDefault(t.FormOfExploitationCode, t.FormOfExploitationCode), t.Count)).ToList(),
            a.Budget.Select(l => new ApplicationSummaryData.BudgetLine(Name(l.Category), l.Description, l.Amount)).ToList(),
            attachments.Select(x => new ApplicationSummaryData.AttachmentLine(Name(x.Type), x.FileName,
                x.Size, x.Sha256)).ToList(),
            a.History.Select(h => new ApplicationSummaryData.HistoryLine(Name(h.Status), h.At)).ToList(),
            a.EligibilityReason, a.Declaration.Accepted ? a.Declaration.SignatoryName : null, a.Declaration.Accepted ? a.Declaration.SignatoryTitle : null) { Language = language };
    }
}
