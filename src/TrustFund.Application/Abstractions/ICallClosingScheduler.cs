namespace TrustFund.Application.Abstractions;

/// <summary>Arranges for a call to be closed exactly at its deadline (a recurring sweep catches any missed one).</summary>
public interface ICallClosingScheduler
{
    void CloseAt(Guid callId, DateTimeOffset deadline);
}
