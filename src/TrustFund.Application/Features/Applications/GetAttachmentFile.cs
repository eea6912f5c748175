using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Applications;

/// <summary>A file, for those who may see its application; for anyone else it does not exist.</summary>
public static class GetAttachmentFile
{
    [Authorize(Roles.FundManager)]
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Query(Guid AttachmentId) : IQuery<Result>, IAboutAttachment;
    public sealed record Result(string FileName, string ContentType, byte[] Content);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var visible = db.Applications.VisibleTo(user).Select(a => a.Id);
            return await db.Attachments.AsNoTracking()
                .Where(a => a.Id == query.AttachmentId && visible.Contains(a.ApplicationId))
                .Select(a => new Result(a.FileName, a.ContentType, a.Content))
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("attachment", query.AttachmentId);
        }
    }
}
