using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Data;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Finance;
using TrustFund.Application.Validation;

namespace TrustFund.Application.Features.Calls;

/// <summary>
/// The fields a fund manager types for a call, shared by <see cref="CreateCall"/> and <see cref="EditCall"/>.
/// The deadlines are local wall-clock times in <see cref="TimeZoneId"/>, as the call text announces them.
/// </summary>
public sealed record CallForm
{
    public string TitleEn { get; init; } = "";
    public string? TitleFr { get; init; }
    public string? TitleEs { get; init; }
    public string DescriptionEn { get; init; } = "";
    public string? DescriptionFr { get; init; }
    public string? DescriptionEs { get; init; }
    public FundingWindow Window { get; init; } = FundingWindow.MediumTerm;
    public decimal Envelope { get; init; }
    public decimal MinGrant { get; init; }
    public decimal MaxGrant { get; init; }
    public int MaxDurationMonths { get; init; }
    public DateTime DeadlineLocal { get; init; }
    public DateTime QuestionDeadlineLocal { get; init; }
    public string TimeZoneId { get; init; } = "Europe/Vienna";

    public string? PriorityThemesEn { get; init; }
    public string? PriorityThemesFr { get; init; }
    public string? PriorityThemesEs { get; init; }
    public int MinYearsRegistered { get; init; } = 1;
    public DateOnly? RegistrationCutOff { get; init; }
    public int MinYearsOfAssistance { get; init; } = 1;
    public decimal MaxIndirectCostPercent { get; init; } = 7;
    public List<DocumentType> RequiredDocuments { get; init; } = [.. new CallEligibility().RequiredDocuments];
    public List<RubricRow> Rubric { get; init; } = [.. RubricCriterion.Default.Select(RubricRow.Of)];

    /// <summary>Trustees scoring see no organisation name, country or attachments until the scores are locked.</summary>
    public bool BlindReview { get; init; }

    /// <summary>The regional groups (codes) whose organisations may apply; none ticked and no country: open to all.</summary>
    public List<string> OpenToRegionalGroups { get; init; } = [];

    /// <summary>Countries whose organisations may apply, as the secretariat types them: ISO codes separated by commas ("NP, UA").</summary>
    public string? OpenToCountries { get; init; }

    public IReadOnlyList<string> OpenToCountryCodes() =>
        (OpenToCountries ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
        .Select(c => c.ToUpperInvariant()).Distinct().ToList();

    /// <summary>
    /// One row of the rubric table as the form posts it: the spare rows the form offers come back blank, and a blank row
    /// is dropped, not refused ("The Name field is required. / The value '' is invalid." once per spare row).
    /// </summary>
    public sealed class RubricRow
    {
        public string? Name { get; set; }
        public int? Weight { get; set; }

        public static RubricRow Of(RubricCriterion criterion) => new() { Name = criterion.Name, Weight = criterion.Weight };
    }

    public (LocalizedText Themes, CallEligibility Eligibility, IReadOnlyList<RubricCriterion> Rubric) ToRules() =>
        (new LocalizedText(PriorityThemesEn?.Trim() ?? "", Blank(PriorityThemesFr), Blank(PriorityThemesEs)),
         new CallEligibility
         {
             MinYearsRegistered = MinYearsRegistered, RegistrationCutOff = RegistrationCutOff, MinYearsOfAssistance = MinYearsOfAssistance,
             MaxIndirectCostShare = MaxIndirectCostPercent / 100m, RequiredDocuments = RequiredDocuments.Distinct().ToList(),
             OpenToRegionalGroups = OpenToRegionalGroups.Distinct().ToList(), OpenToCountries = [.. OpenToCountryCodes()],
         },
         Rubric.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select(c => new RubricCriterion(c.Name!.Trim(), c.Weight ?? 0)).ToList());

    public CallTerms ToTerms()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        return new CallTerms(
            new LocalizedText(TitleEn.Trim(), Blank(TitleFr), Blank(TitleEs)),
            new LocalizedText(DescriptionEn.Trim(), Blank(DescriptionFr), Blank(DescriptionEs)),
            Window, Envelope, MinGrant, MaxGrant, MaxDurationMonths,
            ToInstant(DeadlineLocal, zone), TimeZoneId, ToInstant(QuestionDeadlineLocal, zone));
    }

