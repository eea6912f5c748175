using MimeKit;

namespace TrustFund.Infrastructure.Email;

/// <summary>Where a finished message goes: an SMTP server, or a pickup folder on a machine without one.</summary>
public interface IMailTransport
{
    Task DeliverAsync(MimeMessage message, CancellationToken ct);
}
