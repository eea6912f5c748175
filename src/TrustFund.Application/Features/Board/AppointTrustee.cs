using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Board;

/// <summary>
/// Appoints a trustee: a person holding the Trustee role, their nationality, the regional group they represent
/// (the nationality's unless overridden with a reason) and the term, three years unless an end is given.
/// </summary>
public static class AppointTrustee
{
    [Authorize(Roles.Admin)]
    public sealed record Command(Guid PersonId, string NationalityIso2, string? RegionalGroupCode, string? RegionalGroupReason,
        DateOnly TermStart, DateOnly? TermEnd) : ICommand<Result>;

    public sealed record Result(Guid AppointmentId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.PersonId).NotEmpty().WithMessage("Choose the person to appoint.");
            RuleFor(x => x.NationalityIso2).NotEmpty().WithMessage("Choose the trustee's nationality.");
            RuleFor(x => x.TermStart).NotEmpty().WithMessage("Enter the first day of the term.");
            RuleFor(x => x.RegionalGroupReason).MaximumLength(1000).WithMessage("Keep the reason under 1,000 characters.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            await TrusteeCheck.EnsureHoldsTrusteeRole(db, command.PersonId, ct);
            var country = await db.Countries.AsNoTracking().SingleOrDefaultAsync(c => c.Iso2 == command.NationalityIso2, ct)
                ?? throw new DomainException("Choose the nationality from the list of countries.");

            var board = await BoardChanges.LoadLockedAsync(db, ct);
            var appointment = board.Appoint(command.PersonId, country.Iso2, country.RegionalGroupCode, command.RegionalGroupCode,
                command.RegionalGroupReason, command.TermStart, command.TermEnd, clock.GetUtcNow());
            db.TrusteeAppointments.Add(appointment);
            await db.SaveChangesAsync(ct);
            return new Result(appointment.Id);
        }
    }
}

internal static class TrusteeCheck
{
    public static async Task EnsureHoldsTrusteeRole(TrustFundDbContext db, Guid personId, CancellationToken ct)
    {
        var isTrustee = await db.UserRoles.AnyAsync(ur => ur.UserId == personId &&
            db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Trustee), ct);
        if (!isTrustee)
            throw new DomainException("Only a person with the Trustee role can be appointed: give them the role first.");
    }
}
