using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.AuditorDossiers;

/// <summary>A grant's dossiers, newest first, with their progress; and one ready dossier's file.</summary>
public static class GetAuditorDossiers
{
    [Authorize(Roles.FundManager)]
    public sealed record Query(Guid GrantId) : IQuery<Result>;

    public sealed record Result(Guid GrantId, string GrantReference, string Grantee, IReadOnlyList<Item> Dossiers)
    {
        public bool AnyInProgress => Dossiers.Any(d => d.Status is DossierStatus.Queued or DossierStatus.Running);
    }

    public sealed record Item(Guid Id, DossierStatus Status, int Progress, string RequestedBy, DateTimeOffset RequestedAt,
        DateTimeOffset? CompletedAt, string? Sha256, long? SizeBytes, string? Failure);

    [Authorize(Roles.FundManager)]
    public sealed record FileQuery(Guid GrantId, Guid DossierId) : IQuery<File>;

    public sealed record File(string FileName, byte[] Content, string Sha256);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var grant = await db.GrantAgreements.AsNoTracking().Where(g => g.Id == query.GrantId)
                .Select(g => new { g.ReferenceNumber, g.Grantee }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("grant agreement", query.GrantId);
            var dossiers = await db.AuditorDossiers.AsNoTracking().Where(d => d.GrantId == query.GrantId)
                .OrderByDescending(d => d.RequestedAt).ThenBy(d => d.Id)
                .Select(d => new Item(d.Id, d.Status, d.Progress, d.RequestedBy, d.RequestedAt, d.CompletedAt, d.Sha256,
                    d.Content == null ? null : d.Content.Length, d.Failure))
                .ToListAsync(ct);
            return new Result(query.GrantId, grant.ReferenceNumber, grant.Grantee, dossiers);
        }
    }

    public sealed class FileHandler(TrustFundDbContext db) : IQueryHandler<FileQuery, File>
    {
        public async ValueTask<File> Handle(FileQuery query, CancellationToken ct) =>
            await db.AuditorDossiers.AsNoTracking()
                .Where(d => d.Id == query.DossierId && d.GrantId == query.GrantId && d.Status == DossierStatus.Ready)
                .Select(d => new File(d.FileName!, d.Content!, d.Sha256!)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("auditor's dossier", query.DossierId);
    }
}
