namespace TrustFund.Web.Identity;

/// <summary>
/// The security log of sign-ins: who (the account's id, or that no account matched), from where, and what happened.
/// Never a password, a code, a token or the address typed into a failed sign-in (people type passwords there).
/// Events have fixed ids so a log collector can alert on them (many failures, lock-outs, recovery codes).
/// </summary>
public sealed partial class AuthenticationLog(ILogger<AuthenticationLog> logger, IHttpContextAccessor http)
{
    private string Client => http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void SignedIn(Guid userId, string method) => SignedIn(logger, userId, method, Client);
    public void Failed(Guid? userId, string method) => Failed(logger, userId?.ToString() ?? "no such account", method, Client);
    public void LockedOut(Guid userId) => LockedOut(logger, userId, Client);
    public void Throttled(string limit) => Throttled(logger, limit, Client);
    public void RecoveryCodeUsed(Guid userId) => RecoveryCodeUsed(logger, userId, Client);
    public void TokenUsed(Guid userId, Guid tokenId) => TokenUsed(logger, userId, tokenId, Client);
    public void TokenRefused(string reason) => TokenRefused(logger, reason, Client);
    public void PasswordChanged(Guid userId) => PasswordChanged(logger, userId, Client);
    public void SignedOut(Guid userId) => SignedOut(logger, userId, Client);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Sign-in succeeded for user {UserId} ({Method}) from {Client}")]
    private static partial void SignedIn(ILogger logger, Guid userId, string method, string client);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Sign-in failed for {Account} ({Method}) from {Client}")]
    private static partial void Failed(ILogger logger, string account, string method, string client);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Account {UserId} locked out after failed sign-ins, last from {Client}")]
    private static partial void LockedOut(ILogger logger, Guid userId, string client);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Sign-in attempts throttled ({Limit}) from {Client}")]
    private static partial void Throttled(ILogger logger, string limit, string client);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Recovery code used by user {UserId} from {Client}")]
    private static partial void RecoveryCodeUsed(ILogger logger, Guid userId, string client);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "API token {TokenId} of user {UserId} used from {Client}")]
    private static partial void TokenUsed(ILogger logger, Guid userId, Guid tokenId, string client);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning, Message = "API token refused ({Reason}) from {Client}")]
    private static partial void TokenRefused(ILogger logger, string reason, string client);

    [LoggerMessage(EventId = 9008, Level = LogLevel.Information, Message = "Password changed for user {UserId} from {Client}")]
    private static partial void PasswordChanged(ILogger logger, Guid userId, string client);

    [LoggerMessage(EventId = 9009, Level = LogLevel.Information, Message = "User {UserId} signed out from {Client}")]
    private static partial void SignedOut(ILogger logger, Guid userId, string client);
}
