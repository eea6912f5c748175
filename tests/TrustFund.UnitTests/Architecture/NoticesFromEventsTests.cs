using Mediator;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Notifications;
using TrustFund.Application.Messaging;

namespace TrustFund.UnitTests.Architecture;

/// <summary>
/// Notices and their e-mails are consequences of a state change, written in one place: the handler of the domain event
/// the entity raised (ApplicantDecisionNotice, GranteeMoneyNotice, GranteeReportNotice), in the command's transaction.
/// A use case's handler that takes the <see cref="Notifier"/> would tell people by hand, beside the entity's rule, where
/// the next use case making the same change would forget to. Only the scheduled sweeps may: what they tell of is time
/// passing (a deadline, a term ending, a month without a rate table), not a change some entity makes.
/// </summary>
public sealed class NoticesFromEventsTests
{
    /// <summary>The time-driven jobs' commands, each named by the use case that declares its handler.</summary>
    private static readonly HashSet<Type> ScheduledSweeps =
    [
        typeof(KeepReportDeadlines), typeof(RemindReviewersAndVoters), typeof(NotifyMissingUnoreTable), typeof(NotifyTermsEnding),
        typeof(NotifyUnliquidatedObligations),
    ];

    [Fact]
    public void NoUseCaseHandler_TellsPeopleByHand_OnlyTheScheduledSweeps()
    {
        var handlers = CommandHandlers(typeof(TrustFundDbContext).Assembly.GetTypes());
        Assert.True(handlers.Count > 50, $"only {handlers.Count} command handlers found");

        var byHand = TakingTheNotifier(handlers).Where(h => !ScheduledSweeps.Contains(h.DeclaringType!)).Select(Name).ToList();

        Assert.True(byHand.Count == 0, "These use cases write notices themselves; raise a domain event from the entity and write the notice " +
            "in its handler (see ApplicantDecisionNotice):\n" + string.Join("\n", byHand));
    }

    [Fact]
    public void TheCheck_CatchesAUseCaseThatTakesTheNotifier()
    {
        var handlers = CommandHandlers([typeof(TellsByHand.Handler), typeof(TellsThroughAnEvent.Handler)]);

        Assert.Equal(2, handlers.Count);
        Assert.Equal([typeof(TellsByHand.Handler)], TakingTheNotifier(handlers));
    }

    private static List<Type> CommandHandlers(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(ICommandHandler<>)))).ToList();

    private static List<Type> TakingTheNotifier(IEnumerable<Type> handlers) =>
        handlers.Where(h => h.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Notifier)))).ToList();

    private static string Name(Type handler) => $"{handler.DeclaringType?.Name}.{handler.Name}";

    // The control: one use case shaped as the check must refuse, one as it must let through.
    public static class TellsByHand
    {
        public sealed record Command : ICommand<Unit>;

        public sealed class Handler(Notifier notifier) : ICommandHandler<Command, Unit>
        {
            public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
            {
                await notifier.NotifyAsync([], "by-hand", new NoticeText("Subject", "Body"), "/", [], ct);
                return Unit.Value;
            }
        }
    }

    public static class TellsThroughAnEvent
    {
        public sealed record Command : ICommand;

        public sealed class Handler(TrustFundDbContext db) : ICommandHandler<Command>
        {
            public ValueTask<Unit> Handle(Command command, CancellationToken ct) => ValueTask.FromResult(db is null ? Unit.Value : Unit.Value);
        }
    }
}
