using FluentValidation;

namespace TrustFund.Application.Validation;

/// <summary>
/// Rules whose message names the field. FluentValidation's own messages are English and name the C# property
/// ("The length of 'Form Legal Name' must be..."); these carry a catalogue text with numbered placeholders and, as the
/// failure's state, its arguments: the field's label (itself a catalogue text) and the bound, which the page formats
/// in the reader's language (UseCaseExceptionFilter.Message).
/// </summary>
public static class FieldRules
{
    // Oblivious to nullability, as FluentValidation's own MaximumLength is: it serves string and string? fields alike.
#nullable disable
    public static IRuleBuilderOptions<T, string> AtMost<T>(this IRuleBuilder<T, string> rule, int length, string label) =>
        rule.MaximumLength(length).WithMessage("{0}: at most {1:N0} characters.").WithState(_ => new object[] { label, length });
#nullable restore
}
