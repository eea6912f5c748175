using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Features.Calls;

public static class CreateCall
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(CallForm Form) : ICommand<Result>;
    public sealed record Result(Guid Id, string Slug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Form).SetValidator(new CallFormValidator());
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            await command.Form.EnsureCountriesKnownAsync(db, ct);
            var terms = command.Form.ToTerms();
            var slug = await UniqueSlug(CallSlug.From(terms.Deadline.Year, terms.Window, terms.Title.En), ct);
            var call = new Call(slug, terms, clock.GetUtcNow());
            var (themes, eligibility, rubric) = command.Form.ToRules();
            call.SetRules(themes, eligibility, rubric);
            call.SetBlindReview(command.Form.BlindReview);
            db.Calls.Add(call);
            await db.SaveChangesAsync(ct);
            return new Result(call.Id, call.Slug);
        }

        private async Task<string> UniqueSlug(string wanted, CancellationToken ct)
        {
            var taken = await db.Calls.Where(c => c.Slug == wanted || c.Slug.StartsWith(wanted + "-"))
                .Select(c => c.Slug).ToListAsync(ct);
            if (!taken.Contains(wanted)) return wanted;
            var n = 2;
            while (taken.Contains($"{wanted}-{n}")) n++;
            return $"{wanted}-{n}";
        }
    }
}
