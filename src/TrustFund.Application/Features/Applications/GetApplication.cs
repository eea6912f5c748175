using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Data;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Applications;

/// <summary>One application with its call and attachments (without their bytes), for its organisation or the secretariat.</summary>
public static class GetApplication
{
    public sealed record Query(Guid ApplicationId) : IQuery<Result>;

    public sealed record AttachmentItem(Guid Id, DocumentType Type, string FileName, long Size, string Sha256, DateTimeOffset UploadedAt);

    public sealed record Result(GrantApplication Application, uint Version, Call Call, IReadOnlyList<AttachmentItem> Attachments,
        IReadOnlyList<SubmissionProblem> Problems, string OrganisationLegalName);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var found = await db.Applications.AsNoTracking().VisibleTo(user).Where(a => a.Id == query.ApplicationId)
                .Select(a => new { Application = a, Version = EF.Property<uint>(a, "xmin") })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("application", query.ApplicationId);
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == found.Application.CallId, ct);
            var attachments = await db.Attachments.AsNoTracking().Where(x => x.ApplicationId == query.ApplicationId)
                .OrderBy(x => x.Type).ThenBy(x => x.UploadedAt)
                .Select(x => new AttachmentItem(x.Id, x.Type, x.FileName, x.Size, x.Sha256, x.UploadedAt)).ToListAsync(ct);
            var organisation = await db.Organisations.Where(o => o.Id == found.Application.OrganisationId).Select(o => o.LegalName).SingleAsync(ct);
            var problems = found.Application.IsEditable
                ? found.Application.ProblemsBeforeSubmission(call, attachments.Select(x => x.Type).ToHashSet())
                : [];
            return new Result(found.Application, found.Version, call, attachments, problems, organisation);
        }
    }
}
