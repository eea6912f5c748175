using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TrustFund.IntegrationTests.Support;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) whose answers the test scripts, one per message
/// received: accept, refuse with a reply code, or drop the connection after the message's data, before answering.
/// Once the script is used up it accepts everything.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public enum Answer { Accept, RefuseForNow, RefuseForGood, DropConnection }

    private readonly ConcurrentQueue<Answer> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    public TestSmtpServer(params Answer[] script)
    {
        _script = new ConcurrentQueue<Answer>(script);
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message that reached the server's DATA stage, whatever it answered.</summary>
    public ConcurrentQueue<MimeKit.MimeMessage> Received { get; } = new();

    /// <summary>The messages it accepted (answered 250).</summary>
    public ConcurrentQueue<MimeKit.MimeMessage> Accepted { get; } = new();

    /// <summary>Waits until the server accepts connections, so a test's first send does not race its start.</summary>
    public async Task ReadyAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeKit.MimeMessage.LoadAsync(stream, cancellationToken);
            server.Received.Enqueue(message);
            var answer = server._script.TryDequeue(out var next) ? next : Answer.Accept;
            switch (answer)
            {
                case Answer.RefuseForNow:
                    return new SmtpResponse((SmtpReplyCode)451, "Requested action aborted: local error in processing");
                case Answer.RefuseForGood:
                    return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "Mailbox unavailable");
                case Answer.DropConnection:
                    // Closes the connection under the session without answering the message (the session then faults).
                    await context.Pipe.Output.CompleteAsync();
                    await context.Pipe.Input.CompleteAsync();
                    (context.Pipe as IDisposable)?.Dispose();
                    throw new IOException("The test server drops the connection mid-message.");
                default:
                    server.Accepted.Enqueue(message);
                    return SmtpResponse.Ok;
            }
        }
    }
}
