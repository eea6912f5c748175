namespace TrustFund.Domain.Common;

/// <summary>A business rule was broken. The message is shown to the user as it is, so write it for them.</summary>
public class DomainException(string message) : Exception(message);
