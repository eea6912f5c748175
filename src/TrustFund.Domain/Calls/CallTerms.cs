using TrustFund.Domain.Finance;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls;

/// <summary>What a fund manager decides about a call; checked as a whole because the rules relate the fields.</summary>
public sealed record CallTerms(
    LocalizedText Title,
    LocalizedText Description,
    FundingWindow Window,
    decimal Envelope,
    decimal MinGrant,
    decimal MaxGrant,
    int MaxDurationMonths,
    DateTimeOffset Deadline,
    string TimeZoneId,
    DateTimeOffset QuestionDeadline)
{
    public void Check()
    {
        if (string.IsNullOrWhiteSpace(Title.En))
            throw new DomainException("The call needs an English title.");
        if (MinGrant <= 0 || MaxGrant <= 0 || Envelope <= 0)
            throw new DomainException("Envelope and grant amounts must be positive.");
        if (MinGrant > MaxGrant)
            throw new DomainException("The minimum grant cannot exceed the maximum grant.");
        if (MinGrant < Window.Floor() || MaxGrant > Window.Ceiling())
            throw new DomainException("Grants in window {0} must lie between {1:N0} and {2:N0}.",
                Window.Code(), Money.InUsd(Window.Floor()), Money.InUsd(Window.Ceiling()));
        if (MaxGrant > Envelope)
            throw new DomainException("The maximum grant cannot exceed the call's envelope.");
        if (MaxDurationMonths < 1 || MaxDurationMonths > Window.MaxDurationMonths())
            throw new DomainException("Projects in window {0} last at most {1} months.", Window.Code(), Window.MaxDurationMonths());
        if (QuestionDeadline > Deadline)
            throw new DomainException("Clarification questions must close before the application deadline.");
        if (TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _) is false)
            throw new DomainException("'{0}' is not a known time zone (use an IANA name such as Europe/Vienna).", TimeZoneId);
    }
}
