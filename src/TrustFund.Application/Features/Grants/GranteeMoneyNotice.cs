using TrustFund.Application.Data;
using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>
/// The grantee hears when its agreement is ready for signature, when it is signed and when money leaves for it (DOMAIN.md section 5): a notification and
/// an e-mail to each colleague, in their language, once (keyed by the agreement or the payment).
/// </summary>
public static class GranteeMoneyNotice
{
    private static readonly Notifier.Texts Ready = new(
        ("Grant agreement {0} ready for signature", "UNODC has drawn up grant agreement {0} for your project: USD {1:N2}, from {2:yyyy-MM-dd} to {3:yyyy-MM-dd}. It is ready for signature; you will be told when it is signed and the first instalment is on its way."),
        ("Accord de subvention {0} prêt pour la signature", "L'ONUDC a établi l'accord de subvention {0} pour votre projet : {1:N2} USD, du {2:yyyy-MM-dd} au {3:yyyy-MM-dd}. Il est prêt pour la signature ; vous serez informé de sa signature et de l'envoi du premier versement."),
        ("Acuerdo de subvención {0} listo para la firma", "La UNODC ha preparado el acuerdo de subvención {0} para su proyecto: {1:N2} USD, del {2:yyyy-MM-dd} al {3:yyyy-MM-dd}. Está listo para la firma; se le informará cuando se firme y cuando el primer pago esté en camino."));

    private static readonly Notifier.Texts Signed = new(
        ("Grant agreement {0} signed", "UNODC signed grant agreement {0} for USD {1:N2}. The first instalment is now on its way through the fund's payment steps."),
        ("Accord de subvention {0} signé", "L'ONUDC a signé l'accord de subvention {0} pour {1:N2} USD. Le premier versement suit maintenant les étapes de paiement du fonds."),
        ("Acuerdo de subvención {0} firmado", "La UNODC firmó el acuerdo de subvención {0} por {1:N2} USD. El primer pago sigue ahora los pasos de pago del fondo."));

    private static readonly Notifier.Texts Disbursed = new(
        ("Payment sent: grant {0}, instalment {1}", "UNODC sent instalment {1} of grant {0}, USD {2:N2}, with value date {3:yyyy-MM-dd} (bank reference {4})."),
        ("Paiement envoyé : subvention {0}, versement {1}", "L'ONUDC a envoyé le versement {1} de la subvention {0}, {2:N2} USD, date de valeur {3:yyyy-MM-dd} (référence bancaire {4})."),
        ("Pago enviado: subvención {0}, pago {1}", "La UNODC envió el pago {1} de la subvención {0}, {2:N2} USD, con fecha valor {3:yyyy-MM-dd} (referencia bancaria {4})."));

    /// <summary>Once per agreement (keyed by it): a draft drawn up again after a refusal is still the same agreement.</summary>
    public static async Task TellAgreementReadyAsync(this Notifier notifier, TrustFundDbContext db, GrantAgreement grant, CancellationToken ct) =>
        await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"grant-ready:{grant.Id}", Ready, "/apply",
            [grant.ReferenceNumber, grant.Amount, grant.StartDate.ToDateTime(TimeOnly.MinValue), grant.EndDate.ToDateTime(TimeOnly.MinValue)], ct);

    public static async Task TellAgreementSignedAsync(this Notifier notifier, TrustFundDbContext db, GrantAgreement grant, CancellationToken ct) =>
        await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"grant-signed:{grant.Id}", Signed, "/apply",
            [grant.ReferenceNumber, grant.Amount], ct);

    public static async Task TellPaymentDisbursedAsync(this Notifier notifier, TrustFundDbContext db, GrantAgreement grant, GrantPayment payment,
        CancellationToken ct) =>
        await notifier.NotifyAsync(await db.GranteeRecipientsAsync(grant.OrganisationId, ct), $"payment-disbursed:{payment.Id}", Disbursed, "/apply",
            [grant.ReferenceNumber, payment.InstalmentNumber, payment.Amount, payment.ValueDate!.Value.ToDateTime(TimeOnly.MinValue), payment.BankReference!], ct);
}
