using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TrustFund.Infrastructure.Email;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// The outbox sent as the worker sends it, read back as its readers receive it (the pickup folder's .eml files): a
/// sweep's notices are rendered only when sent, so what a reader gets is asserted here, not in the outbox's rows.
/// </summary>
public static class DeliveredMail
{
    /// <summary>One received mail; line endings as .NET writes them ("\n"), the transport's final line break dropped.</summary>
    public sealed record Received(string To, string Subject, string TextBody, string HtmlBody);

    public static async Task<IReadOnlyList<Received>> SendOutboxAsync(this TrustFundAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync(batchSize: 500) > 0) { }
        if (!Directory.Exists(app.PickupDirectory)) return [];
        var received = new List<Received>();
        foreach (var file in Directory.GetFiles(app.PickupDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            received.Add(new Received(message.To.Mailboxes.Single().Address, message.Subject ?? "",
                (message.TextBody ?? "").ReplaceLineEndings("\n").TrimEnd('\n'), (message.HtmlBody ?? "").ReplaceLineEndings("\n").TrimEnd('\n')));
        }
        return received;
    }
}