    public static CallForm From(Call call)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(call.TimeZoneId);
        return new CallForm
        {
            TitleEn = call.Title.En, TitleFr = call.Title.Fr, TitleEs = call.Title.Es,
            DescriptionEn = call.Description.En, DescriptionFr = call.Description.Fr, DescriptionEs = call.Description.Es,
            Window = call.Window, Envelope = call.Envelope, MinGrant = call.MinGrant, MaxGrant = call.MaxGrant,
            MaxDurationMonths = call.MaxDurationMonths, TimeZoneId = call.TimeZoneId,
            DeadlineLocal = TimeZoneInfo.ConvertTime(call.Deadline, zone).DateTime,
            QuestionDeadlineLocal = TimeZoneInfo.ConvertTime(call.QuestionDeadline, zone).DateTime,
            PriorityThemesEn = call.PriorityThemes.En, PriorityThemesFr = call.PriorityThemes.Fr, PriorityThemesEs = call.PriorityThemes.Es,
            MinYearsRegistered = call.Eligibility.MinYearsRegistered, RegistrationCutOff = call.Eligibility.RegistrationCutOff,
            MinYearsOfAssistance = call.Eligibility.MinYearsOfAssistance, MaxIndirectCostPercent = call.Eligibility.MaxIndirectCostShare * 100m,
            RequiredDocuments = [.. call.Eligibility.RequiredDocuments], Rubric = [.. call.Rubric.Select(RubricRow.Of)],
            BlindReview = call.BlindReview, OpenToRegionalGroups = [.. call.Eligibility.OpenToRegionalGroups], OpenToCountries = string.Join(", ", call.Eligibility.OpenToCountries),
        };
    }

    /// <summary>Refuses a country code the reference data does not know: a typo would otherwise shut out the country meant.</summary>
    public async Task EnsureCountriesKnownAsync(TrustFundDbContext db, CancellationToken ct)
    {
        var codes = OpenToCountryCodes();
        if (codes.Count == 0) return;
        var known = await db.Countries.Where(c => codes.Contains(c.Iso2)).Select(c => c.Iso2).ToListAsync(ct);
        var unknown = codes.Except(known).ToList();
        if (unknown.Count > 0)
            throw new ValidationException([new ValidationFailure("Form.OpenToCountries", "No country has the code {0}.")
                { FormattedMessagePlaceholderValues = new Dictionary<string, object> { ["0"] = string.Join(", ", unknown) } }]);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall-clock time skipped by a daylight-saving jump does not exist; move it forward by the gap.
        while (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddMinutes(30);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}

public sealed class CallFormValidator : AbstractValidator<CallForm>
{
    public CallFormValidator()
    {
        RuleFor(x => x.TitleEn).NotEmpty().WithMessage("Enter the English title.").AtMost(200, "English title");
        RuleFor(x => x.TitleFr).AtMost(200, "French title");
        RuleFor(x => x.TitleEs).AtMost(200, "Spanish title");
        RuleFor(x => x.DescriptionEn).NotEmpty().WithMessage("Enter the English description.");
        RuleFor(x => x.Window).IsInEnum().WithMessage("Choose a funding window.");
        RuleFor(x => x.Envelope).GreaterThan(0).WithMessage("The envelope must be more than zero.")
            .Must(InputLimits.IsAmount).WithMessage("Enter an amount from USD 0 to USD 100,000,000.00, in whole cents.");
        RuleFor(x => x.MinGrant).GreaterThan(0).WithMessage("The minimum grant must be more than zero.");
        RuleFor(x => x.MaxGrant).GreaterThanOrEqualTo(x => x.MinGrant)
            .WithMessage("The maximum grant must be at least the minimum grant.");
        RuleFor(x => x.MaxGrant).Must((form, max) => max <= form.Window.Ceiling())
            .WithMessage("The maximum grant in window {0} is {1:N0}.").WithState(form => new object[] { form.Window.Code(), Money.InUsd(form.Window.Ceiling()) });
        RuleFor(x => x.MinGrant).Must((form, min) => min >= form.Window.Floor())
            .WithMessage("The minimum grant in window {0} is {1:N0}.").WithState(form => new object[] { form.Window.Code(), Money.InUsd(form.Window.Floor()) });
        RuleFor(x => x.MaxDurationMonths).InclusiveBetween(1, 24).WithMessage("The maximum duration is 1 to 24 months.")
            .Must((form, months) => months <= form.Window.MaxDurationMonths())
            .WithMessage("Projects in window {0} last at most {1} months.").WithState(form => new object[] { form.Window.Code(), form.Window.MaxDurationMonths() });
        // An empty box binds as null, which the time-zone look-up would throw on.
        RuleFor(x => x.TimeZoneId).Must(id => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            .WithMessage("Choose a known time zone, e.g. Europe/Vienna.");
        RuleFor(x => x.QuestionDeadlineLocal).LessThanOrEqualTo(x => x.DeadlineLocal)
            .WithMessage("Clarification questions must close before the application deadline.");
        RuleFor(x => x.MinYearsRegistered).InclusiveBetween(0, 50).WithMessage("Enter a number of years between 0 and 50.");
        RuleFor(x => x.MinYearsOfAssistance).InclusiveBetween(0, 50).WithMessage("Enter a number of years between 0 and 50.");
        RuleFor(x => x.MaxIndirectCostPercent).InclusiveBetween(0, 100).WithMessage("The cap on indirect costs is a share between 0 and 100%.");
        RuleFor(x => x.OpenToCountries).AtMost(2000, "Countries")
            .Must((form, _) => form.OpenToCountryCodes().All(c => c.Length == 2 && c.All(char.IsAsciiLetter)))
            .WithMessage("Give countries as two-letter ISO codes separated by commas, e.g. NP, UA.");
        RuleFor(x => x.Rubric).Must(r => r.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Sum(c => c.Weight ?? 0) == 100)
            .WithMessage("The weights of the scoring rubric must sum to 100.");
    }
}
