using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TrustFund.Infrastructure.Email;

/// <summary>Writes each message as an .eml file: open it in any mail program to see what would have been sent.</summary>
public sealed class PickupFolderMailTransport(IOptions<SmtpOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N")}.eml";
        var temporary = Path.Combine(Directory, name + ".tmp");
        await message.WriteToAsync(temporary, ct);
        // Renamed only once complete, so a reader never sees half a message.
        File.Move(temporary, Path.Combine(Directory, name), overwrite: true);
    }
}
