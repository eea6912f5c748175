using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls;

/// <summary>
/// A call for proposals. Its deadline is an instant (UTC) plus the IANA time zone it was announced in, so that
/// "23:59 Europe/Vienna" stays exactly that for applicants everywhere.
/// </summary>
public sealed class Call : Entity
{
    private Call()
    {
        Title = null!;
        Description = null!;
    }

    public Call(string slug, CallTerms terms, DateTimeOffset now)
    {
        Slug = slug;
        Title = null!;
        Description = null!;
        CreatedAt = now;
        Apply(terms);
    }

    public string Slug { get; private set; } = "";
    public LocalizedText Title { get; private set; }
    public LocalizedText Description { get; private set; }
    public FundingWindow Window { get; private set; }
    public decimal Envelope { get; private set; }
    public decimal MinGrant { get; private set; }
    public decimal MaxGrant { get; private set; }
    public int MaxDurationMonths { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public string TimeZoneId { get; private set; } = "UTC";
    public DateTimeOffset QuestionDeadline { get; private set; }
    public CallStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public CallEligibility Eligibility { get; private set; } = new();
    public LocalizedText PriorityThemes { get; private set; } = new("");
    public List<RubricCriterion> Rubric { get; private set; } = [.. RubricCriterion.Default];

    /// <summary>
    /// Blind review (DOMAIN.md section 4, off by default): trustees scoring see no organisation name, country or
    /// identifying attachment until the scores on the application are locked.
    /// </summary>
    public bool BlindReview { get; private set; }

    /// <summary>
    /// The prefix of this call's reference numbers: numbers run per year and window, across all calls of that window, so a
    /// reference is unique however many calls a year has. Each prefix draws from its own PostgreSQL sequence
    /// (<c>next_reference_number</c>, migration ReferenceNumbersFromSequences).
    /// </summary>
    public string ReferencePrefix => ReferencePrefixFor(Deadline.Year, Window);

    public static string ReferencePrefixFor(int year, FundingWindow window) => $"UNVTF-{year}-{window.Code()}";

    /// <summary>e.g. UNVTF-2026-SGP2-0042.</summary>
    public static string ReferenceNumber(int year, FundingWindow window, int number) => $"{ReferencePrefixFor(year, window)}-{number:0000}";

    /// <summary>Organisations must be registered by this date; by default the deadline's date where the call is run.</summary>
    public DateOnly RegistrationCutOff => Eligibility.RegistrationCutOff ??
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Deadline, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId)).DateTime);

    /// <summary>What the call funds first, what it requires and how it scores: the parts of a call beyond its terms.</summary>
    public void SetRules(LocalizedText priorityThemes, CallEligibility eligibility, IReadOnlyList<RubricCriterion> rubric)
    {
        SetEligibility(eligibility);
        var criteria = rubric.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select(c => c with { Name = c.Name.Trim() }).ToList();
        if (criteria.Count == 0) throw new DomainException("The scoring rubric needs at least one criterion.");
        if (criteria.Any(c => c.Weight <= 0)) throw new DomainException("Every criterion needs a weight above zero.");
        if (criteria.Sum(c => c.Weight) != 100)
            throw new DomainException("The weights of the scoring rubric must sum to 100; they sum to {0}.", criteria.Sum(c => c.Weight));
        PriorityThemes = priorityThemes;
        Rubric = criteria;
    }

    public void SetEligibility(CallEligibility eligibility)
    {
        if (Status is not (CallStatus.Draft or CallStatus.Published))
            throw new DomainException("Only a draft or an open call can be edited.");
        if (eligibility.MinYearsRegistered < 0 || eligibility.MinYearsOfAssistance < 0)
            throw new DomainException("Minimum years cannot be negative.");
        if (eligibility.MaxIndirectCostShare is < 0 or > 1)
            throw new DomainException("The cap on indirect costs is a share between 0 and 100%.");
        if (eligibility.OpenToRegionalGroups.Except(ReferenceData.RegionalGroup.Codes).Any())
            throw new DomainException("Choose regional groups among the five UN regional groups.");
        Eligibility = eligibility with
        {
            OpenToRegionalGroups = [.. eligibility.OpenToRegionalGroups.Distinct().Order(StringComparer.Ordinal)],
            OpenToCountries = [.. eligibility.OpenToCountries.Select(c => c.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>Turns blind review on or off; as the call's other rules, only while it is a draft or open, before any review.</summary>
    public void SetBlindReview(bool blind)
    {
        if (Status is not (CallStatus.Draft or CallStatus.Published))
            throw new DomainException("Only a draft or an open call can be edited.");
        BlindReview = blind;
    }

    public bool IsOpenAt(DateTimeOffset now) => Status == CallStatus.Published && now < Deadline;

    /// <summary>Refuses an organisation from a country the call is not open to (see <see cref="CallEligibility.Admits"/>).</summary>
    public void EnsureOpenToApplicantsFrom(string countryIso2, string? regionalGroupCode)
    {
        if (!Eligibility.Admits(countryIso2, regionalGroupCode))
            throw new DomainException("This call is open only to organisations from the regions or countries listed on its page, and your organisation is registered elsewhere.");
    }

    public void Edit(CallTerms terms)
    {
        if (Status is not (CallStatus.Draft or CallStatus.Published))
            throw new DomainException("Only a draft or an open call can be edited.");
        Apply(terms);
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != CallStatus.Draft)
            throw new DomainException("Only a draft call can be published.");
        if (Deadline <= now)
            throw new DomainException("The deadline has passed: move it into the future before publishing.");
        if (QuestionDeadline <= now)
            throw new DomainException("The deadline for clarification questions has passed: move it into the future before publishing.");
        Status = CallStatus.Published;
        PublishedAt = now;
    }

    public void StartReview(DateTimeOffset now) => MoveFrom(CallStatus.Closed, CallStatus.UnderReview);

    public void MarkDecided(DateTimeOffset now) => MoveFrom(CallStatus.UnderReview, CallStatus.Decided);

    public void Archive(DateTimeOffset now) => MoveFrom(CallStatus.Decided, CallStatus.Archived);

    private void MoveFrom(CallStatus from, CallStatus to)
    {
        if (Status != from) throw new DomainException("This call is {0}; only a call that is {1} can become {2}.", Status, from, to);
        Status = to;
    }

    /// <summary>Closes the call once its deadline has been reached; calling it again does nothing.</summary>
    public bool CloseIfDue(DateTimeOffset now)
    {
        if (Status != CallStatus.Published || now < Deadline) return false;
        Status = CallStatus.Closed;
        ClosedAt = now;
        return true;
    }

    private void Apply(CallTerms terms)
    {
        terms.Check();
        Title = terms.Title;
        Description = terms.Description;
        Window = terms.Window;
        Envelope = terms.Envelope;
        MinGrant = terms.MinGrant;
        MaxGrant = terms.MaxGrant;
        MaxDurationMonths = terms.MaxDurationMonths;
        Deadline = terms.Deadline.ToUniversalTime();
        TimeZoneId = terms.TimeZoneId;
        QuestionDeadline = terms.QuestionDeadline.ToUniversalTime();
    }
}
