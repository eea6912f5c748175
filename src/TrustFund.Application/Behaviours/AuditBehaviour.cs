using Mediator;
using TrustFund.Application.Auditing;

namespace TrustFund.Application.Behaviours;

/// <summary>Names the running use case (PublishCall, CreateUser...) for the audit rows its changes produce.</summary>
public sealed class AuditBehaviour<TMessage, TResponse>(AuditContext context) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        // Use cases are nested "Command" records inside a class named after the use case.
        var type = typeof(TMessage);
        context.Action = type.DeclaringType?.Name ?? type.Name;
        return next(message, cancellationToken);
    }
}
