using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Account;

/// <summary>
/// The signed-in person chooses the language of their account: the pages after every sign-in, on any browser, and
/// every e-mail and notification they are sent.
/// </summary>
public static class ChangeMyLanguage
{
    [Authorize]
    public sealed record Command(string Language) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(x => x.Language).Must(l => LocalizedText.Languages.Contains(l)).WithMessage("Choose English, French or Spanish.");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser currentUser) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var userId = currentUser.UserId ?? throw new DomainException("Sign in to choose the language of your account.");
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("user", userId);
            user.PreferredLanguage = command.Language;
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
