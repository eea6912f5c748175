using Mediator;
using TrustFund.Application.Authorization;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>
/// How a job sends its request: as the system (<see cref="SystemUser"/>), said explicitly, so the request's declaration is
/// checked as for anyone else and only the requests declared for the system pass.
/// </summary>
public sealed class SystemSender(IMediator mediator, ActingUser acting)
{
    public ValueTask<T> Send<T>(ICommand<T> command, CancellationToken ct)
    {
        acting.AsSystem();
        return mediator.Send(command, ct);
    }
}
