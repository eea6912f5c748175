using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Calls;

public static class EditCall
{
    /// <param name="Version">The row version the editor loaded; a stale one means someone else saved first.</param>
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid CallId, uint Version, CallForm Form) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Form).SetValidator(new CallFormValidator());
    }

    public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == command.CallId, ct)
                ?? throw new NotFoundException("call", command.CallId);
            await command.Form.EnsureCountriesKnownAsync(db, ct);
            db.Entry(call).Property("xmin").OriginalValue = command.Version;
            call.Edit(command.Form.ToTerms());
            var (themes, eligibility, rubric) = command.Form.ToRules();
            call.SetRules(themes, eligibility, rubric);
            call.SetBlindReview(command.Form.BlindReview);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
