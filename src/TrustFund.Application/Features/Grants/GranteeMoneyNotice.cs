using TrustFund.Domain.Finance;
using TrustFund.Application.Data;
using TrustFund.Application.Events;
using TrustFund.Application.Finance;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// The grantee hears when its agreement is ready for signature, when it is signed and when money leaves for it (DOMAIN.md section 5): a notification and
/// an e-mail to each colleague, in their language, once (keyed by the agreement or the payment). Each is written by the handler of the domain
/// event, in the transaction of the command that raised it, so the notice commits exactly when the change does.
/// </summary>
public static class GranteeMoneyNotice
{
    private static readonly NoticeText Ready = new(
        "Grant agreement {0} ready for signature",
        "UNODC has drawn up grant agreement {0} for your project: {1}, from {2:D} to {3:D}. It is ready for signature; you will be told when it is signed and the first instalment is on its way.");

    private static readonly NoticeText Signed = new(
        "Grant agreement {0} signed",
        "UNODC signed grant agreement {0} for {1}. The first instalment is now on its way through the fund's payment steps.");

    private static readonly NoticeText Disbursed = new(
        "Payment sent: grant {0}, instalment {1}",
        "UNODC sent instalment {1} of grant {0}, {2}, with value date {3:D} (bank reference {4}).");

    /// <summary>Once per agreement (keyed by it): a draft drawn up again after a refusal is still the same agreement.</summary>
    public sealed class TellAgreementReady(TrustFundDbContext db, Notifier notifier) : DomainEventHandler<GrantAgreementDrawnUp>
    {
        protected override async Task HandleAsync(GrantAgreementDrawnUp drawnUp, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(drawnUp.GrantId, ct);
            await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"grant-ready:{grant.Id}", Ready, "/apply",
                [grant.ReferenceNumber, Money.InUsd(grant.Amount), grant.StartDate.ToDateTime(TimeOnly.MinValue), grant.EndDate.ToDateTime(TimeOnly.MinValue)], ct);
        }
    }

    public sealed class TellAgreementSigned(TrustFundDbContext db, Notifier notifier) : DomainEventHandler<GrantAgreementSigned>
    {
        protected override async Task HandleAsync(GrantAgreementSigned signed, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(signed.GrantId, ct);
            await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"grant-signed:{grant.Id}", Signed, "/apply",
                [grant.ReferenceNumber, Money.InUsd(signed.Amount)], ct);
        }
    }

    public sealed class TellPaymentDisbursed(TrustFundDbContext db, Notifier notifier) : DomainEventHandler<PaymentDisbursed>
    {
        protected override async Task HandleAsync(PaymentDisbursed disbursed, CancellationToken ct)
        {
            var grant = await db.GrantAsChangedAsync(disbursed.GrantId, ct);
            await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"payment-disbursed:{disbursed.PaymentId}", Disbursed,
                "/apply", [grant.ReferenceNumber, disbursed.InstalmentNumber, Money.InUsd(disbursed.Amount), disbursed.ValueDate.ToDateTime(TimeOnly.MinValue),
                    disbursed.BankReference], ct);
        }
    }
}
