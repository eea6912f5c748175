namespace TrustFund.Application.Authorization;

/// <summary>
/// The sender may not send this request (or not about this thing): pages answer 403, the API a problem-details 403. The
/// message names the request for the logs; the person reads only the status page.
/// </summary>
public sealed class ForbiddenException(Type request) : Exception($"Not allowed to send {request.DeclaringType?.Name ?? request.Name}.{request.Name}.");
