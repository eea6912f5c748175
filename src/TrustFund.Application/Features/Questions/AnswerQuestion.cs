using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Validation;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Questions;

/// <summary>The secretariat answers a question and publishes the Q&A on the call's page, without the asker's name.</summary>
public static class AnswerQuestion
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid QuestionId, string Question, string Answer, bool Publish) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Answer).NotEmpty().WithMessage("Write the answer.").AtMost(8000, "Answer");
            // The column holds 4,000 characters, as the asker's form allows: a longer edit failed the save instead of being refused.
            RuleFor(x => x.Question).AtMost(4000, "Question as published (remove anything that identifies the asker)");
        }
    }

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var question = await db.ClarificationQuestions.SingleOrDefaultAsync(q => q.Id == command.QuestionId, ct)
                ?? throw new NotFoundException("question", command.QuestionId);
            question.AnswerAndPublish(command.Question, command.Answer, command.Publish, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
