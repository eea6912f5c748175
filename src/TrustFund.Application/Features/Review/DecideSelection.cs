using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Review;

public enum Selection
{
    Shortlist,
    ReserveList,
    NotSelected,
}

/// <summary>
/// The secretariat shortlists an application, puts it on the reserve list, or marks it not selected, with a message the
/// applicant reads (the decision raises ApplicationDecided: <see cref="Applications.ApplicantDecisionNotice"/> tells the applicant).
/// </summary>
public static class DecideSelection
{
    [Authorize(Roles.FundManager)]
    public sealed record Command(Guid ApplicationId, Selection Selection, string Message) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Message).NotEmpty().WithMessage("Write the message the applicant will read.").AtMost(4000, "Message the applicant will read");
    }

    public sealed class Handler(TrustFundDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("application", command.ApplicationId);
            var now = clock.GetUtcNow();
            switch (command.Selection)
            {
                case Selection.Shortlist: application.Shortlist(now, user.UserName, command.Message); break;
                case Selection.ReserveList: application.PutOnReserveList(now, user.UserName, command.Message); break;
                default: application.MarkNotSelected(now, user.UserName, command.Message); break;
            }
            return Unit.Value;
        }
    }
}
