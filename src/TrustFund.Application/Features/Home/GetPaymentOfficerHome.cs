using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Home;

/// <summary>
/// The payments waiting for the signed-in finance officer, oldest request first: to certify (certifying officers),
/// to approve (approving officers, never one they requested or certified: the FRR's separation of duties, as
/// GrantPayment.Approve refuses it) and to disburse (either officer). A payment held by an overdue report waits for
/// the grantee, not for them, and is left out.
/// </summary>
public static class GetPaymentOfficerHome
{
    [Authorize(Roles.CertifyingOfficer, Roles.ApprovingOfficer)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(WorkList ToCertify, WorkList ToApprove, WorkList ToDisburse);

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var me = user.UserId;
            var officer = user.IsInRole(Roles.CertifyingOfficer) || user.IsInRole(Roles.ApprovingOfficer);
            var toCertify = user.IsInRole(Roles.CertifyingOfficer) ? await Waiting(p => p.Status == PaymentStatus.Requested, ct) : WorkList.Empty;
            var toApprove = user.IsInRole(Roles.ApprovingOfficer)
                ? await Waiting(p => p.Status == PaymentStatus.Certified && p.CertifiedById != me && p.RequestedById != me, ct)
                : WorkList.Empty;
            var toDisburse = officer ? await Waiting(p => p.Status == PaymentStatus.Approved, ct) : WorkList.Empty;
            return new Result(toCertify, toApprove, toDisburse);
        }

        private Task<WorkList> Waiting(Expression<Func<GrantPayment, bool>> which, CancellationToken ct) =>
            WorkList.OfAsync(from p in db.GrantPayments.AsNoTracking().Where(which)
                             join g in db.GrantAgreements on p.GrantId equals g.Id
                             where !db.GrantReports.Any(r => r.GrantId == p.GrantId && r.Status == GrantReportStatus.Overdue)
                             orderby p.RequestedAt, g.ReferenceNumber, p.InstalmentNumber
                             select new { p.Id, p.GrantId, p.RequestedAt, p.Amount, g.Grantee, g.ReferenceNumber },
                p => new WorkItem(p.Id, new LocalizedText(p.Grantee), p.ReferenceNumber, p.RequestedAt, ParentId: p.GrantId, Amount: p.Amount), ct);
    }
}
