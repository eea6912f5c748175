using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Email;

/// <summary>An administrator sends an undelivered mail again: the dispatcher tries it at its next poll, with a fresh three days of tries.</summary>
public static class ResendMail
{
    [Authorize(Roles.Admin)]
    public sealed record Command(Guid EmailId) : ICommand<Unit>;

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var email = await db.OutboxEmails.SingleOrDefaultAsync(e => e.Id == command.EmailId, ct)
                ?? throw new NotFoundException("e-mail", command.EmailId);
            email.Resend();
            return Unit.Value;
        }
    }
}
