using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;
using TrustFund.Domain.Security;

namespace TrustFund.Application.Features.ApiTokens;

/// <summary>
/// The signed-in person creates a personal API token. The secret is in the result only: it is shown once and
/// cannot be read again. Staff need two-factor authentication first, as for the staff pages.
/// </summary>
public static class CreateApiToken
{
    /// <param name="ExpiresOn">Last day (UTC) the token works, at most 90 days away; none means 90 days from now.</param>
    [Authorize]
    public sealed record Command(string Name, DateOnly? ExpiresOn) : ICommand<Result>;

    public sealed record Result(Guid Id, string Token);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Give the token a name, so you know later what it is for.")
                .MaximumLength(100).WithMessage("The name can be at most 100 characters long.");
            // A far date (9999-12-31) is refused here with the other date fields' message: the day after it, which the
            // handler computes, would not exist. Within the window, the entity says the 90 days.
            RuleFor(x => x.ExpiresOn).Must(InputLimits.IsInDateWindow).WithMessage("Enter a date between 1 January 1900 and 31 December 2100.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var userId = currentUser.UserId ?? throw new DomainException("Sign in to create an API token.");
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
                ?? throw new NotFoundException("user", userId);
            if (Roles.Staff.Any(currentUser.IsInRole) && !user.TwoFactorEnabled)
                throw new DomainException("Turn on two-factor authentication before creating an API token: your role requires it.");

            // Valid through the whole of the chosen day, UTC.
            DateTimeOffset? expiresAt = command.ExpiresOn is { } day
                ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : null;
            var (token, secret) = ApiToken.Issue(userId, command.Name, clock.GetUtcNow(), expiresAt);
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(ct);
            return new Result(token.Id, secret);
        }
    }
}
