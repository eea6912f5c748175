namespace TrustFund.Application;

/// <summary>What was asked for does not exist, or the asker may not know that it does: both answer 404.</summary>
public sealed class NotFoundException(string what, object key) : Exception($"No {what} {key}.");
