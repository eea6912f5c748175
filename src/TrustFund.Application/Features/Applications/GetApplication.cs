using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Applications;

/// <summary>One application with its call and attachments (without their bytes), for its organisation or the secretariat.</summary>
public static class GetApplication
{
    [Authorize(Roles.FundManager)]
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query(Guid ApplicationId) : IQuery<Result>, IAboutApplication;

    public sealed record AttachmentItem(Guid Id, DocumentType Type, string FileName, long Size, string Sha256, DateTimeOffset UploadedAt);

    public sealed record Result(GrantApplication Application, uint Version, Call Call, IReadOnlyList<AttachmentItem> Attachments,
        IReadOnlyList<SubmissionProblem> Problems, string OrganisationLegalName);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            // The draft, its call and its organisation's name in one round trip: every step of the form shows them.
            var found = await (
                    from a in db.Applications.AsNoTracking().VisibleTo(user)
                    join c in db.Calls.AsNoTracking() on a.CallId equals c.Id
                    join o in db.Organisations on a.OrganisationId equals o.Id
                    where a.Id == query.ApplicationId
                    select new { Application = a, Version = EF.Property<uint>(a, "xmin"), Call = c, OrganisationLegalName = o.LegalName })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("application", query.ApplicationId);
            var call = found.Call;
            var attachments = await db.Attachments.AsNoTracking().Where(x => x.ApplicationId == query.ApplicationId)
                .OrderBy(x => x.Type).ThenBy(x => x.UploadedAt)
                .Select(x => new AttachmentItem(x.Id, x.Type, x.FileName, x.Size, x.Sha256, x.UploadedAt)).ToListAsync(ct);
            var problems = found.Application.IsEditable
                ? found.Application.ProblemsBeforeSubmission(call, attachments.Select(x => x.Type).ToHashSet())
                : [];
            return new Result(found.Application, found.Version, call, attachments, problems, found.OrganisationLegalName);
        }
    }
}
