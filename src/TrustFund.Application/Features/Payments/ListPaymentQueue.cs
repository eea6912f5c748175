using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Payments;

/// <summary>The payments still on their way, for the certifying and approving officers, each with why it is held if it is.</summary>
public static class ListPaymentQueue
{
    [Authorize(Roles.CertifyingOfficer, Roles.ApprovingOfficer)]
    public sealed record Query(bool IncludeDisbursed = false) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, Guid GrantId, string GrantReference, string Grantee, int InstalmentNumber, decimal Amount,
        PaymentStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? CertifiedBy, string? ApprovedBy,
        DateOnly? ValueDate, string? BankReference, GrantReportKind? HeldByReport, DateOnly? HeldByReportDueOn,
        Guid? RequestedById = null, Guid? CertifiedById = null);

    public sealed class Handler(TrustFundDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var payments = db.GrantPayments.AsNoTracking();
            if (!query.IncludeDisbursed) payments = payments.Where(p => p.Status != PaymentStatus.Disbursed);
            var rows = await (from p in payments
                    join g in db.GrantAgreements on p.GrantId equals g.Id
                    orderby p.RequestedAt
                    select new { p, g.ReferenceNumber, g.Grantee })
                .Take(500).ToListAsync(ct);
            var grantIds = rows.Select(r => r.p.GrantId).Distinct().ToList();
            var overdue = (await db.GrantReports.AsNoTracking()
                    .Where(r => grantIds.Contains(r.GrantId) && r.Status == GrantReportStatus.Overdue).ToListAsync(ct))
                .GroupBy(r => r.GrantId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.DueOn).ThenBy(r => r.Kind).First());
            return rows.Select(r =>
            {
                var held = r.p.Status == PaymentStatus.Disbursed ? null : overdue.GetValueOrDefault(r.p.GrantId);
                return new Item(r.p.Id, r.p.GrantId, r.ReferenceNumber, r.Grantee, r.p.InstalmentNumber, r.p.Amount, r.p.Status,
                    r.p.RequestedBy, r.p.RequestedAt, r.p.CertifiedBy, r.p.ApprovedBy, r.p.ValueDate, r.p.BankReference,
                    held?.Kind, held?.DueOn, r.p.RequestedById, r.p.CertifiedById);
            }).ToList();
        }
    }
}
