using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Questions;

/// <summary>An NGO asks the secretariat about a call, until the question deadline.</summary>
public static class AskQuestion
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(Guid CallId, string Question) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Question).NotEmpty().WithMessage("Write your question.").AtMost(4000, "Your question");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var organisationId = user.OrganisationId ?? throw new DomainException("Only users of a registered organisation can ask questions.");
            var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == command.CallId, ct) ?? throw new NotFoundException("call", command.CallId);
            var question = new ClarificationQuestion(call, organisationId, command.Question, clock.GetUtcNow());
            db.ClarificationQuestions.Add(question);
            await db.SaveChangesAsync(ct);
            return question.Id;
        }
    }
}
